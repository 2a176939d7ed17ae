// generated from protocol/kafka/LeaveGroupRequest.json — do not edit (npm run generate)
// LeaveGroupRequest (api key 13): versions 0-5, flexible 4-5

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface LeaveGroupRequest {
  /** The group id. (versions 0+) */
  groupId: string;
  /** The member id to remove from the group. (versions 0-2) */
  memberId: string;
  /** The members to remove from the group. (versions 3+) */
  members: LeaveGroupRequestMemberIdentity[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface LeaveGroupRequestMemberIdentity {
  /** The member id to remove from the group. (versions 3+) */
  memberId: string;
  /** The group instance id to remove from the group, or null. (versions 3+, nullable 3+) */
  groupInstanceId: string | null;
  /** The reason the member is leaving, or null. (versions 5+, nullable 5+) */
  reason: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readLeaveGroupRequest(r: Reader, version: number): LeaveGroupRequest {
  if (version < 0 || version > 5) decodeBadVersion('LeaveGroupRequest', version);
  const flexible = version >= 4;
  let f_groupId: string;
  let f_memberId: string = '';
  let f_members: LeaveGroupRequestMemberIdentity[] = [];
  f_groupId = (flexible ? r.readCompactString() : r.readString());
  if (version <= 2) {
    f_memberId = r.readString();
  }
  if (version >= 3) {
    {
      const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
      if (n < 0) decodeNotNullable('LeaveGroupRequest.members', version);
      const a: LeaveGroupRequestMemberIdentity[] = [];
      for (let i = 0; i < n; i++) a.push(readLeaveGroupRequestMemberIdentity(r, version, flexible));
      f_members = a;
    }
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
  return { groupId: f_groupId, memberId: f_memberId, members: f_members, unknownTaggedFields };
}

export function writeLeaveGroupRequest(w: Writer, version: number, m: LeaveGroupRequest): void {
  if (version < 0 || version > 5) encodeBadVersion('LeaveGroupRequest', version);
  const flexible = version >= 4;
  if (m.groupId == null) encodeNotNullable('LeaveGroupRequest.groupId', version);
  if (flexible) w.writeCompactString(m.groupId); else w.writeString(m.groupId);
  if (version <= 2) {
    if (m.memberId == null) encodeNotNullable('LeaveGroupRequest.memberId', version);
    w.writeString(m.memberId);
  }
  if (version >= 3) {
    if (m.members == null) encodeNotNullable('LeaveGroupRequest.members', version);
    if (flexible) w.writeUnsignedVarint(m.members.length + 1); else w.writeInt32(m.members.length);
    for (const e of m.members) {
      writeLeaveGroupRequestMemberIdentity(w, version, flexible, e);
    }
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readLeaveGroupRequestMemberIdentity(r: Reader, version: number, flexible: boolean): LeaveGroupRequestMemberIdentity {
  let f_memberId: string = '';
  let f_groupInstanceId: string | null = null;
  let f_reason: string | null = null;
  if (version >= 3) {
    f_memberId = (flexible ? r.readCompactString() : r.readString());
  }
  if (version >= 3) {
    f_groupInstanceId = (flexible ? r.readCompactNullableString() : r.readNullableString());
  }
  if (version >= 5) {
    f_reason = r.readCompactNullableString();
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
  return { memberId: f_memberId, groupInstanceId: f_groupInstanceId, reason: f_reason, unknownTaggedFields };
}

function writeLeaveGroupRequestMemberIdentity(w: Writer, version: number, flexible: boolean, m: LeaveGroupRequestMemberIdentity): void {
  if (version >= 3) {
    if (m.memberId == null) encodeNotNullable('LeaveGroupRequestMemberIdentity.memberId', version);
    if (flexible) w.writeCompactString(m.memberId); else w.writeString(m.memberId);
  }
  if (version >= 3) {
    if (flexible) w.writeCompactNullableString(m.groupInstanceId); else w.writeNullableString(m.groupInstanceId);
  }
  if (version >= 5) {
    w.writeCompactNullableString(m.reason);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
