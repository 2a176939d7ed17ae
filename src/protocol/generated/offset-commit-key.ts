// generated from protocol/kafka/OffsetCommitKey.json — do not edit (npm run generate)
// OffsetCommitKey: versions 0-1, flexible none

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import { decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface OffsetCommitKey {
  /** The group id. (versions 0+) */
  group: string;
  /** The topic name. (versions 0+) */
  topic: string;
  /** The partition index. (versions 0+) */
  partition: number;
}

export function readOffsetCommitKey(r: Reader, version: number): OffsetCommitKey {
  if (version < 0 || version > 1) decodeBadVersion('OffsetCommitKey', version);
  let f_group: string;
  let f_topic: string;
  let f_partition: number;
  f_group = r.readString();
  f_topic = r.readString();
  f_partition = r.readInt32();
  return { group: f_group, topic: f_topic, partition: f_partition };
}

export function writeOffsetCommitKey(w: Writer, version: number, m: OffsetCommitKey): void {
  if (version < 0 || version > 1) encodeBadVersion('OffsetCommitKey', version);
  if (m.group == null) encodeNotNullable('OffsetCommitKey.group', version);
  w.writeString(m.group);
  if (m.topic == null) encodeNotNullable('OffsetCommitKey.topic', version);
  w.writeString(m.topic);
  w.writeInt32(m.partition);
}
