// generated from protocol/kafka/JoinGroupRequest.json — do not edit (npm run generate)
// JoinGroupRequest (api key 11): versions 0-9, flexible 6-9

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface JoinGroupRequest {
  /** The group identifier. (versions 0+) */
  groupId: string;
  /** The coordinator considers the member dead if it receives no heartbeat within this many ms. (versions 0+) */
  sessionTimeoutMs: number;
  /** The maximum time in ms the coordinator waits for each member to rejoin during a rebalance. (versions 1+) */
  rebalanceTimeoutMs: number;
  /** The member id assigned by the coordinator, or empty when joining for the first time. (versions 0+) */
  memberId: string;
  /** The unique identifier of the consumer instance provided by the end user, or null. (versions 5+, nullable 5+) */
  groupInstanceId: string | null;
  /** The protocol type of the group, e.g. "consumer". (versions 0+) */
  protocolType: string;
  /** The protocols (assignors) the member supports, in order of preference. (versions 0+) */
  protocols: JoinGroupRequestProtocol[];
  /** The reason the member is joining, or null. (versions 8+, nullable 8+) */
  reason: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface JoinGroupRequestProtocol {
  /** The protocol name. (versions 0+) */
  name: string;
  /** The protocol metadata (for consumers, a ConsumerProtocolSubscription with its version prefix). (versions 0+) */
  metadata: Buffer;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readJoinGroupRequest(r: Reader, version: number): JoinGroupRequest {
  if (version < 0 || version > 9) decodeBadVersion('JoinGroupRequest', version);
  const flexible = version >= 6;
  let f_groupId: string;
  let f_sessionTimeoutMs: number;
  let f_rebalanceTimeoutMs: number = -1;
  let f_memberId: string;
  let f_groupInstanceId: string | null = null;
  let f_protocolType: string;
  let f_protocols: JoinGroupRequestProtocol[];
  let f_reason: string | null = null;
  f_groupId = (flexible ? r.readCompactString() : r.readString());
  f_sessionTimeoutMs = r.readInt32();
  if (version >= 1) {
    f_rebalanceTimeoutMs = r.readInt32();
  }
  f_memberId = (flexible ? r.readCompactString() : r.readString());
  if (version >= 5) {
    f_groupInstanceId = (flexible ? r.readCompactNullableString() : r.readNullableString());
  }
  f_protocolType = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('JoinGroupRequest.protocols', version);
    const a: JoinGroupRequestProtocol[] = [];
    for (let i = 0; i < n; i++) a.push(readJoinGroupRequestProtocol(r, version, flexible));
    f_protocols = a;
  }
  if (version >= 8) {
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
  return { groupId: f_groupId, sessionTimeoutMs: f_sessionTimeoutMs, rebalanceTimeoutMs: f_rebalanceTimeoutMs, memberId: f_memberId, groupInstanceId: f_groupInstanceId, protocolType: f_protocolType, protocols: f_protocols, reason: f_reason, unknownTaggedFields };
}

export function writeJoinGroupRequest(w: Writer, version: number, m: JoinGroupRequest): void {
  if (version < 0 || version > 9) encodeBadVersion('JoinGroupRequest', version);
  const flexible = version >= 6;
  if (m.groupId == null) encodeNotNullable('JoinGroupRequest.groupId', version);
  if (flexible) w.writeCompactString(m.groupId); else w.writeString(m.groupId);
  w.writeInt32(m.sessionTimeoutMs);
  if (version >= 1) {
    w.writeInt32(m.rebalanceTimeoutMs);
  }
  if (m.memberId == null) encodeNotNullable('JoinGroupRequest.memberId', version);
  if (flexible) w.writeCompactString(m.memberId); else w.writeString(m.memberId);
  if (version >= 5) {
    if (flexible) w.writeCompactNullableString(m.groupInstanceId); else w.writeNullableString(m.groupInstanceId);
  }
  if (m.protocolType == null) encodeNotNullable('JoinGroupRequest.protocolType', version);
  if (flexible) w.writeCompactString(m.protocolType); else w.writeString(m.protocolType);
  if (m.protocols == null) encodeNotNullable('JoinGroupRequest.protocols', version);
  if (flexible) w.writeUnsignedVarint(m.protocols.length + 1); else w.writeInt32(m.protocols.length);
  for (const e of m.protocols) {
    writeJoinGroupRequestProtocol(w, version, flexible, e);
  }
  if (version >= 8) {
    w.writeCompactNullableString(m.reason);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readJoinGroupRequestProtocol(r: Reader, _version: number, flexible: boolean): JoinGroupRequestProtocol {
  let f_name: string;
  let f_metadata: Buffer;
  f_name = (flexible ? r.readCompactString() : r.readString());
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
  return { name: f_name, metadata: f_metadata, unknownTaggedFields };
}

function writeJoinGroupRequestProtocol(w: Writer, version: number, flexible: boolean, m: JoinGroupRequestProtocol): void {
  if (m.name == null) encodeNotNullable('JoinGroupRequestProtocol.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  if (m.metadata == null) encodeNotNullable('JoinGroupRequestProtocol.metadata', version);
  if (flexible) w.writeCompactBytes(m.metadata); else w.writeBytes(m.metadata);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
