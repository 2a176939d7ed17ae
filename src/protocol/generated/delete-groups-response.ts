// generated from protocol/kafka/DeleteGroupsResponse.json — do not edit (npm run generate)
// DeleteGroupsResponse (api key 42): versions 0-2, flexible 2

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface DeleteGroupsResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 0+) */
  throttleTimeMs: number;
  /** The deletion results. (versions 0+) */
  results: DeleteGroupsResponseDeletableGroupResult[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface DeleteGroupsResponseDeletableGroupResult {
  /** The group id. (versions 0+) */
  groupId: string;
  /** The deletion error, or 0 if the deletion succeeded. (versions 0+) */
  errorCode: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readDeleteGroupsResponse(r: Reader, version: number): DeleteGroupsResponse {
  if (version < 0 || version > 2) decodeBadVersion('DeleteGroupsResponse', version);
  const flexible = version >= 2;
  let f_throttleTimeMs: number;
  let f_results: DeleteGroupsResponseDeletableGroupResult[];
  f_throttleTimeMs = r.readInt32();
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('DeleteGroupsResponse.results', version);
    const a: DeleteGroupsResponseDeletableGroupResult[] = [];
    for (let i = 0; i < n; i++) a.push(readDeleteGroupsResponseDeletableGroupResult(r, version, flexible));
    f_results = a;
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
  return { throttleTimeMs: f_throttleTimeMs, results: f_results, unknownTaggedFields };
}

export function writeDeleteGroupsResponse(w: Writer, version: number, m: DeleteGroupsResponse): void {
  if (version < 0 || version > 2) encodeBadVersion('DeleteGroupsResponse', version);
  const flexible = version >= 2;
  w.writeInt32(m.throttleTimeMs);
  if (m.results == null) encodeNotNullable('DeleteGroupsResponse.results', version);
  if (flexible) w.writeUnsignedVarint(m.results.length + 1); else w.writeInt32(m.results.length);
  for (const e of m.results) {
    writeDeleteGroupsResponseDeletableGroupResult(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readDeleteGroupsResponseDeletableGroupResult(r: Reader, _version: number, flexible: boolean): DeleteGroupsResponseDeletableGroupResult {
  let f_groupId: string;
  let f_errorCode: number;
  f_groupId = (flexible ? r.readCompactString() : r.readString());
  f_errorCode = r.readInt16();
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
  return { groupId: f_groupId, errorCode: f_errorCode, unknownTaggedFields };
}

function writeDeleteGroupsResponseDeletableGroupResult(w: Writer, version: number, flexible: boolean, m: DeleteGroupsResponseDeletableGroupResult): void {
  if (m.groupId == null) encodeNotNullable('DeleteGroupsResponseDeletableGroupResult.groupId', version);
  if (flexible) w.writeCompactString(m.groupId); else w.writeString(m.groupId);
  w.writeInt16(m.errorCode);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
