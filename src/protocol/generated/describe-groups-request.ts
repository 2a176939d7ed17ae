// generated from protocol/kafka/DescribeGroupsRequest.json — do not edit (npm run generate)
// DescribeGroupsRequest (api key 15): versions 0-5, flexible 5

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface DescribeGroupsRequest {
  /** The names of the groups to describe. (versions 0+) */
  groups: string[];
  /** Whether to include the authorized operations of each group. (versions 3+) */
  includeAuthorizedOperations: boolean;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readDescribeGroupsRequest(r: Reader, version: number): DescribeGroupsRequest {
  if (version < 0 || version > 5) decodeBadVersion('DescribeGroupsRequest', version);
  const flexible = version >= 5;
  let f_groups: string[];
  let f_includeAuthorizedOperations: boolean = false;
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('DescribeGroupsRequest.groups', version);
    const a: string[] = [];
    for (let i = 0; i < n; i++) a.push((flexible ? r.readCompactString() : r.readString()));
    f_groups = a;
  }
  if (version >= 3) {
    f_includeAuthorizedOperations = r.readBool();
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
  return { groups: f_groups, includeAuthorizedOperations: f_includeAuthorizedOperations, unknownTaggedFields };
}

export function writeDescribeGroupsRequest(w: Writer, version: number, m: DescribeGroupsRequest): void {
  if (version < 0 || version > 5) encodeBadVersion('DescribeGroupsRequest', version);
  const flexible = version >= 5;
  if (m.groups == null) encodeNotNullable('DescribeGroupsRequest.groups', version);
  if (flexible) w.writeUnsignedVarint(m.groups.length + 1); else w.writeInt32(m.groups.length);
  for (const e of m.groups) {
    if (flexible) w.writeCompactString(e); else w.writeString(e);
  }
  if (version >= 3) {
    w.writeBool(m.includeAuthorizedOperations);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
