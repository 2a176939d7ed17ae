// generated from protocol/canopy/LearnerFetchResponse.json — do not edit (npm run generate)
// LearnerFetchResponse (api key 30002): versions 0, flexible 0

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface LearnerFetchResponse {
  /** The top-level error code, or 0. (versions 0+) */
  errorCode: number;
  /** Why, when ErrorCode is not 0. (versions 0+, nullable 0+) */
  errorMessage: string | null;
  /** The upstream's cluster id. (versions 0+) */
  clusterId: string;
  /** The upstream's node id. (versions 0+) */
  nodeId: number;
  /** The topics asked for, in request order. (versions 0+) */
  topics: LearnerFetchResponseLearnerTopicData[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

/** LearnerFetchResponse as accepted by the writer: `records` may be a list of buffers written back to back. */
export interface LearnerFetchResponseInput {
  /** The top-level error code, or 0. (versions 0+) */
  errorCode: number;
  /** Why, when ErrorCode is not 0. (versions 0+, nullable 0+) */
  errorMessage: string | null;
  /** The upstream's cluster id. (versions 0+) */
  clusterId: string;
  /** The upstream's node id. (versions 0+) */
  nodeId: number;
  /** The topics asked for, in request order. (versions 0+) */
  topics: readonly LearnerFetchResponseLearnerTopicDataInput[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface LearnerFetchResponseLearnerTopicData {
  /** The topic name. (versions 0+) */
  name: string;
  /** UNKNOWN_TOPIC_OR_PARTITION when the upstream holds no such topic, else 0. (versions 0+) */
  errorCode: number;
  /** The topic's partition count on the upstream. (versions 0+) */
  partitionCount: number;
  /** The topic's configs set on the upstream (only those set explicitly). (versions 0+) */
  configs: LearnerFetchResponseTopicConfig[];
  /** The partitions asked for. (versions 0+) */
  partitions: LearnerFetchResponseLearnerPartitionData[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

/** LearnerFetchResponseLearnerTopicData as accepted by the writer: `records` may be a list of buffers written back to back. */
export interface LearnerFetchResponseLearnerTopicDataInput {
  /** The topic name. (versions 0+) */
  name: string;
  /** UNKNOWN_TOPIC_OR_PARTITION when the upstream holds no such topic, else 0. (versions 0+) */
  errorCode: number;
  /** The topic's partition count on the upstream. (versions 0+) */
  partitionCount: number;
  /** The topic's configs set on the upstream (only those set explicitly). (versions 0+) */
  configs: readonly LearnerFetchResponseTopicConfig[];
  /** The partitions asked for. (versions 0+) */
  partitions: readonly LearnerFetchResponseLearnerPartitionDataInput[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface LearnerFetchResponseTopicConfig {
  /** The config name (Kafka's). (versions 0+) */
  name: string;
  /** The config value. (versions 0+) */
  value: string;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface LearnerFetchResponseLearnerPartitionData {
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The partition's error code, or 0. (versions 0+) */
  errorCode: number;
  /** The upstream's high watermark: nothing at or above it is sent. (versions 0+) */
  highWatermark: number;
  /** The upstream's log start offset. (versions 0+) */
  logStartOffset: number;
  /** When the learner diverged: the largest epoch <= its last epoch the upstream holds; else -1. (versions 0+) */
  divergingEpoch: number;
  /** When the learner diverged: where that epoch ends on the upstream (truncate there); else -1. (versions 0+) */
  divergingEndOffset: number;
  /** Committed batches from the fetch offset (the first may start below it). (versions 0+, nullable 0+) */
  records: Buffer | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

/** LearnerFetchResponseLearnerPartitionData as accepted by the writer: `records` may be a list of buffers written back to back. */
export interface LearnerFetchResponseLearnerPartitionDataInput {
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The partition's error code, or 0. (versions 0+) */
  errorCode: number;
  /** The upstream's high watermark: nothing at or above it is sent. (versions 0+) */
  highWatermark: number;
  /** The upstream's log start offset. (versions 0+) */
  logStartOffset: number;
  /** When the learner diverged: the largest epoch <= its last epoch the upstream holds; else -1. (versions 0+) */
  divergingEpoch: number;
  /** When the learner diverged: where that epoch ends on the upstream (truncate there); else -1. (versions 0+) */
  divergingEndOffset: number;
  /** Committed batches from the fetch offset (the first may start below it). (versions 0+, nullable 0+) */
  records: Buffer | readonly Buffer[] | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readLearnerFetchResponse(r: Reader, version: number): LearnerFetchResponse {
  if (version < 0 || version > 0) decodeBadVersion('LearnerFetchResponse', version);
  const flexible = true;
  let f_errorCode: number;
  let f_errorMessage: string | null;
  let f_clusterId: string;
  let f_nodeId: number;
  let f_topics: LearnerFetchResponseLearnerTopicData[];
  f_errorCode = r.readInt16();
  f_errorMessage = r.readCompactNullableString();
  f_clusterId = r.readCompactString();
  f_nodeId = r.readInt32();
  {
    const n = r.readCompactArrayLength();
    if (n < 0) decodeNotNullable('LearnerFetchResponse.topics', version);
    const a: LearnerFetchResponseLearnerTopicData[] = [];
    for (let i = 0; i < n; i++) a.push(readLearnerFetchResponseLearnerTopicData(r, version, flexible));
    f_topics = a;
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { errorCode: f_errorCode, errorMessage: f_errorMessage, clusterId: f_clusterId, nodeId: f_nodeId, topics: f_topics, unknownTaggedFields };
}

export function writeLearnerFetchResponse(w: Writer, version: number, m: LearnerFetchResponseInput): void {
  if (version < 0 || version > 0) encodeBadVersion('LearnerFetchResponse', version);
  const flexible = true;
  w.writeInt16(m.errorCode);
  w.writeCompactNullableString(m.errorMessage);
  if (m.clusterId == null) encodeNotNullable('LearnerFetchResponse.clusterId', version);
  w.writeCompactString(m.clusterId);
  w.writeInt32(m.nodeId);
  if (m.topics == null) encodeNotNullable('LearnerFetchResponse.topics', version);
  w.writeUnsignedVarint(m.topics.length + 1);
  for (const e of m.topics) {
    writeLearnerFetchResponseLearnerTopicData(w, version, flexible, e);
  }
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}

function readLearnerFetchResponseLearnerTopicData(r: Reader, version: number, flexible: boolean): LearnerFetchResponseLearnerTopicData {
  let f_name: string;
  let f_errorCode: number;
  let f_partitionCount: number;
  let f_configs: LearnerFetchResponseTopicConfig[];
  let f_partitions: LearnerFetchResponseLearnerPartitionData[];
  f_name = r.readCompactString();
  f_errorCode = r.readInt16();
  f_partitionCount = r.readInt32();
  {
    const n = r.readCompactArrayLength();
    if (n < 0) decodeNotNullable('LearnerFetchResponseLearnerTopicData.configs', version);
    const a: LearnerFetchResponseTopicConfig[] = [];
    for (let i = 0; i < n; i++) a.push(readLearnerFetchResponseTopicConfig(r, version, flexible));
    f_configs = a;
  }
  {
    const n = r.readCompactArrayLength();
    if (n < 0) decodeNotNullable('LearnerFetchResponseLearnerTopicData.partitions', version);
    const a: LearnerFetchResponseLearnerPartitionData[] = [];
    for (let i = 0; i < n; i++) a.push(readLearnerFetchResponseLearnerPartitionData(r, version, flexible));
    f_partitions = a;
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { name: f_name, errorCode: f_errorCode, partitionCount: f_partitionCount, configs: f_configs, partitions: f_partitions, unknownTaggedFields };
}

function writeLearnerFetchResponseLearnerTopicData(w: Writer, version: number, flexible: boolean, m: LearnerFetchResponseLearnerTopicDataInput): void {
  if (m.name == null) encodeNotNullable('LearnerFetchResponseLearnerTopicData.name', version);
  w.writeCompactString(m.name);
  w.writeInt16(m.errorCode);
  w.writeInt32(m.partitionCount);
  if (m.configs == null) encodeNotNullable('LearnerFetchResponseLearnerTopicData.configs', version);
  w.writeUnsignedVarint(m.configs.length + 1);
  for (const e of m.configs) {
    writeLearnerFetchResponseTopicConfig(w, version, flexible, e);
  }
  if (m.partitions == null) encodeNotNullable('LearnerFetchResponseLearnerTopicData.partitions', version);
  w.writeUnsignedVarint(m.partitions.length + 1);
  for (const e of m.partitions) {
    writeLearnerFetchResponseLearnerPartitionData(w, version, flexible, e);
  }
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}

function readLearnerFetchResponseTopicConfig(r: Reader, _version: number, _flexible: boolean): LearnerFetchResponseTopicConfig {
  let f_name: string;
  let f_value: string;
  f_name = r.readCompactString();
  f_value = r.readCompactString();
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { name: f_name, value: f_value, unknownTaggedFields };
}

function writeLearnerFetchResponseTopicConfig(w: Writer, version: number, _flexible: boolean, m: LearnerFetchResponseTopicConfig): void {
  if (m.name == null) encodeNotNullable('LearnerFetchResponseTopicConfig.name', version);
  w.writeCompactString(m.name);
  if (m.value == null) encodeNotNullable('LearnerFetchResponseTopicConfig.value', version);
  w.writeCompactString(m.value);
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}

function readLearnerFetchResponseLearnerPartitionData(r: Reader, _version: number, _flexible: boolean): LearnerFetchResponseLearnerPartitionData {
  let f_partitionIndex: number;
  let f_errorCode: number;
  let f_highWatermark: number;
  let f_logStartOffset: number;
  let f_divergingEpoch: number;
  let f_divergingEndOffset: number;
  let f_records: Buffer | null;
  f_partitionIndex = r.readInt32();
  f_errorCode = r.readInt16();
  f_highWatermark = r.readInt64();
  f_logStartOffset = r.readInt64();
  f_divergingEpoch = r.readInt32();
  f_divergingEndOffset = r.readInt64();
  f_records = r.readCompactNullableBytes();
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { partitionIndex: f_partitionIndex, errorCode: f_errorCode, highWatermark: f_highWatermark, logStartOffset: f_logStartOffset, divergingEpoch: f_divergingEpoch, divergingEndOffset: f_divergingEndOffset, records: f_records, unknownTaggedFields };
}

function writeLearnerFetchResponseLearnerPartitionData(w: Writer, _version: number, _flexible: boolean, m: LearnerFetchResponseLearnerPartitionDataInput): void {
  w.writeInt32(m.partitionIndex);
  w.writeInt16(m.errorCode);
  w.writeInt64(m.highWatermark);
  w.writeInt64(m.logStartOffset);
  w.writeInt32(m.divergingEpoch);
  w.writeInt64(m.divergingEndOffset);
  w.writeRecords(m.records, true);
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}
