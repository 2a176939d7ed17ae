// generated from protocol/kafka/GroupMetadataValue.json — do not edit (npm run generate)
// GroupMetadataValue: versions 0-3, flexible none

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface GroupMetadataValue {
  /** The protocol type, e.g. "consumer". (versions 0+) */
  protocolType: string;
  /** The generation id. (versions 0+) */
  generation: number;
  /** The chosen protocol (assignor), or null when the group has no members. (versions 0+, nullable 0+) */
  protocol: string | null;
  /** The leader's member id, or null when the group has no members. (versions 0+, nullable 0+) */
  leader: string | null;
  /** When the group last changed state, in ms since the epoch, or -1. (versions 2+) */
  currentStateTimestamp: number;
  /** The members of the group. (versions 0+) */
  members: GroupMetadataValueMemberMetadata[];
}

export interface GroupMetadataValueMemberMetadata {
  /** The member id. (versions 0+) */
  memberId: string;
  /** The static member's group instance id, or null. (versions 3+, nullable 3+) */
  groupInstanceId: string | null;
  /** The member's client id. (versions 0+) */
  clientId: string;
  /** The member's host. (versions 0+) */
  clientHost: string;
  /** The member's rebalance timeout in ms. (versions 1+) */
  rebalanceTimeout: number;
  /** The member's session timeout in ms. (versions 0+) */
  sessionTimeout: number;
  /** The member's metadata for the chosen protocol (its subscription). (versions 0+) */
  subscription: Buffer;
  /** The member's assignment from the leader. (versions 0+) */
  assignment: Buffer;
}

export function readGroupMetadataValue(r: Reader, version: number): GroupMetadataValue {
  if (version < 0 || version > 3) decodeBadVersion('GroupMetadataValue', version);
  const flexible = false;
  let f_protocolType: string;
  let f_generation: number;
  let f_protocol: string | null;
  let f_leader: string | null;
  let f_currentStateTimestamp: number = -1;
  let f_members: GroupMetadataValueMemberMetadata[];
  f_protocolType = r.readString();
  f_generation = r.readInt32();
  f_protocol = r.readNullableString();
  f_leader = r.readNullableString();
  if (version >= 2) {
    f_currentStateTimestamp = r.readInt64();
  }
  {
    const n = r.readArrayLength();
    if (n < 0) decodeNotNullable('GroupMetadataValue.members', version);
    const a: GroupMetadataValueMemberMetadata[] = [];
    for (let i = 0; i < n; i++) a.push(readGroupMetadataValueMemberMetadata(r, version, flexible));
    f_members = a;
  }
  return { protocolType: f_protocolType, generation: f_generation, protocol: f_protocol, leader: f_leader, currentStateTimestamp: f_currentStateTimestamp, members: f_members };
}

export function writeGroupMetadataValue(w: Writer, version: number, m: GroupMetadataValue): void {
  if (version < 0 || version > 3) encodeBadVersion('GroupMetadataValue', version);
  const flexible = false;
  if (m.protocolType == null) encodeNotNullable('GroupMetadataValue.protocolType', version);
  w.writeString(m.protocolType);
  w.writeInt32(m.generation);
  w.writeNullableString(m.protocol);
  w.writeNullableString(m.leader);
  if (version >= 2) {
    w.writeInt64(m.currentStateTimestamp);
  }
  if (m.members == null) encodeNotNullable('GroupMetadataValue.members', version);
  w.writeInt32(m.members.length);
  for (const e of m.members) {
    writeGroupMetadataValueMemberMetadata(w, version, flexible, e);
  }
}

function readGroupMetadataValueMemberMetadata(r: Reader, version: number, _flexible: boolean): GroupMetadataValueMemberMetadata {
  let f_memberId: string;
  let f_groupInstanceId: string | null = null;
  let f_clientId: string;
  let f_clientHost: string;
  let f_rebalanceTimeout: number = 0;
  let f_sessionTimeout: number;
  let f_subscription: Buffer;
  let f_assignment: Buffer;
  f_memberId = r.readString();
  if (version >= 3) {
    f_groupInstanceId = r.readNullableString();
  }
  f_clientId = r.readString();
  f_clientHost = r.readString();
  if (version >= 1) {
    f_rebalanceTimeout = r.readInt32();
  }
  f_sessionTimeout = r.readInt32();
  f_subscription = r.readBytes();
  f_assignment = r.readBytes();
  return { memberId: f_memberId, groupInstanceId: f_groupInstanceId, clientId: f_clientId, clientHost: f_clientHost, rebalanceTimeout: f_rebalanceTimeout, sessionTimeout: f_sessionTimeout, subscription: f_subscription, assignment: f_assignment };
}

function writeGroupMetadataValueMemberMetadata(w: Writer, version: number, _flexible: boolean, m: GroupMetadataValueMemberMetadata): void {
  if (m.memberId == null) encodeNotNullable('GroupMetadataValueMemberMetadata.memberId', version);
  w.writeString(m.memberId);
  if (version >= 3) {
    w.writeNullableString(m.groupInstanceId);
  }
  if (m.clientId == null) encodeNotNullable('GroupMetadataValueMemberMetadata.clientId', version);
  w.writeString(m.clientId);
  if (m.clientHost == null) encodeNotNullable('GroupMetadataValueMemberMetadata.clientHost', version);
  w.writeString(m.clientHost);
  if (version >= 1) {
    w.writeInt32(m.rebalanceTimeout);
  }
  w.writeInt32(m.sessionTimeout);
  if (m.subscription == null) encodeNotNullable('GroupMetadataValueMemberMetadata.subscription', version);
  w.writeBytes(m.subscription);
  if (m.assignment == null) encodeNotNullable('GroupMetadataValueMemberMetadata.assignment', version);
  w.writeBytes(m.assignment);
}
