// generated from protocol/kafka/ListGroupsResponse.json — do not edit (npm run generate)
// ListGroupsResponse (api key 16): versions 0-5, flexible 3-5

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface ListGroupsResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 1+) */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. (versions 0+) */
  errorCode: number;
  /** Each group in the response. (versions 0+) */
  groups: ListGroupsResponseListedGroup[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface ListGroupsResponseListedGroup {
  /** The group id. (versions 0+) */
  groupId: string;
  /** The group protocol type. (versions 0+) */
  protocolType: string;
  /** The group state name. (versions 4+) */
  groupState: string;
  /** The group type name. (versions 5+) */
  groupType: string;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readListGroupsResponse(r: Reader, version: number): ListGroupsResponse {
  if (version < 0 || version > 5) decodeBadVersion('ListGroupsResponse', version);
  const flexible = version >= 3;
  let f_throttleTimeMs: number = 0;
  let f_errorCode: number;
  let f_groups: ListGroupsResponseListedGroup[];
  if (version >= 1) {
    f_throttleTimeMs = r.readInt32();
  }
  f_errorCode = r.readInt16();
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('ListGroupsResponse.groups', version);
    const a: ListGroupsResponseListedGroup[] = [];
    for (let i = 0; i < n; i++) a.push(readListGroupsResponseListedGroup(r, version, flexible));
    f_groups = a;
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
  return { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, groups: f_groups, unknownTaggedFields };
}

export function writeListGroupsResponse(w: Writer, version: number, m: ListGroupsResponse): void {
  if (version < 0 || version > 5) encodeBadVersion('ListGroupsResponse', version);
  const flexible = version >= 3;
  if (version >= 1) {
    w.writeInt32(m.throttleTimeMs);
  }
  w.writeInt16(m.errorCode);
  if (m.groups == null) encodeNotNullable('ListGroupsResponse.groups', version);
  if (flexible) w.writeUnsignedVarint(m.groups.length + 1); else w.writeInt32(m.groups.length);
  for (const e of m.groups) {
    writeListGroupsResponseListedGroup(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readListGroupsResponseListedGroup(r: Reader, version: number, flexible: boolean): ListGroupsResponseListedGroup {
  let f_groupId: string;
  let f_protocolType: string;
  let f_groupState: string = '';
  let f_groupType: string = '';
  f_groupId = (flexible ? r.readCompactString() : r.readString());
  f_protocolType = (flexible ? r.readCompactString() : r.readString());
  if (version >= 4) {
    f_groupState = r.readCompactString();
  }
  if (version >= 5) {
    f_groupType = r.readCompactString();
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
  return { groupId: f_groupId, protocolType: f_protocolType, groupState: f_groupState, groupType: f_groupType, unknownTaggedFields };
}

function writeListGroupsResponseListedGroup(w: Writer, version: number, flexible: boolean, m: ListGroupsResponseListedGroup): void {
  if (m.groupId == null) encodeNotNullable('ListGroupsResponseListedGroup.groupId', version);
  if (flexible) w.writeCompactString(m.groupId); else w.writeString(m.groupId);
  if (m.protocolType == null) encodeNotNullable('ListGroupsResponseListedGroup.protocolType', version);
  if (flexible) w.writeCompactString(m.protocolType); else w.writeString(m.protocolType);
  if (version >= 4) {
    if (m.groupState == null) encodeNotNullable('ListGroupsResponseListedGroup.groupState', version);
    w.writeCompactString(m.groupState);
  }
  if (version >= 5) {
    if (m.groupType == null) encodeNotNullable('ListGroupsResponseListedGroup.groupType', version);
    w.writeCompactString(m.groupType);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
