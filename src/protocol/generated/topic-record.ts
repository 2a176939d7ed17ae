// generated from protocol/canopy/metadata/TopicRecord.json — do not edit (npm run generate)
// TopicRecord (api key 5): versions 0, flexible 0

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface TopicRecord {
  /** The topic name; unique among live topics. (versions 0+) */
  name: string;
  /** The topic id; never all zeros, never reused. (versions 0+) */
  topicId: Buffer;
  /** True for topics the broker owns (__consumer_offsets). (versions 0+) */
  internal: boolean;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readTopicRecord(r: Reader, version: number): TopicRecord {
  if (version < 0 || version > 0) decodeBadVersion('TopicRecord', version);
  let f_name: string;
  let f_topicId: Buffer;
  let f_internal: boolean;
  f_name = r.readCompactString();
  f_topicId = r.readUuid();
  f_internal = r.readBool();
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { name: f_name, topicId: f_topicId, internal: f_internal, unknownTaggedFields };
}

export function writeTopicRecord(w: Writer, version: number, m: TopicRecord): void {
  if (version < 0 || version > 0) encodeBadVersion('TopicRecord', version);
  if (m.name == null) encodeNotNullable('TopicRecord.name', version);
  w.writeCompactString(m.name);
  if (m.topicId == null) encodeNotNullable('TopicRecord.topicId', version);
  w.writeUuid(m.topicId);
  w.writeBool(m.internal);
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}
