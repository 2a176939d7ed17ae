// generated from protocol/kafka/DeleteGroupsRequest.json — do not edit (npm run generate)
// DeleteGroupsRequest (api key 42): versions 0-2, flexible 2

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface DeleteGroupsRequest {
  /** The group names to delete. (versions 0+) */
  groupsNames: string[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readDeleteGroupsRequest(r: Reader, version: number): DeleteGroupsRequest {
  if (version < 0 || version > 2) decodeBadVersion('DeleteGroupsRequest', version);
  const flexible = version >= 2;
  let f_groupsNames: string[];
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('DeleteGroupsRequest.groupsNames', version);
    const a: string[] = [];
    for (let i = 0; i < n; i++) a.push((flexible ? r.readCompactString() : r.readString()));
    f_groupsNames = a;
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  if (flexible) {
    const tagCount = r.readUnsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.readUnsignedVarint();
      const size = r.readUnsignedVarint();
      r.need(size);
      (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
    }
  }
  return { groupsNames: f_groupsNames, unknownTaggedFields };
}

export function writeDeleteGroupsRequest(w: Writer, version: number, m: DeleteGroupsRequest): void {
  if (version < 0 || version > 2) encodeBadVersion('DeleteGroupsRequest', version);
  const flexible = version >= 2;
  if (m.groupsNames == null) encodeNotNullable('DeleteGroupsRequest.groupsNames', version);
  if (flexible) w.writeUnsignedVarint(m.groupsNames.length + 1); else w.writeInt32(m.groupsNames.length);
  for (const e of m.groupsNames) {
    if (flexible) w.writeCompactString(e); else w.writeString(e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
