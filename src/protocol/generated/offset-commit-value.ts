// generated from protocol/kafka/OffsetCommitValue.json — do not edit (npm run generate)
// OffsetCommitValue: versions 0-3, flexible none

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import { decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface OffsetCommitValue {
  /** The committed offset. (versions 0+) */
  offset: number;
  /** The leader epoch of the committed offset, or -1 if unknown. (versions 3+) */
  leaderEpoch: number;
  /** The metadata the client committed with the offset. (versions 0+) */
  metadata: string;
  /** When the offset was committed, in ms since the epoch. (versions 0+) */
  commitTimestamp: number;
  /** When the offset expires, in ms since the epoch (version 1 only). (versions 1) */
  expireTimestamp: number;
}

export function readOffsetCommitValue(r: Reader, version: number): OffsetCommitValue {
  if (version < 0 || version > 3) decodeBadVersion('OffsetCommitValue', version);
  let f_offset: number;
  let f_leaderEpoch: number = -1;
  let f_metadata: string;
  let f_commitTimestamp: number;
  let f_expireTimestamp: number = -1;
  f_offset = r.readInt64();
  if (version >= 3) {
    f_leaderEpoch = r.readInt32();
  }
  f_metadata = r.readString();
  f_commitTimestamp = r.readInt64();
  if (version >= 1 && version <= 1) {
    f_expireTimestamp = r.readInt64();
  }
  return { offset: f_offset, leaderEpoch: f_leaderEpoch, metadata: f_metadata, commitTimestamp: f_commitTimestamp, expireTimestamp: f_expireTimestamp };
}

export function writeOffsetCommitValue(w: Writer, version: number, m: OffsetCommitValue): void {
  if (version < 0 || version > 3) encodeBadVersion('OffsetCommitValue', version);
  w.writeInt64(m.offset);
  if (version >= 3) {
    w.writeInt32(m.leaderEpoch);
  }
  if (m.metadata == null) encodeNotNullable('OffsetCommitValue.metadata', version);
  w.writeString(m.metadata);
  w.writeInt64(m.commitTimestamp);
  if (version >= 1 && version <= 1) {
    w.writeInt64(m.expireTimestamp);
  }
}
