// generated from protocol/kafka/JoinGroupResponse.json — do not edit (npm run generate)
// JoinGroupResponse (api key 11): versions 0-9, flexible 6-9

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface JoinGroupResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 2+) */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. (versions 0+) */
  errorCode: number;
  /** The generation id of the group. (versions 0+) */
  generationId: number;
  /** The group protocol type, or null. (versions 7+, nullable 7+) */
  protocolType: string | null;
  /** The group protocol (assignor) selected by the coordinator. (versions 0+, nullable 7+) */
  protocolName: string | null;
  /** The member id of the group leader. (versions 0+) */
  leader: string;
  /** True if the leader must skip running the assignment. (versions 9+) */
  skipAssignment: boolean;
  /** The member id assigned by the coordinator. (versions 0+) */
  memberId: string;
  /** The group members (sent to the leader only). (versions 0+) */
  members: JoinGroupResponseMember[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface JoinGroupResponseMember {
  /** The group member id. (versions 0+) */
  memberId: string;
  /** The unique identifier of the consumer instance provided by the end user, or null. (versions 5+, nullable 5+) */
  groupInstanceId: string | null;
  /** The group member's metadata for the selected protocol. (versions 0+) */
  metadata: Buffer;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readJoinGroupResponse(r: Reader, version: number): JoinGroupResponse {
  if (version < 0 || version > 9) decodeBadVersion('JoinGroupResponse', version);
  const flexible = version >= 6;
  let f_throttleTimeMs: number = 0;
  let f_errorCode: number;
  let f_generationId: number;
  let f_protocolType: string | null = null;
  let f_protocolName: string | null;
  let f_leader: string;
  let f_skipAssignment: boolean = false;
  let f_memberId: string;
  let f_members: JoinGroupResponseMember[];
  if (version >= 2) {
    f_throttleTimeMs = r.readInt32();
  }
  f_errorCode = r.readInt16();
  f_generationId = r.readInt32();
  if (version >= 7) {
    f_protocolType = r.readCompactNullableString();
  }
  f_protocolName = (flexible ? r.readCompactNullableString() : r.readNullableString());
  if (f_protocolName === null && !(version >= 7)) decodeNotNullable('JoinGroupResponse.protocolName', version);
  f_leader = (flexible ? r.readCompactString() : r.readString());
  if (version >= 9) {
    f_skipAssignment = r.readBool();
  }
  f_memberId = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('JoinGroupResponse.members', version);
    const a: JoinGroupResponseMember[] = [];
    for (let i = 0; i < n; i++) a.push(readJoinGroupResponseMember(r, version, flexible));
    f_members = a;
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
  return { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, generationId: f_generationId, protocolType: f_protocolType, protocolName: f_protocolName, leader: f_leader, skipAssignment: f_skipAssignment, memberId: f_memberId, members: f_members, unknownTaggedFields };
}

export function writeJoinGroupResponse(w: Writer, version: number, m: JoinGroupResponse): void {
  if (version < 0 || version > 9) encodeBadVersion('JoinGroupResponse', version);
  const flexible = version >= 6;
  if (version >= 2) {
    w.writeInt32(m.throttleTimeMs);
  }
  w.writeInt16(m.errorCode);
  w.writeInt32(m.generationId);
  if (version >= 7) {
    w.writeCompactNullableString(m.protocolType);
  }
  if (m.protocolName === null && !(version >= 7)) encodeNotNullable('JoinGroupResponse.protocolName', version);
  if (flexible) w.writeCompactNullableString(m.protocolName); else w.writeNullableString(m.protocolName);
  if (m.leader == null) encodeNotNullable('JoinGroupResponse.leader', version);
  if (flexible) w.writeCompactString(m.leader); else w.writeString(m.leader);
  if (version >= 9) {
    w.writeBool(m.skipAssignment);
  }
  if (m.memberId == null) encodeNotNullable('JoinGroupResponse.memberId', version);
  if (flexible) w.writeCompactString(m.memberId); else w.writeString(m.memberId);
  if (m.members == null) encodeNotNullable('JoinGroupResponse.members', version);
  if (flexible) w.writeUnsignedVarint(m.members.length + 1); else w.writeInt32(m.members.length);
  for (const e of m.members) {
    writeJoinGroupResponseMember(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readJoinGroupResponseMember(r: Reader, version: number, flexible: boolean): JoinGroupResponseMember {
  let f_memberId: string;
  let f_groupInstanceId: string | null = null;
  let f_metadata: Buffer;
  f_memberId = (flexible ? r.readCompactString() : r.readString());
  if (version >= 5) {
    f_groupInstanceId = (flexible ? r.readCompactNullableString() : r.readNullableString());
  }
  f_metadata = (flexible ? r.readCompactBytes() : r.readBytes());
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
  return { memberId: f_memberId, groupInstanceId: f_groupInstanceId, metadata: f_metadata, unknownTaggedFields };
}

function writeJoinGroupResponseMember(w: Writer, version: number, flexible: boolean, m: JoinGroupResponseMember): void {
  if (m.memberId == null) encodeNotNullable('JoinGroupResponseMember.memberId', version);
  if (flexible) w.writeCompactString(m.memberId); else w.writeString(m.memberId);
  if (version >= 5) {
    if (flexible) w.writeCompactNullableString(m.groupInstanceId); else w.writeNullableString(m.groupInstanceId);
  }
  if (m.metadata == null) encodeNotNullable('JoinGroupResponseMember.metadata', version);
  if (flexible) w.writeCompactBytes(m.metadata); else w.writeBytes(m.metadata);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
