// generated from protocol/kafka/OffsetCommitRequest.json — do not edit (npm run generate)
// OffsetCommitRequest (api key 8): versions 0-9, flexible 8-9

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface OffsetCommitRequest {
  /** The unique group identifier. (versions 0+) */
  groupId: string;
  /** The generation of the group (classic protocol) or the member epoch (consumer protocol). (versions 1+) */
  generationIdOrMemberEpoch: number;
  /** The member id assigned by the group coordinator. (versions 1+) */
  memberId: string;
  /** The unique identifier of the consumer instance provided by the end user, or null. (versions 7+, nullable 7+) */
  groupInstanceId: string | null;
  /** The time period in ms to retain the offset, or -1 for the broker's default. (versions 2-4) */
  retentionTimeMs: number;
  /** The topics to commit offsets for. (versions 0+) */
  topics: OffsetCommitRequestTopic[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface OffsetCommitRequestTopic {
  /** The topic name. (versions 0+) */
  name: string;
  /** Each partition to commit offsets for. (versions 0+) */
  partitions: OffsetCommitRequestPartition[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface OffsetCommitRequestPartition {
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The message offset to be committed. (versions 0+) */
  committedOffset: number;
  /** The leader epoch of this partition, or -1 if unknown. (versions 6+) */
  committedLeaderEpoch: number;
  /** The timestamp of the commit (version 1 only). (versions 1) */
  commitTimestamp: number;
  /** Any associated metadata the client wants to keep. (versions 0+, nullable 0+) */
  committedMetadata: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readOffsetCommitRequest(r: Reader, version: number): OffsetCommitRequest {
  if (version < 0 || version > 9) decodeBadVersion('OffsetCommitRequest', version);
  const flexible = version >= 8;
  let f_groupId: string;
  let f_generationIdOrMemberEpoch: number = -1;
  let f_memberId: string = '';
  let f_groupInstanceId: string | null = null;
  let f_retentionTimeMs: number = -1;
  let f_topics: OffsetCommitRequestTopic[];
  f_groupId = (flexible ? r.readCompactString() : r.readString());
  if (version >= 1) {
    f_generationIdOrMemberEpoch = r.readInt32();
  }
  if (version >= 1) {
    f_memberId = (flexible ? r.readCompactString() : r.readString());
  }
  if (version >= 7) {
    f_groupInstanceId = (flexible ? r.readCompactNullableString() : r.readNullableString());
  }
  if (version >= 2 && version <= 4) {
    f_retentionTimeMs = r.readInt64();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('OffsetCommitRequest.topics', version);
    const a: OffsetCommitRequestTopic[] = [];
    for (let i = 0; i < n; i++) a.push(readOffsetCommitRequestTopic(r, version, flexible));
    f_topics = a;
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
  return { groupId: f_groupId, generationIdOrMemberEpoch: f_generationIdOrMemberEpoch, memberId: f_memberId, groupInstanceId: f_groupInstanceId, retentionTimeMs: f_retentionTimeMs, topics: f_topics, unknownTaggedFields };
}

export function writeOffsetCommitRequest(w: Writer, version: number, m: OffsetCommitRequest): void {
  if (version < 0 || version > 9) encodeBadVersion('OffsetCommitRequest', version);
  const flexible = version >= 8;
  if (m.groupId == null) encodeNotNullable('OffsetCommitRequest.groupId', version);
  if (flexible) w.writeCompactString(m.groupId); else w.writeString(m.groupId);
  if (version >= 1) {
    w.writeInt32(m.generationIdOrMemberEpoch);
  }
  if (version >= 1) {
    if (m.memberId == null) encodeNotNullable('OffsetCommitRequest.memberId', version);
    if (flexible) w.writeCompactString(m.memberId); else w.writeString(m.memberId);
  }
  if (version >= 7) {
    if (flexible) w.writeCompactNullableString(m.groupInstanceId); else w.writeNullableString(m.groupInstanceId);
  }
  if (version >= 2 && version <= 4) {
    w.writeInt64(m.retentionTimeMs);
  }
  if (m.topics == null) encodeNotNullable('OffsetCommitRequest.topics', version);
  if (flexible) w.writeUnsignedVarint(m.topics.length + 1); else w.writeInt32(m.topics.length);
  for (const e of m.topics) {
    writeOffsetCommitRequestTopic(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readOffsetCommitRequestTopic(r: Reader, version: number, flexible: boolean): OffsetCommitRequestTopic {
  let f_name: string;
  let f_partitions: OffsetCommitRequestPartition[];
  f_name = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('OffsetCommitRequestTopic.partitions', version);
    const a: OffsetCommitRequestPartition[] = [];
    for (let i = 0; i < n; i++) a.push(readOffsetCommitRequestPartition(r, version, flexible));
    f_partitions = a;
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
  return { name: f_name, partitions: f_partitions, unknownTaggedFields };
}

function writeOffsetCommitRequestTopic(w: Writer, version: number, flexible: boolean, m: OffsetCommitRequestTopic): void {
  if (m.name == null) encodeNotNullable('OffsetCommitRequestTopic.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  if (m.partitions == null) encodeNotNullable('OffsetCommitRequestTopic.partitions', version);
  if (flexible) w.writeUnsignedVarint(m.partitions.length + 1); else w.writeInt32(m.partitions.length);
  for (const e of m.partitions) {
    writeOffsetCommitRequestPartition(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readOffsetCommitRequestPartition(r: Reader, version: number, flexible: boolean): OffsetCommitRequestPartition {
  let f_partitionIndex: number;
  let f_committedOffset: number;
  let f_committedLeaderEpoch: number = -1;
  let f_commitTimestamp: number = -1;
  let f_committedMetadata: string | null;
  f_partitionIndex = r.readInt32();
  f_committedOffset = r.readInt64();
  if (version >= 6) {
    f_committedLeaderEpoch = r.readInt32();
  }
  if (version >= 1 && version <= 1) {
    f_commitTimestamp = r.readInt64();
  }
  f_committedMetadata = (flexible ? r.readCompactNullableString() : r.readNullableString());
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
  return { partitionIndex: f_partitionIndex, committedOffset: f_committedOffset, committedLeaderEpoch: f_committedLeaderEpoch, commitTimestamp: f_commitTimestamp, committedMetadata: f_committedMetadata, unknownTaggedFields };
}

function writeOffsetCommitRequestPartition(w: Writer, version: number, flexible: boolean, m: OffsetCommitRequestPartition): void {
  w.writeInt32(m.partitionIndex);
  w.writeInt64(m.committedOffset);
  if (version >= 6) {
    w.writeInt32(m.committedLeaderEpoch);
  }
  if (version >= 1 && version <= 1) {
    w.writeInt64(m.commitTimestamp);
  }
  if (flexible) w.writeCompactNullableString(m.committedMetadata); else w.writeNullableString(m.committedMetadata);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
