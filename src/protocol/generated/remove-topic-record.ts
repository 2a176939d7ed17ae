// generated from protocol/canopy/metadata/RemoveTopicRecord.json — do not edit (npm run generate)
// RemoveTopicRecord (api key 9): versions 0, flexible 0

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface RemoveTopicRecord {
  /** The id of the topic to remove. (versions 0+) */
  topicId: Buffer;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readRemoveTopicRecord(r: Reader, version: number): RemoveTopicRecord {
  if (version < 0 || version > 0) decodeBadVersion('RemoveTopicRecord', version);
  let f_topicId: Buffer;
  f_topicId = r.readUuid();
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { topicId: f_topicId, unknownTaggedFields };
}

export function writeRemoveTopicRecord(w: Writer, version: number, m: RemoveTopicRecord): void {
  if (version < 0 || version > 0) encodeBadVersion('RemoveTopicRecord', version);
  if (m.topicId == null) encodeNotNullable('RemoveTopicRecord.topicId', version);
  w.writeUuid(m.topicId);
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}
