// generated from protocol/kafka/SyncGroupRequest.json — do not edit (npm run generate)
// SyncGroupRequest (api key 14): versions 0-5, flexible 4-5

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface SyncGroupRequest {
  /** The unique group identifier. (versions 0+) */
  groupId: string;
  /** The generation of the group. (versions 0+) */
  generationId: number;
  /** The member id assigned by the coordinator. (versions 0+) */
  memberId: string;
  /** The unique identifier of the consumer instance provided by the end user, or null. (versions 3+, nullable 3+) */
  groupInstanceId: string | null;
  /** The group protocol type, or null. (versions 5+, nullable 5+) */
  protocolType: string | null;
  /** The group protocol name, or null. (versions 5+, nullable 5+) */
  protocolName: string | null;
  /** Each assignment (sent by the leader only; empty from followers). (versions 0+) */
  assignments: SyncGroupRequestAssignment[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface SyncGroupRequestAssignment {
  /** The id of the member to assign. (versions 0+) */
  memberId: string;
  /** The member assignment (for consumers, a ConsumerProtocolAssignment with its version prefix). (versions 0+) */
  assignment: Buffer;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readSyncGroupRequest(r: Reader, version: number): SyncGroupRequest {
  if (version < 0 || version > 5) decodeBadVersion('SyncGroupRequest', version);
  const flexible = version >= 4;
  let f_groupId: string;
  let f_generationId: number;
  let f_memberId: string;
  let f_groupInstanceId: string | null = null;
  let f_protocolType: string | null = null;
  let f_protocolName: string | null = null;
  let f_assignments: SyncGroupRequestAssignment[];
  f_groupId = (flexible ? r.readCompactString() : r.readString());
  f_generationId = r.readInt32();
  f_memberId = (flexible ? r.readCompactString() : r.readString());
  if (version >= 3) {
    f_groupInstanceId = (flexible ? r.readCompactNullableString() : r.readNullableString());
  }
  if (version >= 5) {
    f_protocolType = r.readCompactNullableString();
  }
  if (version >= 5) {
    f_protocolName = r.readCompactNullableString();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('SyncGroupRequest.assignments', version);
    const a: SyncGroupRequestAssignment[] = [];
    for (let i = 0; i < n; i++) a.push(readSyncGroupRequestAssignment(r, version, flexible));
    f_assignments = a;
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
  return { groupId: f_groupId, generationId: f_generationId, memberId: f_memberId, groupInstanceId: f_groupInstanceId, protocolType: f_protocolType, protocolName: f_protocolName, assignments: f_assignments, unknownTaggedFields };
}

export function writeSyncGroupRequest(w: Writer, version: number, m: SyncGroupRequest): void {
  if (version < 0 || version > 5) encodeBadVersion('SyncGroupRequest', version);
  const flexible = version >= 4;
  if (m.groupId == null) encodeNotNullable('SyncGroupRequest.groupId', version);
  if (flexible) w.writeCompactString(m.groupId); else w.writeString(m.groupId);
  w.writeInt32(m.generationId);
  if (m.memberId == null) encodeNotNullable('SyncGroupRequest.memberId', version);
  if (flexible) w.writeCompactString(m.memberId); else w.writeString(m.memberId);
  if (version >= 3) {
    if (flexible) w.writeCompactNullableString(m.groupInstanceId); else w.writeNullableString(m.groupInstanceId);
  }
  if (version >= 5) {
    w.writeCompactNullableString(m.protocolType);
  }
  if (version >= 5) {
    w.writeCompactNullableString(m.protocolName);
  }
  if (m.assignments == null) encodeNotNullable('SyncGroupRequest.assignments', version);
  if (flexible) w.writeUnsignedVarint(m.assignments.length + 1); else w.writeInt32(m.assignments.length);
  for (const e of m.assignments) {
    writeSyncGroupRequestAssignment(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readSyncGroupRequestAssignment(r: Reader, _version: number, flexible: boolean): SyncGroupRequestAssignment {
  let f_memberId: string;
  let f_assignment: Buffer;
  f_memberId = (flexible ? r.readCompactString() : r.readString());
  f_assignment = (flexible ? r.readCompactBytes() : r.readBytes());
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
  return { memberId: f_memberId, assignment: f_assignment, unknownTaggedFields };
}

function writeSyncGroupRequestAssignment(w: Writer, version: number, flexible: boolean, m: SyncGroupRequestAssignment): void {
  if (m.memberId == null) encodeNotNullable('SyncGroupRequestAssignment.memberId', version);
  if (flexible) w.writeCompactString(m.memberId); else w.writeString(m.memberId);
  if (m.assignment == null) encodeNotNullable('SyncGroupRequestAssignment.assignment', version);
  if (flexible) w.writeCompactBytes(m.assignment); else w.writeBytes(m.assignment);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
