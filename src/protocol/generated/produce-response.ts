// generated from protocol/kafka/ProduceResponse.json — do not edit (npm run generate)
// ProduceResponse (api key 0): versions 0-11, flexible 9-11

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import type { PendingTag } from '../primitives/codec-support.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion, writeTaggedFields } from '../primitives/codec-support.js';

export interface ProduceResponse {
  /** One entry per topic of the request. (versions 0+) */
  responses: ProduceResponseResponses[];
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 1+) */
  throttleTimeMs: number;
  /** Endpoints of the leaders named in CurrentLeader. (versions 10+, tag 0) */
  nodeEndpoints: ProduceResponseNodeEndpoints[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface ProduceResponseResponses {
  /** The topic name. (versions 0+) */
  name: string;
  /** One entry per partition of the request. (versions 0+) */
  partitionResponses: ProduceResponsePartitionResponses[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface ProduceResponsePartitionResponses {
  /** The partition index. (versions 0+) */
  index: number;
  /** The error code, or 0. (versions 0+) */
  errorCode: number;
  /** The offset given to the first record appended. (versions 0+) */
  baseOffset: number;
  /** The broker's append time when the topic uses LogAppendTime, else -1. (versions 2+) */
  logAppendTimeMs: number;
  /** The partition's log start offset. (versions 5+) */
  logStartOffset: number;
  /** The records that made the batch fail, with why. (versions 8+) */
  recordErrors: ProduceResponseRecordErrors[];
  /** A message describing the batch-level error, or null. (versions 8+, nullable 8+) */
  errorMessage: string | null;
  /** The current leader, sent with NOT_LEADER_OR_FOLLOWER. (versions 10+, tag 0) */
  currentLeader: ProduceResponseCurrentLeader;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface ProduceResponseRecordErrors {
  /** The index of the failing record within the batch. (versions 8+) */
  batchIndex: number;
  /** Why that record failed, or null. (versions 8+, nullable 8+) */
  batchIndexErrorMessage: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface ProduceResponseCurrentLeader {
  /** The leader's id, or -1. (versions 10+) */
  leaderId: number;
  /** The leader's epoch, or -1. (versions 10+) */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface ProduceResponseNodeEndpoints {
  /** The node id. (versions 10+) */
  nodeId: number;
  /** The node's host name. (versions 10+) */
  host: string;
  /** The node's port. (versions 10+) */
  port: number;
  /** The node's rack, or null. (versions 10+, nullable 10+) */
  rack: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readProduceResponse(r: Reader, version: number): ProduceResponse {
  if (version < 0 || version > 11) decodeBadVersion('ProduceResponse', version);
  const flexible = version >= 9;
  let f_responses: ProduceResponseResponses[];
  let f_throttleTimeMs: number = 0;
  let f_nodeEndpoints: ProduceResponseNodeEndpoints[] = [];
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('ProduceResponse.responses', version);
    const a: ProduceResponseResponses[] = [];
    for (let i = 0; i < n; i++) a.push(readProduceResponseResponses(r, version, flexible));
    f_responses = a;
  }
  if (version >= 1) {
    f_throttleTimeMs = r.readInt32();
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  if (flexible) {
    const tagCount = r.readUnsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.readUnsignedVarint();
      const size = r.readUnsignedVarint();
      r.need(size);
      const end = r.offset + size;
      if (tag === 0 && version >= 10) {
        {
          const n = r.readCompactArrayLength();
          if (n < 0) decodeNotNullable('ProduceResponse.nodeEndpoints', version);
          const a: ProduceResponseNodeEndpoints[] = [];
          for (let i = 0; i < n; i++) a.push(readProduceResponseNodeEndpoints(r, version, flexible));
          f_nodeEndpoints = a;
        }
        r.endTagged(end, tag);
      } else {
        (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
      }
    }
  }
  return { responses: f_responses, throttleTimeMs: f_throttleTimeMs, nodeEndpoints: f_nodeEndpoints, unknownTaggedFields };
}

export function writeProduceResponse(w: Writer, version: number, m: ProduceResponse): void {
  if (version < 0 || version > 11) encodeBadVersion('ProduceResponse', version);
  const flexible = version >= 9;
  if (m.responses == null) encodeNotNullable('ProduceResponse.responses', version);
  if (flexible) w.writeUnsignedVarint(m.responses.length + 1); else w.writeInt32(m.responses.length);
  for (const e of m.responses) {
    writeProduceResponseResponses(w, version, flexible, e);
  }
  if (version >= 1) {
    w.writeInt32(m.throttleTimeMs);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    let tagCount = unknown === undefined ? 0 : unknown.length;
    const t_nodeEndpoints = version >= 10 && !(m.nodeEndpoints.length === 0);
    if (t_nodeEndpoints) tagCount++;
    w.writeUnsignedVarint(tagCount);
    if (tagCount !== 0) {
      const known: PendingTag[] = [];
      if (t_nodeEndpoints) known.push({ tag: 0, write: (w) => {
        if (m.nodeEndpoints == null) encodeNotNullable('ProduceResponse.nodeEndpoints', version);
        w.writeUnsignedVarint(m.nodeEndpoints.length + 1);
        for (const e of m.nodeEndpoints) {
          writeProduceResponseNodeEndpoints(w, version, flexible, e);
        }
      } });
      writeTaggedFields(w, known, unknown);
    }
  }
}

function readProduceResponseResponses(r: Reader, version: number, flexible: boolean): ProduceResponseResponses {
  let f_name: string;
  let f_partitionResponses: ProduceResponsePartitionResponses[];
  f_name = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('ProduceResponseResponses.partitionResponses', version);
    const a: ProduceResponsePartitionResponses[] = [];
    for (let i = 0; i < n; i++) a.push(readProduceResponsePartitionResponses(r, version, flexible));
    f_partitionResponses = a;
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
  return { name: f_name, partitionResponses: f_partitionResponses, unknownTaggedFields };
}

function writeProduceResponseResponses(w: Writer, version: number, flexible: boolean, m: ProduceResponseResponses): void {
  if (m.name == null) encodeNotNullable('ProduceResponseResponses.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  if (m.partitionResponses == null) encodeNotNullable('ProduceResponseResponses.partitionResponses', version);
  if (flexible) w.writeUnsignedVarint(m.partitionResponses.length + 1); else w.writeInt32(m.partitionResponses.length);
  for (const e of m.partitionResponses) {
    writeProduceResponsePartitionResponses(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readProduceResponsePartitionResponses(r: Reader, version: number, flexible: boolean): ProduceResponsePartitionResponses {
  let f_index: number;
  let f_errorCode: number;
  let f_baseOffset: number;
  let f_logAppendTimeMs: number = -1;
  let f_logStartOffset: number = -1;
  let f_recordErrors: ProduceResponseRecordErrors[] = [];
  let f_errorMessage: string | null = null;
  let f_currentLeader: ProduceResponseCurrentLeader = defaultProduceResponseCurrentLeader();
  f_index = r.readInt32();
  f_errorCode = r.readInt16();
  f_baseOffset = r.readInt64();
  if (version >= 2) {
    f_logAppendTimeMs = r.readInt64();
  }
  if (version >= 5) {
    f_logStartOffset = r.readInt64();
  }
  if (version >= 8) {
    {
      const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
      if (n < 0) decodeNotNullable('ProduceResponsePartitionResponses.recordErrors', version);
      const a: ProduceResponseRecordErrors[] = [];
      for (let i = 0; i < n; i++) a.push(readProduceResponseRecordErrors(r, version, flexible));
      f_recordErrors = a;
    }
  }
  if (version >= 8) {
    f_errorMessage = (flexible ? r.readCompactNullableString() : r.readNullableString());
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  if (flexible) {
    const tagCount = r.readUnsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.readUnsignedVarint();
      const size = r.readUnsignedVarint();
      r.need(size);
      const end = r.offset + size;
      if (tag === 0 && version >= 10) {
        f_currentLeader = readProduceResponseCurrentLeader(r, version, flexible);
        r.endTagged(end, tag);
      } else {
        (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
      }
    }
  }
  return { index: f_index, errorCode: f_errorCode, baseOffset: f_baseOffset, logAppendTimeMs: f_logAppendTimeMs, logStartOffset: f_logStartOffset, recordErrors: f_recordErrors, errorMessage: f_errorMessage, currentLeader: f_currentLeader, unknownTaggedFields };
}

function writeProduceResponsePartitionResponses(w: Writer, version: number, flexible: boolean, m: ProduceResponsePartitionResponses): void {
  w.writeInt32(m.index);
  w.writeInt16(m.errorCode);
  w.writeInt64(m.baseOffset);
  if (version >= 2) {
    w.writeInt64(m.logAppendTimeMs);
  }
  if (version >= 5) {
    w.writeInt64(m.logStartOffset);
  }
  if (version >= 8) {
    if (m.recordErrors == null) encodeNotNullable('ProduceResponsePartitionResponses.recordErrors', version);
    if (flexible) w.writeUnsignedVarint(m.recordErrors.length + 1); else w.writeInt32(m.recordErrors.length);
    for (const e of m.recordErrors) {
      writeProduceResponseRecordErrors(w, version, flexible, e);
    }
  }
  if (version >= 8) {
    if (flexible) w.writeCompactNullableString(m.errorMessage); else w.writeNullableString(m.errorMessage);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    let tagCount = unknown === undefined ? 0 : unknown.length;
    const t_currentLeader = version >= 10 && !(isDefaultProduceResponseCurrentLeader(m.currentLeader));
    if (t_currentLeader) tagCount++;
    w.writeUnsignedVarint(tagCount);
    if (tagCount !== 0) {
      const known: PendingTag[] = [];
      if (t_currentLeader) known.push({ tag: 0, write: (w) => {
        if (m.currentLeader == null) encodeNotNullable('ProduceResponsePartitionResponses.currentLeader', version);
        writeProduceResponseCurrentLeader(w, version, flexible, m.currentLeader);
      } });
      writeTaggedFields(w, known, unknown);
    }
  }
}

function readProduceResponseRecordErrors(r: Reader, version: number, flexible: boolean): ProduceResponseRecordErrors {
  let f_batchIndex: number = 0;
  let f_batchIndexErrorMessage: string | null = null;
  if (version >= 8) {
    f_batchIndex = r.readInt32();
  }
  if (version >= 8) {
    f_batchIndexErrorMessage = (flexible ? r.readCompactNullableString() : r.readNullableString());
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
  return { batchIndex: f_batchIndex, batchIndexErrorMessage: f_batchIndexErrorMessage, unknownTaggedFields };
}

function writeProduceResponseRecordErrors(w: Writer, version: number, flexible: boolean, m: ProduceResponseRecordErrors): void {
  if (version >= 8) {
    w.writeInt32(m.batchIndex);
  }
  if (version >= 8) {
    if (flexible) w.writeCompactNullableString(m.batchIndexErrorMessage); else w.writeNullableString(m.batchIndexErrorMessage);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readProduceResponseCurrentLeader(r: Reader, version: number, flexible: boolean): ProduceResponseCurrentLeader {
  let f_leaderId: number = -1;
  let f_leaderEpoch: number = -1;
  if (version >= 10) {
    f_leaderId = r.readInt32();
  }
  if (version >= 10) {
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

function writeProduceResponseCurrentLeader(w: Writer, version: number, flexible: boolean, m: ProduceResponseCurrentLeader): void {
  if (version >= 10) {
    w.writeInt32(m.leaderId);
  }
  if (version >= 10) {
    w.writeInt32(m.leaderEpoch);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readProduceResponseNodeEndpoints(r: Reader, version: number, flexible: boolean): ProduceResponseNodeEndpoints {
  let f_nodeId: number = 0;
  let f_host: string = '';
  let f_port: number = 0;
  let f_rack: string | null = null;
  if (version >= 10) {
    f_nodeId = r.readInt32();
  }
  if (version >= 10) {
    f_host = r.readCompactString();
  }
  if (version >= 10) {
    f_port = r.readInt32();
  }
  if (version >= 10) {
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

function writeProduceResponseNodeEndpoints(w: Writer, version: number, flexible: boolean, m: ProduceResponseNodeEndpoints): void {
  if (version >= 10) {
    w.writeInt32(m.nodeId);
  }
  if (version >= 10) {
    if (m.host == null) encodeNotNullable('ProduceResponseNodeEndpoints.host', version);
    w.writeCompactString(m.host);
  }
  if (version >= 10) {
    w.writeInt32(m.port);
  }
  if (version >= 10) {
    w.writeCompactNullableString(m.rack);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function defaultProduceResponseCurrentLeader(): ProduceResponseCurrentLeader {
  return { leaderId: -1, leaderEpoch: -1 };
}

function isDefaultProduceResponseCurrentLeader(m: ProduceResponseCurrentLeader): boolean {
  return m.leaderId === -1 && m.leaderEpoch === -1;
}
