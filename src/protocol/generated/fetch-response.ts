// generated from protocol/kafka/FetchResponse.json — do not edit (npm run generate)
// FetchResponse (api key 1): versions 0-17, flexible 12-17

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import type { PendingTag } from '../primitives/codec-support.js';
import { ZERO_UUID, decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion, writeTaggedFields } from '../primitives/codec-support.js';

export interface FetchResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 1+) */
  throttleTimeMs: number;
  /** The top-level error code (fetch session errors), or 0. (versions 7+) */
  errorCode: number;
  /** The fetch session id, or 0. (versions 7+) */
  sessionId: number;
  /** One entry per topic. (versions 0+) */
  responses: FetchResponseResponses[];
  /** Endpoints of the leaders named in CurrentLeader. (versions 16+, tag 0) */
  nodeEndpoints: FetchResponseNodeEndpoints[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

/** FetchResponse as accepted by the writer: `records` may be a list of buffers written back to back. */
export interface FetchResponseInput {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 1+) */
  throttleTimeMs: number;
  /** The top-level error code (fetch session errors), or 0. (versions 7+) */
  errorCode: number;
  /** The fetch session id, or 0. (versions 7+) */
  sessionId: number;
  /** One entry per topic. (versions 0+) */
  responses: readonly FetchResponseResponsesInput[];
  /** Endpoints of the leaders named in CurrentLeader. (versions 16+, tag 0) */
  nodeEndpoints: readonly FetchResponseNodeEndpoints[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface FetchResponseResponses {
  /** The topic name. (versions 0-12) */
  topic: string;
  /** The topic id. (versions 13+) */
  topicId: Buffer;
  /** One entry per partition. (versions 0+) */
  partitions: FetchResponsePartitions[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

/** FetchResponseResponses as accepted by the writer: `records` may be a list of buffers written back to back. */
export interface FetchResponseResponsesInput {
  /** The topic name. (versions 0-12) */
  topic: string;
  /** The topic id. (versions 13+) */
  topicId: Buffer;
  /** One entry per partition. (versions 0+) */
  partitions: readonly FetchResponsePartitionsInput[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface FetchResponsePartitions {
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The partition error, or 0. (versions 0+) */
  errorCode: number;
  /** The high watermark: the offset after the last committed record. (versions 0+) */
  highWatermark: number;
  /** The last stable offset (no open transaction below it), or -1. (versions 4+) */
  lastStableOffset: number;
  /** The log start offset, or -1. (versions 5+) */
  logStartOffset: number;
  /** Where the follower's log diverges from the leader's (replication only). (versions 12+, tag 0) */
  divergingEpoch: FetchResponseDivergingEpoch;
  /** The current leader, sent with NOT_LEADER_OR_FOLLOWER or FENCED_LEADER_EPOCH. (versions 12+, tag 1) */
  currentLeader: FetchResponseCurrentLeader;
  /** The snapshot to fetch instead, when the offset is below the log start (KRaft). (versions 12+, tag 2) */
  snapshotId: FetchResponseSnapshotId;
  /** Aborted transactions in the returned range (read committed), or null. (versions 4+, nullable 4+) */
  abortedTransactions: FetchResponseAbortedTransactions[] | null;
  /** The replica the consumer should fetch from instead, or -1. (versions 11+) */
  preferredReadReplica: number;
  /** The record batches. (versions 0+, nullable 0+) */
  records: Buffer | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

/** FetchResponsePartitions as accepted by the writer: `records` may be a list of buffers written back to back. */
export interface FetchResponsePartitionsInput {
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The partition error, or 0. (versions 0+) */
  errorCode: number;
  /** The high watermark: the offset after the last committed record. (versions 0+) */
  highWatermark: number;
  /** The last stable offset (no open transaction below it), or -1. (versions 4+) */
  lastStableOffset: number;
  /** The log start offset, or -1. (versions 5+) */
  logStartOffset: number;
  /** Where the follower's log diverges from the leader's (replication only). (versions 12+, tag 0) */
  divergingEpoch: FetchResponseDivergingEpoch;
  /** The current leader, sent with NOT_LEADER_OR_FOLLOWER or FENCED_LEADER_EPOCH. (versions 12+, tag 1) */
  currentLeader: FetchResponseCurrentLeader;
  /** The snapshot to fetch instead, when the offset is below the log start (KRaft). (versions 12+, tag 2) */
  snapshotId: FetchResponseSnapshotId;
  /** Aborted transactions in the returned range (read committed), or null. (versions 4+, nullable 4+) */
  abortedTransactions: readonly FetchResponseAbortedTransactions[] | null;
  /** The replica the consumer should fetch from instead, or -1. (versions 11+) */
  preferredReadReplica: number;
  /** The record batches. (versions 0+, nullable 0+) */
  records: Buffer | readonly Buffer[] | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface FetchResponseDivergingEpoch {
  /** The largest epoch both logs share, or -1. (versions 12+) */
  epoch: number;
  /** The end offset of that epoch, or -1. (versions 12+) */
  endOffset: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface FetchResponseCurrentLeader {
  /** The leader's id, or -1. (versions 12+) */
  leaderId: number;
  /** The leader's epoch, or -1. (versions 12+) */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface FetchResponseSnapshotId {
  /** The snapshot's end offset, or -1. (versions 12+) */
  endOffset: number;
  /** The snapshot's epoch, or -1. (versions 12+) */
  epoch: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface FetchResponseAbortedTransactions {
  /** The producer id of the aborted transaction. (versions 4+) */
  producerId: number;
  /** The first offset of the aborted transaction. (versions 4+) */
  firstOffset: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface FetchResponseNodeEndpoints {
  /** The node id. (versions 16+) */
  nodeId: number;
  /** The node's host name. (versions 16+) */
  host: string;
  /** The node's port. (versions 16+) */
  port: number;
  /** The node's rack, or null. (versions 16+, nullable 16+) */
  rack: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readFetchResponse(r: Reader, version: number): FetchResponse {
  if (version < 0 || version > 17) decodeBadVersion('FetchResponse', version);
  const flexible = version >= 12;
  let f_throttleTimeMs: number = 0;
  let f_errorCode: number = 0;
  let f_sessionId: number = 0;
  let f_responses: FetchResponseResponses[];
  let f_nodeEndpoints: FetchResponseNodeEndpoints[] = [];
  if (version >= 1) {
    f_throttleTimeMs = r.readInt32();
  }
  if (version >= 7) {
    f_errorCode = r.readInt16();
  }
  if (version >= 7) {
    f_sessionId = r.readInt32();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('FetchResponse.responses', version);
    const a: FetchResponseResponses[] = [];
    for (let i = 0; i < n; i++) a.push(readFetchResponseResponses(r, version, flexible));
    f_responses = a;
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  if (flexible) {
    const tagCount = r.readUnsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.readUnsignedVarint();
      const size = r.readUnsignedVarint();
      r.need(size);
      const end = r.offset + size;
      if (tag === 0 && version >= 16) {
        {
          const n = r.readCompactArrayLength();
          if (n < 0) decodeNotNullable('FetchResponse.nodeEndpoints', version);
          const a: FetchResponseNodeEndpoints[] = [];
          for (let i = 0; i < n; i++) a.push(readFetchResponseNodeEndpoints(r, version, flexible));
          f_nodeEndpoints = a;
        }
        r.endTagged(end, tag);
      } else {
        (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
      }
    }
  }
  return { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, sessionId: f_sessionId, responses: f_responses, nodeEndpoints: f_nodeEndpoints, unknownTaggedFields };
}

export function writeFetchResponse(w: Writer, version: number, m: FetchResponseInput): void {
  if (version < 0 || version > 17) encodeBadVersion('FetchResponse', version);
  const flexible = version >= 12;
  if (version >= 1) {
    w.writeInt32(m.throttleTimeMs);
  }
  if (version >= 7) {
    w.writeInt16(m.errorCode);
  }
  if (version >= 7) {
    w.writeInt32(m.sessionId);
  }
  if (m.responses == null) encodeNotNullable('FetchResponse.responses', version);
  if (flexible) w.writeUnsignedVarint(m.responses.length + 1); else w.writeInt32(m.responses.length);
  for (const e of m.responses) {
    writeFetchResponseResponses(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    let tagCount = unknown === undefined ? 0 : unknown.length;
    const t_nodeEndpoints = version >= 16 && !(m.nodeEndpoints.length === 0);
    if (t_nodeEndpoints) tagCount++;
    w.writeUnsignedVarint(tagCount);
    if (tagCount !== 0) {
      const known: PendingTag[] = [];
      if (t_nodeEndpoints) known.push({ tag: 0, write: (w) => {
        if (m.nodeEndpoints == null) encodeNotNullable('FetchResponse.nodeEndpoints', version);
        w.writeUnsignedVarint(m.nodeEndpoints.length + 1);
        for (const e of m.nodeEndpoints) {
          writeFetchResponseNodeEndpoints(w, version, flexible, e);
        }
      } });
      writeTaggedFields(w, known, unknown);
    }
  }
}

function readFetchResponseResponses(r: Reader, version: number, flexible: boolean): FetchResponseResponses {
  let f_topic: string = '';
  let f_topicId: Buffer = ZERO_UUID;
  let f_partitions: FetchResponsePartitions[];
  if (version <= 12) {
    f_topic = (flexible ? r.readCompactString() : r.readString());
  }
  if (version >= 13) {
    f_topicId = r.readUuid();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('FetchResponseResponses.partitions', version);
    const a: FetchResponsePartitions[] = [];
    for (let i = 0; i < n; i++) a.push(readFetchResponsePartitions(r, version, flexible));
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

function writeFetchResponseResponses(w: Writer, version: number, flexible: boolean, m: FetchResponseResponsesInput): void {
  if (version <= 12) {
    if (m.topic == null) encodeNotNullable('FetchResponseResponses.topic', version);
    if (flexible) w.writeCompactString(m.topic); else w.writeString(m.topic);
  }
  if (version >= 13) {
    if (m.topicId == null) encodeNotNullable('FetchResponseResponses.topicId', version);
    w.writeUuid(m.topicId);
  }
  if (m.partitions == null) encodeNotNullable('FetchResponseResponses.partitions', version);
  if (flexible) w.writeUnsignedVarint(m.partitions.length + 1); else w.writeInt32(m.partitions.length);
  for (const e of m.partitions) {
    writeFetchResponsePartitions(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readFetchResponsePartitions(r: Reader, version: number, flexible: boolean): FetchResponsePartitions {
  let f_partitionIndex: number;
  let f_errorCode: number;
  let f_highWatermark: number;
  let f_lastStableOffset: number = -1;
  let f_logStartOffset: number = -1;
  let f_divergingEpoch: FetchResponseDivergingEpoch = defaultFetchResponseDivergingEpoch();
  let f_currentLeader: FetchResponseCurrentLeader = defaultFetchResponseCurrentLeader();
  let f_snapshotId: FetchResponseSnapshotId = defaultFetchResponseSnapshotId();
  let f_abortedTransactions: FetchResponseAbortedTransactions[] | null = [];
  let f_preferredReadReplica: number = -1;
  let f_records: Buffer | null;
  f_partitionIndex = r.readInt32();
  f_errorCode = r.readInt16();
  f_highWatermark = r.readInt64();
  if (version >= 4) {
    f_lastStableOffset = r.readInt64();
  }
  if (version >= 5) {
    f_logStartOffset = r.readInt64();
  }
  if (version >= 4) {
    {
      const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
      if (n < 0) {
        f_abortedTransactions = null;
      } else {
        const a: FetchResponseAbortedTransactions[] = [];
        for (let i = 0; i < n; i++) a.push(readFetchResponseAbortedTransactions(r, version, flexible));
        f_abortedTransactions = a;
      }
    }
  }
  if (version >= 11) {
    f_preferredReadReplica = r.readInt32();
  }
  f_records = (flexible ? r.readCompactNullableBytes() : r.readNullableBytes());
  let unknownTaggedFields: TaggedField[] | undefined;
  if (flexible) {
    const tagCount = r.readUnsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.readUnsignedVarint();
      const size = r.readUnsignedVarint();
      r.need(size);
      const end = r.offset + size;
      if (tag === 0 && version >= 12) {
        f_divergingEpoch = readFetchResponseDivergingEpoch(r, version, flexible);
        r.endTagged(end, tag);
      } else if (tag === 1 && version >= 12) {
        f_currentLeader = readFetchResponseCurrentLeader(r, version, flexible);
        r.endTagged(end, tag);
      } else if (tag === 2 && version >= 12) {
        f_snapshotId = readFetchResponseSnapshotId(r, version, flexible);
        r.endTagged(end, tag);
      } else {
        (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
      }
    }
  }
  return { partitionIndex: f_partitionIndex, errorCode: f_errorCode, highWatermark: f_highWatermark, lastStableOffset: f_lastStableOffset, logStartOffset: f_logStartOffset, divergingEpoch: f_divergingEpoch, currentLeader: f_currentLeader, snapshotId: f_snapshotId, abortedTransactions: f_abortedTransactions, preferredReadReplica: f_preferredReadReplica, records: f_records, unknownTaggedFields };
}

function writeFetchResponsePartitions(w: Writer, version: number, flexible: boolean, m: FetchResponsePartitionsInput): void {
  w.writeInt32(m.partitionIndex);
  w.writeInt16(m.errorCode);
  w.writeInt64(m.highWatermark);
  if (version >= 4) {
    w.writeInt64(m.lastStableOffset);
  }
  if (version >= 5) {
    w.writeInt64(m.logStartOffset);
  }
  if (version >= 4) {
    if (m.abortedTransactions === null) {
      if (flexible) w.writeUnsignedVarint(0); else w.writeInt32(-1);
    } else {
      if (flexible) w.writeUnsignedVarint(m.abortedTransactions.length + 1); else w.writeInt32(m.abortedTransactions.length);
      for (const e of m.abortedTransactions) {
        writeFetchResponseAbortedTransactions(w, version, flexible, e);
      }
    }
  }
  if (version >= 11) {
    w.writeInt32(m.preferredReadReplica);
  }
  w.writeRecords(m.records, flexible);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    let tagCount = unknown === undefined ? 0 : unknown.length;
    const t_divergingEpoch = version >= 12 && !(isDefaultFetchResponseDivergingEpoch(m.divergingEpoch));
    if (t_divergingEpoch) tagCount++;
    const t_currentLeader = version >= 12 && !(isDefaultFetchResponseCurrentLeader(m.currentLeader));
    if (t_currentLeader) tagCount++;
    const t_snapshotId = version >= 12 && !(isDefaultFetchResponseSnapshotId(m.snapshotId));
    if (t_snapshotId) tagCount++;
    w.writeUnsignedVarint(tagCount);
    if (tagCount !== 0) {
      const known: PendingTag[] = [];
      if (t_divergingEpoch) known.push({ tag: 0, write: (w) => {
        if (m.divergingEpoch == null) encodeNotNullable('FetchResponsePartitions.divergingEpoch', version);
        writeFetchResponseDivergingEpoch(w, version, flexible, m.divergingEpoch);
      } });
      if (t_currentLeader) known.push({ tag: 1, write: (w) => {
        if (m.currentLeader == null) encodeNotNullable('FetchResponsePartitions.currentLeader', version);
        writeFetchResponseCurrentLeader(w, version, flexible, m.currentLeader);
      } });
      if (t_snapshotId) known.push({ tag: 2, write: (w) => {
        if (m.snapshotId == null) encodeNotNullable('FetchResponsePartitions.snapshotId', version);
        writeFetchResponseSnapshotId(w, version, flexible, m.snapshotId);
      } });
      writeTaggedFields(w, known, unknown);
    }
  }
}

function readFetchResponseDivergingEpoch(r: Reader, version: number, flexible: boolean): FetchResponseDivergingEpoch {
  let f_epoch: number = -1;
  let f_endOffset: number = -1;
  if (version >= 12) {
    f_epoch = r.readInt32();
  }
  if (version >= 12) {
    f_endOffset = r.readInt64();
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
  return { epoch: f_epoch, endOffset: f_endOffset, unknownTaggedFields };
}

function writeFetchResponseDivergingEpoch(w: Writer, version: number, flexible: boolean, m: FetchResponseDivergingEpoch): void {
  if (version >= 12) {
    w.writeInt32(m.epoch);
  }
  if (version >= 12) {
    w.writeInt64(m.endOffset);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readFetchResponseCurrentLeader(r: Reader, version: number, flexible: boolean): FetchResponseCurrentLeader {
  let f_leaderId: number = -1;
  let f_leaderEpoch: number = -1;
  if (version >= 12) {
    f_leaderId = r.readInt32();
  }
  if (version >= 12) {
    f_leaderEpoch = r.readInt32();
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
  return { leaderId: f_leaderId, leaderEpoch: f_leaderEpoch, unknownTaggedFields };
}

function writeFetchResponseCurrentLeader(w: Writer, version: number, flexible: boolean, m: FetchResponseCurrentLeader): void {
  if (version >= 12) {
    w.writeInt32(m.leaderId);
  }
  if (version >= 12) {
    w.writeInt32(m.leaderEpoch);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readFetchResponseSnapshotId(r: Reader, version: number, flexible: boolean): FetchResponseSnapshotId {
  let f_endOffset: number = -1;
  let f_epoch: number = -1;
  if (version >= 12) {
    f_endOffset = r.readInt64();
  }
  if (version >= 12) {
    f_epoch = r.readInt32();
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
  return { endOffset: f_endOffset, epoch: f_epoch, unknownTaggedFields };
}

function writeFetchResponseSnapshotId(w: Writer, version: number, flexible: boolean, m: FetchResponseSnapshotId): void {
  if (version >= 12) {
    w.writeInt64(m.endOffset);
  }
  if (version >= 12) {
    w.writeInt32(m.epoch);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readFetchResponseAbortedTransactions(r: Reader, version: number, flexible: boolean): FetchResponseAbortedTransactions {
  let f_producerId: number = 0;
  let f_firstOffset: number = 0;
  if (version >= 4) {
    f_producerId = r.readInt64();
  }
  if (version >= 4) {
    f_firstOffset = r.readInt64();
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
  return { producerId: f_producerId, firstOffset: f_firstOffset, unknownTaggedFields };
}

function writeFetchResponseAbortedTransactions(w: Writer, version: number, flexible: boolean, m: FetchResponseAbortedTransactions): void {
  if (version >= 4) {
    w.writeInt64(m.producerId);
  }
  if (version >= 4) {
    w.writeInt64(m.firstOffset);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readFetchResponseNodeEndpoints(r: Reader, version: number, flexible: boolean): FetchResponseNodeEndpoints {
  let f_nodeId: number = 0;
  let f_host: string = '';
  let f_port: number = 0;
  let f_rack: string | null = null;
  if (version >= 16) {
    f_nodeId = r.readInt32();
  }
  if (version >= 16) {
    f_host = r.readCompactString();
  }
  if (version >= 16) {
    f_port = r.readInt32();
  }
  if (version >= 16) {
    f_rack = r.readCompactNullableString();
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
  return { nodeId: f_nodeId, host: f_host, port: f_port, rack: f_rack, unknownTaggedFields };
}

function writeFetchResponseNodeEndpoints(w: Writer, version: number, flexible: boolean, m: FetchResponseNodeEndpoints): void {
  if (version >= 16) {
    w.writeInt32(m.nodeId);
  }
  if (version >= 16) {
    if (m.host == null) encodeNotNullable('FetchResponseNodeEndpoints.host', version);
    w.writeCompactString(m.host);
  }
  if (version >= 16) {
    w.writeInt32(m.port);
  }
  if (version >= 16) {
    w.writeCompactNullableString(m.rack);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function defaultFetchResponseDivergingEpoch(): FetchResponseDivergingEpoch {
  return { epoch: -1, endOffset: -1 };
}

function isDefaultFetchResponseDivergingEpoch(m: FetchResponseDivergingEpoch): boolean {
  return m.epoch === -1 && m.endOffset === -1;
}

function defaultFetchResponseCurrentLeader(): FetchResponseCurrentLeader {
  return { leaderId: -1, leaderEpoch: -1 };
}

function isDefaultFetchResponseCurrentLeader(m: FetchResponseCurrentLeader): boolean {
  return m.leaderId === -1 && m.leaderEpoch === -1;
}

function defaultFetchResponseSnapshotId(): FetchResponseSnapshotId {
  return { endOffset: -1, epoch: -1 };
}

function isDefaultFetchResponseSnapshotId(m: FetchResponseSnapshotId): boolean {
  return m.endOffset === -1 && m.epoch === -1;
}
