// generated from protocol/kafka/LeaveGroupResponse.json — do not edit (npm run generate)
// LeaveGroupResponse (api key 13): versions 0-5, flexible 4-5

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface LeaveGroupResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 1+) */
  throttleTimeMs: number;
  /** The top-level error code, or 0 if there was no error. (versions 0+) */
  errorCode: number;
  /** The result of each member removal. (versions 3+) */
  members: LeaveGroupResponseMemberResponse[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface LeaveGroupResponseMemberResponse {
  /** The member id that was removed. (versions 3+) */
  memberId: string;
  /** The group instance id that was removed, or null. (versions 3+, nullable 3+) */
  groupInstanceId: string | null;
  /** The error code, or 0 if there was no error. (versions 3+) */
  errorCode: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readLeaveGroupResponse(r: Reader, version: number): LeaveGroupResponse {
  if (version < 0 || version > 5) decodeBadVersion('LeaveGroupResponse', version);
  const flexible = version >= 4;
  let f_throttleTimeMs: number = 0;
  let f_errorCode: number;
  let f_members: LeaveGroupResponseMemberResponse[] = [];
  if (version >= 1) {
    f_throttleTimeMs = r.readInt32();
  }
  f_errorCode = r.readInt16();
  if (version >= 3) {
    {
      const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
      if (n < 0) decodeNotNullable('LeaveGroupResponse.members', version);
      const a: LeaveGroupResponseMemberResponse[] = [];
      for (let i = 0; i < n; i++) a.push(readLeaveGroupResponseMemberResponse(r, version, flexible));
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
  return { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, members: f_members, unknownTaggedFields };
}

export function writeLeaveGroupResponse(w: Writer, version: number, m: LeaveGroupResponse): void {
  if (version < 0 || version > 5) encodeBadVersion('LeaveGroupResponse', version);
  const flexible = version >= 4;
  if (version >= 1) {
    w.writeInt32(m.throttleTimeMs);
  }
  w.writeInt16(m.errorCode);
  if (version >= 3) {
    if (m.members == null) encodeNotNullable('LeaveGroupResponse.members', version);
    if (flexible) w.writeUnsignedVarint(m.members.length + 1); else w.writeInt32(m.members.length);
    for (const e of m.members) {
      writeLeaveGroupResponseMemberResponse(w, version, flexible, e);
    }
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readLeaveGroupResponseMemberResponse(r: Reader, version: number, flexible: boolean): LeaveGroupResponseMemberResponse {
  let f_memberId: string = '';
  let f_groupInstanceId: string | null = null;
  let f_errorCode: number = 0;
  if (version >= 3) {
    f_memberId = (flexible ? r.readCompactString() : r.readString());
  }
  if (version >= 3) {
    f_groupInstanceId = (flexible ? r.readCompactNullableString() : r.readNullableString());
  }
  if (version >= 3) {
    f_errorCode = r.readInt16();
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
  return { memberId: f_memberId, groupInstanceId: f_groupInstanceId, errorCode: f_errorCode, unknownTaggedFields };
}

function writeLeaveGroupResponseMemberResponse(w: Writer, version: number, flexible: boolean, m: LeaveGroupResponseMemberResponse): void {
  if (version >= 3) {
    if (m.memberId == null) encodeNotNullable('LeaveGroupResponseMemberResponse.memberId', version);
    if (flexible) w.writeCompactString(m.memberId); else w.writeString(m.memberId);
  }
  if (version >= 3) {
    if (flexible) w.writeCompactNullableString(m.groupInstanceId); else w.writeNullableString(m.groupInstanceId);
  }
  if (version >= 3) {
    w.writeInt16(m.errorCode);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
