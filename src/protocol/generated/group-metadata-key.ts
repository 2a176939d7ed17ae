// generated from protocol/kafka/GroupMetadataKey.json — do not edit (npm run generate)
// GroupMetadataKey: versions 2, flexible none

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import { decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface GroupMetadataKey {
  /** The group id. (versions 2) */
  group: string;
}

export function readGroupMetadataKey(r: Reader, version: number): GroupMetadataKey {
  if (version < 2 || version > 2) decodeBadVersion('GroupMetadataKey', version);
  let f_group: string;
  f_group = r.readString();
  return { group: f_group };
}

export function writeGroupMetadataKey(w: Writer, version: number, m: GroupMetadataKey): void {
  if (version < 2 || version > 2) encodeBadVersion('GroupMetadataKey', version);
  if (m.group == null) encodeNotNullable('GroupMetadataKey.group', version);
  w.writeString(m.group);
}
