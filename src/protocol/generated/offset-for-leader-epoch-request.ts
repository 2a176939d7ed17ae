// generated from protocol/kafka/OffsetForLeaderEpochRequest.json — do not edit (npm run generate)
// OffsetForLeaderEpochRequest (api key 23): versions 0-4, flexible 4

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface OffsetForLeaderEpochRequest {
  /** The broker id of the follower, or -1 for a debug client, or -2 for a consumer. (versions 3+) */
  replicaId: number;
  /** Each topic to get offsets for. (versions 0+) */
  topics: OffsetForLeaderEpochRequestOffsetForLeaderTopic[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface OffsetForLeaderEpochRequestOffsetForLeaderTopic {
  /** The topic name. (versions 0+) */
  topic: string;
  /** Each partition to get offsets for. (versions 0+) */
  partitions: OffsetForLeaderEpochRequestOffsetForLeaderPartition[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface OffsetForLeaderEpochRequestOffsetForLeaderPartition {
  /** The partition index. (versions 0+) */
  partition: number;
  /** The epoch the client believes the leader has, to fence stale requests; -1 skips the check. (versions 2+) */
  currentLeaderEpoch: number;
  /** The epoch to look up an end offset for. (versions 0+) */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readOffsetForLeaderEpochRequest(r: Reader, version: number): OffsetForLeaderEpochRequest {
  if (version < 0 || version > 4) decodeBadVersion('OffsetForLeaderEpochRequest', version);
  const flexible = version >= 4;
  let f_replicaId: number = -2;
  let f_topics: OffsetForLeaderEpochRequestOffsetForLeaderTopic[];
  if (version >= 3) {
    f_replicaId = r.readInt32();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('OffsetForLeaderEpochRequest.topics', version);
    const a: OffsetForLeaderEpochRequestOffsetForLeaderTopic[] = [];
    for (let i = 0; i < n; i++) a.push(readOffsetForLeaderEpochRequestOffsetForLeaderTopic(r, version, flexible));
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
  return { replicaId: f_replicaId, topics: f_topics, unknownTaggedFields };
}

export function writeOffsetForLeaderEpochRequest(w: Writer, version: number, m: OffsetForLeaderEpochRequest): void {
  if (version < 0 || version > 4) encodeBadVersion('OffsetForLeaderEpochRequest', version);
  const flexible = version >= 4;
  if (version >= 3) {
    w.writeInt32(m.replicaId);
  }
  if (m.topics == null) encodeNotNullable('OffsetForLeaderEpochRequest.topics', version);
  if (flexible) w.writeUnsignedVarint(m.topics.length + 1); else w.writeInt32(m.topics.length);
  for (const e of m.topics) {
    writeOffsetForLeaderEpochRequestOffsetForLeaderTopic(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readOffsetForLeaderEpochRequestOffsetForLeaderTopic(r: Reader, version: number, flexible: boolean): OffsetForLeaderEpochRequestOffsetForLeaderTopic {
  let f_topic: string;
  let f_partitions: OffsetForLeaderEpochRequestOffsetForLeaderPartition[];
  f_topic = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('OffsetForLeaderEpochRequestOffsetForLeaderTopic.partitions', version);
    const a: OffsetForLeaderEpochRequestOffsetForLeaderPartition[] = [];
    for (let i = 0; i < n; i++) a.push(readOffsetForLeaderEpochRequestOffsetForLeaderPartition(r, version, flexible));
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
  return { topic: f_topic, partitions: f_partitions, unknownTaggedFields };
}

function writeOffsetForLeaderEpochRequestOffsetForLeaderTopic(w: Writer, version: number, flexible: boolean, m: OffsetForLeaderEpochRequestOffsetForLeaderTopic): void {
  if (m.topic == null) encodeNotNullable('OffsetForLeaderEpochRequestOffsetForLeaderTopic.topic', version);
  if (flexible) w.writeCompactString(m.topic); else w.writeString(m.topic);
  if (m.partitions == null) encodeNotNullable('OffsetForLeaderEpochRequestOffsetForLeaderTopic.partitions', version);
  if (flexible) w.writeUnsignedVarint(m.partitions.length + 1); else w.writeInt32(m.partitions.length);
  for (const e of m.partitions) {
    writeOffsetForLeaderEpochRequestOffsetForLeaderPartition(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readOffsetForLeaderEpochRequestOffsetForLeaderPartition(r: Reader, version: number, flexible: boolean): OffsetForLeaderEpochRequestOffsetForLeaderPartition {
  let f_partition: number;
  let f_currentLeaderEpoch: number = -1;
  let f_leaderEpoch: number;
  f_partition = r.readInt32();
  if (version >= 2) {
    f_currentLeaderEpoch = r.readInt32();
  }
  f_leaderEpoch = r.readInt32();
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
  return { partition: f_partition, currentLeaderEpoch: f_currentLeaderEpoch, leaderEpoch: f_leaderEpoch, unknownTaggedFields };
}

function writeOffsetForLeaderEpochRequestOffsetForLeaderPartition(w: Writer, version: number, flexible: boolean, m: OffsetForLeaderEpochRequestOffsetForLeaderPartition): void {
  w.writeInt32(m.partition);
  if (version >= 2) {
    w.writeInt32(m.currentLeaderEpoch);
  }
  w.writeInt32(m.leaderEpoch);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
