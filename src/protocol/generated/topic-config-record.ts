// generated from protocol/canopy/metadata/TopicConfigRecord.json — do not edit (npm run generate)
// TopicConfigRecord (api key 8): versions 0, flexible 0

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface TopicConfigRecord {
  /** The id of the topic. (versions 0+) */
  topicId: Buffer;
  /** The config name (Kafka's name, e.g. retention.ms). (versions 0+) */
  key: string;
  /** The new value, or null to remove the key. (versions 0+, nullable 0+) */
  value: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readTopicConfigRecord(r: Reader, version: number): TopicConfigRecord {
  if (version < 0 || version > 0) decodeBadVersion('TopicConfigRecord', version);
  let f_topicId: Buffer;
  let f_key: string;
  let f_value: string | null;
  f_topicId = r.readUuid();
  f_key = r.readCompactString();
  f_value = r.readCompactNullableString();
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { topicId: f_topicId, key: f_key, value: f_value, unknownTaggedFields };
}

export function writeTopicConfigRecord(w: Writer, version: number, m: TopicConfigRecord): void {
  if (version < 0 || version > 0) encodeBadVersion('TopicConfigRecord', version);
  if (m.topicId == null) encodeNotNullable('TopicConfigRecord.topicId', version);
  w.writeUuid(m.topicId);
  if (m.key == null) encodeNotNullable('TopicConfigRecord.key', version);
  w.writeCompactString(m.key);
  w.writeCompactNullableString(m.value);
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}
