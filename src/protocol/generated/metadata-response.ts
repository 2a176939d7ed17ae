// generated from protocol/kafka/MetadataResponse.json — do not edit (npm run generate)
// MetadataResponse (api key 3): versions 0-12, flexible 9-12

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { ZERO_UUID, decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface MetadataResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 3+) */
  throttleTimeMs: number;
  /** The brokers of the cluster. (versions 0+) */
  brokers: MetadataResponseBrokers[];
  /** The cluster id, or null. (versions 2+, nullable 2+) */
  clusterId: string | null;
  /** The id of the controller broker, or -1. (versions 1+) */
  controllerId: number;
  /** Each requested topic (or every topic). (versions 0+) */
  topics: MetadataResponseTopics[];
  /** Bit field of the operations allowed on the cluster, or INT32_MIN when not requested. (versions 8-10) */
  clusterAuthorizedOperations: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface MetadataResponseBrokers {
  /** The broker id. (versions 0+) */
  nodeId: number;
  /** The host name clients connect to. (versions 0+) */
  host: string;
  /** The port clients connect to. (versions 0+) */
  port: number;
  /** The rack of the broker, or null. (versions 1+, nullable 1+) */
  rack: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface MetadataResponseTopics {
  /** The topic error, or 0. (versions 0+) */
  errorCode: number;
  /** The topic name (null in v12+ when the topic was requested by an unknown id). (versions 0+, nullable 12+) */
  name: string | null;
  /** The topic id. (versions 10+) */
  topicId: Buffer;
  /** True for internal topics. (versions 1+) */
  isInternal: boolean;
  /** Each partition of the topic. (versions 0+) */
  partitions: MetadataResponsePartitions[];
  /** Bit field of the operations allowed on this topic, or INT32_MIN when not requested. (versions 8+) */
  topicAuthorizedOperations: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface MetadataResponsePartitions {
  /** The partition error, or 0. (versions 0+) */
  errorCode: number;
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The id of the leader broker, or -1. (versions 0+) */
  leaderId: number;
  /** The leader epoch, or -1. (versions 7+) */
  leaderEpoch: number;
  /** The replica brokers. (versions 0+) */
  replicaNodes: number[];
  /** The in-sync replica brokers. (versions 0+) */
  isrNodes: number[];
  /** The replicas that are offline. (versions 5+) */
  offlineReplicas: number[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readMetadataResponse(r: Reader, version: number): MetadataResponse {
  if (version < 0 || version > 12) decodeBadVersion('MetadataResponse', version);
  const flexible = version >= 9;
  let f_throttleTimeMs: number = 0;
  let f_brokers: MetadataResponseBrokers[];
  let f_clusterId: string | null = null;
  let f_controllerId: number = -1;
  let f_topics: MetadataResponseTopics[];
  let f_clusterAuthorizedOperations: number = -2147483648;
  if (version >= 3) {
    f_throttleTimeMs = r.readInt32();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('MetadataResponse.brokers', version);
    const a: MetadataResponseBrokers[] = [];
    for (let i = 0; i < n; i++) a.push(readMetadataResponseBrokers(r, version, flexible));
    f_brokers = a;
  }
  if (version >= 2) {
    f_clusterId = (flexible ? r.readCompactNullableString() : r.readNullableString());
  }
  if (version >= 1) {
    f_controllerId = r.readInt32();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('MetadataResponse.topics', version);
    const a: MetadataResponseTopics[] = [];
    for (let i = 0; i < n; i++) a.push(readMetadataResponseTopics(r, version, flexible));
    f_topics = a;
  }
  if (version >= 8 && version <= 10) {
    f_clusterAuthorizedOperations = r.readInt32();
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
  return { throttleTimeMs: f_throttleTimeMs, brokers: f_brokers, clusterId: f_clusterId, controllerId: f_controllerId, topics: f_topics, clusterAuthorizedOperations: f_clusterAuthorizedOperations, unknownTaggedFields };
}

export function writeMetadataResponse(w: Writer, version: number, m: MetadataResponse): void {
  if (version < 0 || version > 12) encodeBadVersion('MetadataResponse', version);
  const flexible = version >= 9;
  if (version >= 3) {
    w.writeInt32(m.throttleTimeMs);
  }
  if (m.brokers == null) encodeNotNullable('MetadataResponse.brokers', version);
  if (flexible) w.writeUnsignedVarint(m.brokers.length + 1); else w.writeInt32(m.brokers.length);
  for (const e of m.brokers) {
    writeMetadataResponseBrokers(w, version, flexible, e);
  }
  if (version >= 2) {
    if (flexible) w.writeCompactNullableString(m.clusterId); else w.writeNullableString(m.clusterId);
  }
  if (version >= 1) {
    w.writeInt32(m.controllerId);
  }
  if (m.topics == null) encodeNotNullable('MetadataResponse.topics', version);
  if (flexible) w.writeUnsignedVarint(m.topics.length + 1); else w.writeInt32(m.topics.length);
  for (const e of m.topics) {
    writeMetadataResponseTopics(w, version, flexible, e);
  }
  if (version >= 8 && version <= 10) {
    w.writeInt32(m.clusterAuthorizedOperations);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readMetadataResponseBrokers(r: Reader, version: number, flexible: boolean): MetadataResponseBrokers {
  let f_nodeId: number;
  let f_host: string;
  let f_port: number;
  let f_rack: string | null = null;
  f_nodeId = r.readInt32();
  f_host = (flexible ? r.readCompactString() : r.readString());
  f_port = r.readInt32();
  if (version >= 1) {
    f_rack = (flexible ? r.readCompactNullableString() : r.readNullableString());
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

function writeMetadataResponseBrokers(w: Writer, version: number, flexible: boolean, m: MetadataResponseBrokers): void {
  w.writeInt32(m.nodeId);
  if (m.host == null) encodeNotNullable('MetadataResponseBrokers.host', version);
  if (flexible) w.writeCompactString(m.host); else w.writeString(m.host);
  w.writeInt32(m.port);
  if (version >= 1) {
    if (flexible) w.writeCompactNullableString(m.rack); else w.writeNullableString(m.rack);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readMetadataResponseTopics(r: Reader, version: number, flexible: boolean): MetadataResponseTopics {
  let f_errorCode: number;
  let f_name: string | null;
  let f_topicId: Buffer = ZERO_UUID;
  let f_isInternal: boolean = false;
  let f_partitions: MetadataResponsePartitions[];
  let f_topicAuthorizedOperations: number = -2147483648;
  f_errorCode = r.readInt16();
  f_name = (flexible ? r.readCompactNullableString() : r.readNullableString());
  if (f_name === null && !(version >= 12)) decodeNotNullable('MetadataResponseTopics.name', version);
  if (version >= 10) {
    f_topicId = r.readUuid();
  }
  if (version >= 1) {
    f_isInternal = r.readBool();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('MetadataResponseTopics.partitions', version);
    const a: MetadataResponsePartitions[] = [];
    for (let i = 0; i < n; i++) a.push(readMetadataResponsePartitions(r, version, flexible));
    f_partitions = a;
  }
  if (version >= 8) {
    f_topicAuthorizedOperations = r.readInt32();
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
  return { errorCode: f_errorCode, name: f_name, topicId: f_topicId, isInternal: f_isInternal, partitions: f_partitions, topicAuthorizedOperations: f_topicAuthorizedOperations, unknownTaggedFields };
}

function writeMetadataResponseTopics(w: Writer, version: number, flexible: boolean, m: MetadataResponseTopics): void {
  w.writeInt16(m.errorCode);
  if (m.name === null && !(version >= 12)) encodeNotNullable('MetadataResponseTopics.name', version);
  if (flexible) w.writeCompactNullableString(m.name); else w.writeNullableString(m.name);
  if (version >= 10) {
    if (m.topicId == null) encodeNotNullable('MetadataResponseTopics.topicId', version);
    w.writeUuid(m.topicId);
  }
  if (version >= 1) {
    w.writeBool(m.isInternal);
  }
  if (m.partitions == null) encodeNotNullable('MetadataResponseTopics.partitions', version);
  if (flexible) w.writeUnsignedVarint(m.partitions.length + 1); else w.writeInt32(m.partitions.length);
  for (const e of m.partitions) {
    writeMetadataResponsePartitions(w, version, flexible, e);
  }
  if (version >= 8) {
    w.writeInt32(m.topicAuthorizedOperations);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readMetadataResponsePartitions(r: Reader, version: number, flexible: boolean): MetadataResponsePartitions {
  let f_errorCode: number;
  let f_partitionIndex: number;
  let f_leaderId: number;
  let f_leaderEpoch: number = -1;
  let f_replicaNodes: number[];
  let f_isrNodes: number[];
  let f_offlineReplicas: number[] = [];
  f_errorCode = r.readInt16();
  f_partitionIndex = r.readInt32();
  f_leaderId = r.readInt32();
  if (version >= 7) {
    f_leaderEpoch = r.readInt32();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('MetadataResponsePartitions.replicaNodes', version);
    const a: number[] = [];
    for (let i = 0; i < n; i++) a.push(r.readInt32());
    f_replicaNodes = a;
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('MetadataResponsePartitions.isrNodes', version);
    const a: number[] = [];
    for (let i = 0; i < n; i++) a.push(r.readInt32());
    f_isrNodes = a;
  }
  if (version >= 5) {
    {
      const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
      if (n < 0) decodeNotNullable('MetadataResponsePartitions.offlineReplicas', version);
      const a: number[] = [];
      for (let i = 0; i < n; i++) a.push(r.readInt32());
      f_offlineReplicas = a;
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
  return { errorCode: f_errorCode, partitionIndex: f_partitionIndex, leaderId: f_leaderId, leaderEpoch: f_leaderEpoch, replicaNodes: f_replicaNodes, isrNodes: f_isrNodes, offlineReplicas: f_offlineReplicas, unknownTaggedFields };
}

function writeMetadataResponsePartitions(w: Writer, version: number, flexible: boolean, m: MetadataResponsePartitions): void {
  w.writeInt16(m.errorCode);
  w.writeInt32(m.partitionIndex);
  w.writeInt32(m.leaderId);
  if (version >= 7) {
    w.writeInt32(m.leaderEpoch);
  }
  if (m.replicaNodes == null) encodeNotNullable('MetadataResponsePartitions.replicaNodes', version);
  if (flexible) w.writeUnsignedVarint(m.replicaNodes.length + 1); else w.writeInt32(m.replicaNodes.length);
  for (const e of m.replicaNodes) {
    w.writeInt32(e);
  }
  if (m.isrNodes == null) encodeNotNullable('MetadataResponsePartitions.isrNodes', version);
  if (flexible) w.writeUnsignedVarint(m.isrNodes.length + 1); else w.writeInt32(m.isrNodes.length);
  for (const e of m.isrNodes) {
    w.writeInt32(e);
  }
  if (version >= 5) {
    if (m.offlineReplicas == null) encodeNotNullable('MetadataResponsePartitions.offlineReplicas', version);
    if (flexible) w.writeUnsignedVarint(m.offlineReplicas.length + 1); else w.writeInt32(m.offlineReplicas.length);
    for (const e of m.offlineReplicas) {
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
