// generated from protocol/kafka/FetchRequest.json — do not edit (npm run generate)
// FetchRequest (api key 1): versions 0-17, flexible 12-17

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import type { PendingTag } from '../primitives/codec-support.js';
import { ZERO_UUID, decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion, writeTaggedFields } from '../primitives/codec-support.js';

export interface FetchRequest {
  /** The cluster id, if known (KRaft replication only). (versions 12+, tag 0, nullable 12+) */
  clusterId: string | null;
  /** The follower's broker id, or -1 for a consumer. (versions 0-14) */
  replicaId: number;
  /** The follower's id and epoch (replication only). (versions 15+, tag 1) */
  replicaState: FetchRequestReplicaState;
  /** The longest time in ms to wait for MinBytes to become available. (versions 0+) */
  maxWaitMs: number;
  /** The fewest bytes to accumulate before answering. (versions 0+) */
  minBytes: number;
  /** The most bytes to return in the whole response (soft: the first batch may exceed it). (versions 3+) */
  maxBytes: number;
  /** 0 read uncommitted, 1 read committed (stop at the last stable offset). (versions 4+) */
  isolationLevel: number;
  /** The fetch session id, or 0. (versions 7+) */
  sessionId: number;
  /** The fetch session epoch: -1 for a full fetch without a session, 0 to open one. (versions 7+) */
  sessionEpoch: number;
  /** The topics to fetch. (versions 0+) */
  topics: FetchRequestTopics[];
  /** Partitions to remove from the fetch session (incremental fetches). (versions 7+) */
  forgottenTopicsData: FetchRequestForgottenTopicsData[];
  /** The consumer's rack (client.rack), for fetching from the closest replica. (versions 11+) */
  rackId: string;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface FetchRequestReplicaState {
  /** The follower's broker id, or -1 for a consumer. (versions 15+) */
  replicaId: number;
  /** The follower's broker epoch, or -1. (versions 15+) */
  replicaEpoch: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface FetchRequestTopics {
  /** The topic name. (versions 0-12) */
  topic: string;
  /** The topic id. (versions 13+) */
  topicId: Buffer;
  /** The partitions to fetch. (versions 0+) */
  partitions: FetchRequestPartitions[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface FetchRequestPartitions {
  /** The partition index. (versions 0+) */
  partition: number;
  /** The leader epoch the client knows, or -1; fences stale fetches. (versions 9+) */
  currentLeaderEpoch: number;
  /** The offset to fetch from. (versions 0+) */
  fetchOffset: number;
  /** The epoch of the last fetched batch, or -1 (replication only). (versions 12+) */
  lastFetchedEpoch: number;
  /** The follower's log start offset, or -1 for a consumer. (versions 5+) */
  logStartOffset: number;
  /** The most bytes to return for this partition (soft). (versions 0+) */
  partitionMaxBytes: number;
  /** The follower's log directory id (replication only). (versions 17+, tag 0) */
  replicaDirectoryId: Buffer;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface FetchRequestForgottenTopicsData {
  /** The topic name. (versions 7-12) */
  topic: string;
  /** The topic id. (versions 13+) */
  topicId: Buffer;
  /** The partition indexes to forget. (versions 7+) */
  partitions: number[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readFetchRequest(r: Reader, version: number): FetchRequest {
  if (version < 0 || version > 17) decodeBadVersion('FetchRequest', version);
  const flexible = version >= 12;
  let f_clusterId: string | null = null;
  let f_replicaId: number = -1;
  let f_replicaState: FetchRequestReplicaState = defaultFetchRequestReplicaState();
  let f_maxWaitMs: number;
  let f_minBytes: number;
  let f_maxBytes: number = 2147483647;
  let f_isolationLevel: number = 0;
  let f_sessionId: number = 0;
  let f_sessionEpoch: number = -1;
  let f_topics: FetchRequestTopics[];
  let f_forgottenTopicsData: FetchRequestForgottenTopicsData[] = [];
  let f_rackId: string = "";
  if (version <= 14) {
    f_replicaId = r.readInt32();
  }
  f_maxWaitMs = r.readInt32();
  f_minBytes = r.readInt32();
  if (version >= 3) {
    f_maxBytes = r.readInt32();
  }
  if (version >= 4) {
    f_isolationLevel = r.readInt8();
  }
  if (version >= 7) {
    f_sessionId = r.readInt32();
  }
  if (version >= 7) {
    f_sessionEpoch = r.readInt32();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('FetchRequest.topics', version);
    const a: FetchRequestTopics[] = [];
    for (let i = 0; i < n; i++) a.push(readFetchRequestTopics(r, version, flexible));
    f_topics = a;
  }
  if (version >= 7) {
    {
      const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
      if (n < 0) decodeNotNullable('FetchRequest.forgottenTopicsData', version);
      const a: FetchRequestForgottenTopicsData[] = [];
      for (let i = 0; i < n; i++) a.push(readFetchRequestForgottenTopicsData(r, version, flexible));
      f_forgottenTopicsData = a;
    }
  }
  if (version >= 11) {
    f_rackId = (flexible ? r.readCompactString() : r.readString());
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  if (flexible) {
    const tagCount = r.readUnsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.readUnsignedVarint();
      const size = r.readUnsignedVarint();
      r.need(size);
      const end = r.offset + size;
      if (tag === 0 && version >= 12) {
        f_clusterId = r.readCompactNullableString();
        r.endTagged(end, tag);
      } else if (tag === 1 && version >= 15) {
        f_replicaState = readFetchRequestReplicaState(r, version, flexible);
        r.endTagged(end, tag);
      } else {
        (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
      }
    }
  }
  return { clusterId: f_clusterId, replicaId: f_replicaId, replicaState: f_replicaState, maxWaitMs: f_maxWaitMs, minBytes: f_minBytes, maxBytes: f_maxBytes, isolationLevel: f_isolationLevel, sessionId: f_sessionId, sessionEpoch: f_sessionEpoch, topics: f_topics, forgottenTopicsData: f_forgottenTopicsData, rackId: f_rackId, unknownTaggedFields };
}

export function writeFetchRequest(w: Writer, version: number, m: FetchRequest): void {
  if (version < 0 || version > 17) encodeBadVersion('FetchRequest', version);
  const flexible = version >= 12;
  if (version <= 14) {
    w.writeInt32(m.replicaId);
  }
  w.writeInt32(m.maxWaitMs);
  w.writeInt32(m.minBytes);
  if (version >= 3) {
    w.writeInt32(m.maxBytes);
  }
  if (version >= 4) {
    w.writeInt8(m.isolationLevel);
  }
  if (version >= 7) {
    w.writeInt32(m.sessionId);
  }
  if (version >= 7) {
    w.writeInt32(m.sessionEpoch);
  }
  if (m.topics == null) encodeNotNullable('FetchRequest.topics', version);
  if (flexible) w.writeUnsignedVarint(m.topics.length + 1); else w.writeInt32(m.topics.length);
  for (const e of m.topics) {
    writeFetchRequestTopics(w, version, flexible, e);
  }
  if (version >= 7) {
    if (m.forgottenTopicsData == null) encodeNotNullable('FetchRequest.forgottenTopicsData', version);
    if (flexible) w.writeUnsignedVarint(m.forgottenTopicsData.length + 1); else w.writeInt32(m.forgottenTopicsData.length);
    for (const e of m.forgottenTopicsData) {
      writeFetchRequestForgottenTopicsData(w, version, flexible, e);
    }
  }
  if (version >= 11) {
    if (m.rackId == null) encodeNotNullable('FetchRequest.rackId', version);
    if (flexible) w.writeCompactString(m.rackId); else w.writeString(m.rackId);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    let tagCount = unknown === undefined ? 0 : unknown.length;
    const t_clusterId = version >= 12 && !(m.clusterId === null);
    if (t_clusterId) tagCount++;
    const t_replicaState = version >= 15 && !(isDefaultFetchRequestReplicaState(m.replicaState));
    if (t_replicaState) tagCount++;
    w.writeUnsignedVarint(tagCount);
    if (tagCount !== 0) {
      const known: PendingTag[] = [];
      if (t_clusterId) known.push({ tag: 0, write: (w) => {
        w.writeCompactNullableString(m.clusterId);
      } });
      if (t_replicaState) known.push({ tag: 1, write: (w) => {
        if (m.replicaState == null) encodeNotNullable('FetchRequest.replicaState', version);
        writeFetchRequestReplicaState(w, version, flexible, m.replicaState);
      } });
      writeTaggedFields(w, known, unknown);
    }
  }
}

function readFetchRequestReplicaState(r: Reader, version: number, flexible: boolean): FetchRequestReplicaState {
  let f_replicaId: number = -1;
  let f_replicaEpoch: number = -1;
  if (version >= 15) {
    f_replicaId = r.readInt32();
  }
  if (version >= 15) {
    f_replicaEpoch = r.readInt64();
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
  return { replicaId: f_replicaId, replicaEpoch: f_replicaEpoch, unknownTaggedFields };
}

function writeFetchRequestReplicaState(w: Writer, version: number, flexible: boolean, m: FetchRequestReplicaState): void {
  if (version >= 15) {
    w.writeInt32(m.replicaId);
  }
  if (version >= 15) {
    w.writeInt64(m.replicaEpoch);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readFetchRequestTopics(r: Reader, version: number, flexible: boolean): FetchRequestTopics {
  let f_topic: string = '';
  let f_topicId: Buffer = ZERO_UUID;
  let f_partitions: FetchRequestPartitions[];
  if (version <= 12) {
    f_topic = (flexible ? r.readCompactString() : r.readString());
  }
  if (version >= 13) {
    f_topicId = r.readUuid();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('FetchRequestTopics.partitions', version);
    const a: FetchRequestPartitions[] = [];
    for (let i = 0; i < n; i++) a.push(readFetchRequestPartitions(r, version, flexible));
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
  return { topic: f_topic, topicId: f_topicId, partitions: f_partitions, unknownTaggedFields };
}

function writeFetchRequestTopics(w: Writer, version: number, flexible: boolean, m: FetchRequestTopics): void {
  if (version <= 12) {
    if (m.topic == null) encodeNotNullable('FetchRequestTopics.topic', version);
    if (flexible) w.writeCompactString(m.topic); else w.writeString(m.topic);
  }
  if (version >= 13) {
    if (m.topicId == null) encodeNotNullable('FetchRequestTopics.topicId', version);
    w.writeUuid(m.topicId);
  }
  if (m.partitions == null) encodeNotNullable('FetchRequestTopics.partitions', version);
  if (flexible) w.writeUnsignedVarint(m.partitions.length + 1); else w.writeInt32(m.partitions.length);
  for (const e of m.partitions) {
    writeFetchRequestPartitions(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readFetchRequestPartitions(r: Reader, version: number, flexible: boolean): FetchRequestPartitions {
  let f_partition: number;
  let f_currentLeaderEpoch: number = -1;
  let f_fetchOffset: number;
  let f_lastFetchedEpoch: number = -1;
  let f_logStartOffset: number = -1;
  let f_partitionMaxBytes: number;
  let f_replicaDirectoryId: Buffer = ZERO_UUID;
  f_partition = r.readInt32();
  if (version >= 9) {
    f_currentLeaderEpoch = r.readInt32();
  }
  f_fetchOffset = r.readInt64();
  if (version >= 12) {
    f_lastFetchedEpoch = r.readInt32();
  }
  if (version >= 5) {
    f_logStartOffset = r.readInt64();
  }
  f_partitionMaxBytes = r.readInt32();
  let unknownTaggedFields: TaggedField[] | undefined;
  if (flexible) {
    const tagCount = r.readUnsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.readUnsignedVarint();
      const size = r.readUnsignedVarint();
      r.need(size);
      const end = r.offset + size;
      if (tag === 0 && version >= 17) {
        f_replicaDirectoryId = r.readUuid();
        r.endTagged(end, tag);
      } else {
        (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
      }
    }
  }
  return { partition: f_partition, currentLeaderEpoch: f_currentLeaderEpoch, fetchOffset: f_fetchOffset, lastFetchedEpoch: f_lastFetchedEpoch, logStartOffset: f_logStartOffset, partitionMaxBytes: f_partitionMaxBytes, replicaDirectoryId: f_replicaDirectoryId, unknownTaggedFields };
}

function writeFetchRequestPartitions(w: Writer, version: number, flexible: boolean, m: FetchRequestPartitions): void {
  w.writeInt32(m.partition);
  if (version >= 9) {
    w.writeInt32(m.currentLeaderEpoch);
  }
  w.writeInt64(m.fetchOffset);
  if (version >= 12) {
    w.writeInt32(m.lastFetchedEpoch);
  }
  if (version >= 5) {
    w.writeInt64(m.logStartOffset);
  }
  w.writeInt32(m.partitionMaxBytes);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    let tagCount = unknown === undefined ? 0 : unknown.length;
    const t_replicaDirectoryId = version >= 17 && !(m.replicaDirectoryId.equals(ZERO_UUID));
    if (t_replicaDirectoryId) tagCount++;
    w.writeUnsignedVarint(tagCount);
    if (tagCount !== 0) {
      const known: PendingTag[] = [];
      if (t_replicaDirectoryId) known.push({ tag: 0, write: (w) => {
        if (m.replicaDirectoryId == null) encodeNotNullable('FetchRequestPartitions.replicaDirectoryId', version);
        w.writeUuid(m.replicaDirectoryId);
      } });
      writeTaggedFields(w, known, unknown);
    }
  }
}

function readFetchRequestForgottenTopicsData(r: Reader, version: number, flexible: boolean): FetchRequestForgottenTopicsData {
  let f_topic: string = '';
  let f_topicId: Buffer = ZERO_UUID;
  let f_partitions: number[] = [];
  if (version >= 7 && version <= 12) {
    f_topic = (flexible ? r.readCompactString() : r.readString());
  }
  if (version >= 13) {
    f_topicId = r.readUuid();
  }
  if (version >= 7) {
    {
      const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
      if (n < 0) decodeNotNullable('FetchRequestForgottenTopicsData.partitions', version);
      const a: number[] = [];
      for (let i = 0; i < n; i++) a.push(r.readInt32());
      f_partitions = a;
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
  return { topic: f_topic, topicId: f_topicId, partitions: f_partitions, unknownTaggedFields };
}

function writeFetchRequestForgottenTopicsData(w: Writer, version: number, flexible: boolean, m: FetchRequestForgottenTopicsData): void {
  if (version >= 7 && version <= 12) {
    if (m.topic == null) encodeNotNullable('FetchRequestForgottenTopicsData.topic', version);
    if (flexible) w.writeCompactString(m.topic); else w.writeString(m.topic);
  }
  if (version >= 13) {
    if (m.topicId == null) encodeNotNullable('FetchRequestForgottenTopicsData.topicId', version);
    w.writeUuid(m.topicId);
  }
  if (version >= 7) {
    if (m.partitions == null) encodeNotNullable('FetchRequestForgottenTopicsData.partitions', version);
    if (flexible) w.writeUnsignedVarint(m.partitions.length + 1); else w.writeInt32(m.partitions.length);
    for (const e of m.partitions) {
      w.writeInt32(e);
    }
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function defaultFetchRequestReplicaState(): FetchRequestReplicaState {
  return { replicaId: -1, replicaEpoch: -1 };
}

function isDefaultFetchRequestReplicaState(m: FetchRequestReplicaState): boolean {
  return m.replicaId === -1 && m.replicaEpoch === -1;
}
