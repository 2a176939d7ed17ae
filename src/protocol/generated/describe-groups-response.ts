// generated from protocol/kafka/DescribeGroupsResponse.json — do not edit (npm run generate)
// DescribeGroupsResponse (api key 15): versions 0-5, flexible 5

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface DescribeGroupsResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 1+) */
  throttleTimeMs: number;
  /** Each described group. (versions 0+) */
  groups: DescribeGroupsResponseDescribedGroup[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface DescribeGroupsResponseDescribedGroup {
  /** The describe error, or 0 if there was no error. (versions 0+) */
  errorCode: number;
  /** The group id. (versions 0+) */
  groupId: string;
  /** The group state, or the empty string if the group is unknown. (versions 0+) */
  groupState: string;
  /** The group protocol type, or the empty string. (versions 0+) */
  protocolType: string;
  /** The group protocol data (the selected assignor), or the empty string. (versions 0+) */
  protocolData: string;
  /** The group members. (versions 0+) */
  members: DescribeGroupsResponseDescribedGroupMember[];
  /** 32-bit bitfield of the operations authorized on this group (INT32_MIN when not requested). (versions 3+) */
  authorizedOperations: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface DescribeGroupsResponseDescribedGroupMember {
  /** The member id. (versions 0+) */
  memberId: string;
  /** The unique identifier of the consumer instance provided by the end user, or null. (versions 4+, nullable 4+) */
  groupInstanceId: string | null;
  /** The client id used in the member's latest join group request. (versions 0+) */
  clientId: string;
  /** The client host. (versions 0+) */
  clientHost: string;
  /** The metadata the member sent in its join group request. (versions 0+) */
  memberMetadata: Buffer;
  /** The current assignment provided by the group leader. (versions 0+) */
  memberAssignment: Buffer;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readDescribeGroupsResponse(r: Reader, version: number): DescribeGroupsResponse {
  if (version < 0 || version > 5) decodeBadVersion('DescribeGroupsResponse', version);
  const flexible = version >= 5;
  let f_throttleTimeMs: number = 0;
  let f_groups: DescribeGroupsResponseDescribedGroup[];
  if (version >= 1) {
    f_throttleTimeMs = r.readInt32();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('DescribeGroupsResponse.groups', version);
    const a: DescribeGroupsResponseDescribedGroup[] = [];
    for (let i = 0; i < n; i++) a.push(readDescribeGroupsResponseDescribedGroup(r, version, flexible));
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
  return { throttleTimeMs: f_throttleTimeMs, groups: f_groups, unknownTaggedFields };
}

export function writeDescribeGroupsResponse(w: Writer, version: number, m: DescribeGroupsResponse): void {
  if (version < 0 || version > 5) encodeBadVersion('DescribeGroupsResponse', version);
  const flexible = version >= 5;
  if (version >= 1) {
    w.writeInt32(m.throttleTimeMs);
  }
  if (m.groups == null) encodeNotNullable('DescribeGroupsResponse.groups', version);
  if (flexible) w.writeUnsignedVarint(m.groups.length + 1); else w.writeInt32(m.groups.length);
  for (const e of m.groups) {
    writeDescribeGroupsResponseDescribedGroup(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readDescribeGroupsResponseDescribedGroup(r: Reader, version: number, flexible: boolean): DescribeGroupsResponseDescribedGroup {
  let f_errorCode: number;
  let f_groupId: string;
  let f_groupState: string;
  let f_protocolType: string;
  let f_protocolData: string;
  let f_members: DescribeGroupsResponseDescribedGroupMember[];
  let f_authorizedOperations: number = -2147483648;
  f_errorCode = r.readInt16();
  f_groupId = (flexible ? r.readCompactString() : r.readString());
  f_groupState = (flexible ? r.readCompactString() : r.readString());
  f_protocolType = (flexible ? r.readCompactString() : r.readString());
  f_protocolData = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('DescribeGroupsResponseDescribedGroup.members', version);
    const a: DescribeGroupsResponseDescribedGroupMember[] = [];
    for (let i = 0; i < n; i++) a.push(readDescribeGroupsResponseDescribedGroupMember(r, version, flexible));
    f_members = a;
  }
  if (version >= 3) {
    f_authorizedOperations = r.readInt32();
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
  return { errorCode: f_errorCode, groupId: f_groupId, groupState: f_groupState, protocolType: f_protocolType, protocolData: f_protocolData, members: f_members, authorizedOperations: f_authorizedOperations, unknownTaggedFields };
}

function writeDescribeGroupsResponseDescribedGroup(w: Writer, version: number, flexible: boolean, m: DescribeGroupsResponseDescribedGroup): void {
  w.writeInt16(m.errorCode);
  if (m.groupId == null) encodeNotNullable('DescribeGroupsResponseDescribedGroup.groupId', version);
  if (flexible) w.writeCompactString(m.groupId); else w.writeString(m.groupId);
  if (m.groupState == null) encodeNotNullable('DescribeGroupsResponseDescribedGroup.groupState', version);
  if (flexible) w.writeCompactString(m.groupState); else w.writeString(m.groupState);
  if (m.protocolType == null) encodeNotNullable('DescribeGroupsResponseDescribedGroup.protocolType', version);
  if (flexible) w.writeCompactString(m.protocolType); else w.writeString(m.protocolType);
  if (m.protocolData == null) encodeNotNullable('DescribeGroupsResponseDescribedGroup.protocolData', version);
  if (flexible) w.writeCompactString(m.protocolData); else w.writeString(m.protocolData);
  if (m.members == null) encodeNotNullable('DescribeGroupsResponseDescribedGroup.members', version);
  if (flexible) w.writeUnsignedVarint(m.members.length + 1); else w.writeInt32(m.members.length);
  for (const e of m.members) {
    writeDescribeGroupsResponseDescribedGroupMember(w, version, flexible, e);
  }
  if (version >= 3) {
    w.writeInt32(m.authorizedOperations);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readDescribeGroupsResponseDescribedGroupMember(r: Reader, version: number, flexible: boolean): DescribeGroupsResponseDescribedGroupMember {
  let f_memberId: string;
  let f_groupInstanceId: string | null = null;
  let f_clientId: string;
  let f_clientHost: string;
  let f_memberMetadata: Buffer;
  let f_memberAssignment: Buffer;
  f_memberId = (flexible ? r.readCompactString() : r.readString());
  if (version >= 4) {
    f_groupInstanceId = (flexible ? r.readCompactNullableString() : r.readNullableString());
  }
  f_clientId = (flexible ? r.readCompactString() : r.readString());
  f_clientHost = (flexible ? r.readCompactString() : r.readString());
  f_memberMetadata = (flexible ? r.readCompactBytes() : r.readBytes());
  f_memberAssignment = (flexible ? r.readCompactBytes() : r.readBytes());
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
  return { memberId: f_memberId, groupInstanceId: f_groupInstanceId, clientId: f_clientId, clientHost: f_clientHost, memberMetadata: f_memberMetadata, memberAssignment: f_memberAssignment, unknownTaggedFields };
}

function writeDescribeGroupsResponseDescribedGroupMember(w: Writer, version: number, flexible: boolean, m: DescribeGroupsResponseDescribedGroupMember): void {
  if (m.memberId == null) encodeNotNullable('DescribeGroupsResponseDescribedGroupMember.memberId', version);
  if (flexible) w.writeCompactString(m.memberId); else w.writeString(m.memberId);
  if (version >= 4) {
    if (flexible) w.writeCompactNullableString(m.groupInstanceId); else w.writeNullableString(m.groupInstanceId);
  }
  if (m.clientId == null) encodeNotNullable('DescribeGroupsResponseDescribedGroupMember.clientId', version);
  if (flexible) w.writeCompactString(m.clientId); else w.writeString(m.clientId);
  if (m.clientHost == null) encodeNotNullable('DescribeGroupsResponseDescribedGroupMember.clientHost', version);
  if (flexible) w.writeCompactString(m.clientHost); else w.writeString(m.clientHost);
  if (m.memberMetadata == null) encodeNotNullable('DescribeGroupsResponseDescribedGroupMember.memberMetadata', version);
  if (flexible) w.writeCompactBytes(m.memberMetadata); else w.writeBytes(m.memberMetadata);
  if (m.memberAssignment == null) encodeNotNullable('DescribeGroupsResponseDescribedGroupMember.memberAssignment', version);
  if (flexible) w.writeCompactBytes(m.memberAssignment); else w.writeBytes(m.memberAssignment);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
