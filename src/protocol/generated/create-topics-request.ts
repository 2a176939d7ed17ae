// generated from protocol/kafka/CreateTopicsRequest.json — do not edit (npm run generate)
// CreateTopicsRequest (api key 19): versions 0-7, flexible 5-7

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface CreateTopicsRequest {
  /** The topics to create. (versions 0+) */
  topics: CreateTopicsRequestCreatableTopic[];
  /** How long to wait in ms before timing out the request. (versions 0+) */
  timeoutMs: number;
  /** If true, check that the topics can be created as specified, but do not create anything. (versions 1+) */
  validateOnly: boolean;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface CreateTopicsRequestCreatableTopic {
  /** The topic name. (versions 0+) */
  name: string;
  /** The number of partitions, or -1 for the default (or when Assignments is set). (versions 0+) */
  numPartitions: number;
  /** The replication factor, or -1 for the default (or when Assignments is set). (versions 0+) */
  replicationFactor: number;
  /** The manual partition assignment, or the empty array for automatic assignment. (versions 0+) */
  assignments: CreateTopicsRequestCreatableReplicaAssignment[];
  /** The custom topic configurations to set. (versions 0+) */
  configs: CreateTopicsRequestCreatableTopicConfig[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface CreateTopicsRequestCreatableReplicaAssignment {
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The brokers to place the partition on. (versions 0+) */
  brokerIds: number[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface CreateTopicsRequestCreatableTopicConfig {
  /** The configuration name. (versions 0+) */
  name: string;
  /** The configuration value. (versions 0+, nullable 0+) */
  value: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readCreateTopicsRequest(r: Reader, version: number): CreateTopicsRequest {
  if (version < 0 || version > 7) decodeBadVersion('CreateTopicsRequest', version);
  const flexible = version >= 5;
  let f_topics: CreateTopicsRequestCreatableTopic[];
  let f_timeoutMs: number;
  let f_validateOnly: boolean = false;
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('CreateTopicsRequest.topics', version);
    const a: CreateTopicsRequestCreatableTopic[] = [];
    for (let i = 0; i < n; i++) a.push(readCreateTopicsRequestCreatableTopic(r, version, flexible));
    f_topics = a;
  }
  f_timeoutMs = r.readInt32();
  if (version >= 1) {
    f_validateOnly = r.readBool();
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
  return { topics: f_topics, timeoutMs: f_timeoutMs, validateOnly: f_validateOnly, unknownTaggedFields };
}

export function writeCreateTopicsRequest(w: Writer, version: number, m: CreateTopicsRequest): void {
  if (version < 0 || version > 7) encodeBadVersion('CreateTopicsRequest', version);
  const flexible = version >= 5;
  if (m.topics == null) encodeNotNullable('CreateTopicsRequest.topics', version);
  if (flexible) w.writeUnsignedVarint(m.topics.length + 1); else w.writeInt32(m.topics.length);
  for (const e of m.topics) {
    writeCreateTopicsRequestCreatableTopic(w, version, flexible, e);
  }
  w.writeInt32(m.timeoutMs);
  if (version >= 1) {
    w.writeBool(m.validateOnly);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readCreateTopicsRequestCreatableTopic(r: Reader, version: number, flexible: boolean): CreateTopicsRequestCreatableTopic {
  let f_name: string;
  let f_numPartitions: number;
  let f_replicationFactor: number;
  let f_assignments: CreateTopicsRequestCreatableReplicaAssignment[];
  let f_configs: CreateTopicsRequestCreatableTopicConfig[];
  f_name = (flexible ? r.readCompactString() : r.readString());
  f_numPartitions = r.readInt32();
  f_replicationFactor = r.readInt16();
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('CreateTopicsRequestCreatableTopic.assignments', version);
    const a: CreateTopicsRequestCreatableReplicaAssignment[] = [];
    for (let i = 0; i < n; i++) a.push(readCreateTopicsRequestCreatableReplicaAssignment(r, version, flexible));
    f_assignments = a;
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('CreateTopicsRequestCreatableTopic.configs', version);
    const a: CreateTopicsRequestCreatableTopicConfig[] = [];
    for (let i = 0; i < n; i++) a.push(readCreateTopicsRequestCreatableTopicConfig(r, version, flexible));
    f_configs = a;
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
  return { name: f_name, numPartitions: f_numPartitions, replicationFactor: f_replicationFactor, assignments: f_assignments, configs: f_configs, unknownTaggedFields };
}

function writeCreateTopicsRequestCreatableTopic(w: Writer, version: number, flexible: boolean, m: CreateTopicsRequestCreatableTopic): void {
  if (m.name == null) encodeNotNullable('CreateTopicsRequestCreatableTopic.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  w.writeInt32(m.numPartitions);
  w.writeInt16(m.replicationFactor);
  if (m.assignments == null) encodeNotNullable('CreateTopicsRequestCreatableTopic.assignments', version);
  if (flexible) w.writeUnsignedVarint(m.assignments.length + 1); else w.writeInt32(m.assignments.length);
  for (const e of m.assignments) {
    writeCreateTopicsRequestCreatableReplicaAssignment(w, version, flexible, e);
  }
  if (m.configs == null) encodeNotNullable('CreateTopicsRequestCreatableTopic.configs', version);
  if (flexible) w.writeUnsignedVarint(m.configs.length + 1); else w.writeInt32(m.configs.length);
  for (const e of m.configs) {
    writeCreateTopicsRequestCreatableTopicConfig(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readCreateTopicsRequestCreatableReplicaAssignment(r: Reader, version: number, flexible: boolean): CreateTopicsRequestCreatableReplicaAssignment {
  let f_partitionIndex: number;
  let f_brokerIds: number[];
  f_partitionIndex = r.readInt32();
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('CreateTopicsRequestCreatableReplicaAssignment.brokerIds', version);
    const a: number[] = [];
    for (let i = 0; i < n; i++) a.push(r.readInt32());
    f_brokerIds = a;
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
  return { partitionIndex: f_partitionIndex, brokerIds: f_brokerIds, unknownTaggedFields };
}

function writeCreateTopicsRequestCreatableReplicaAssignment(w: Writer, version: number, flexible: boolean, m: CreateTopicsRequestCreatableReplicaAssignment): void {
  w.writeInt32(m.partitionIndex);
  if (m.brokerIds == null) encodeNotNullable('CreateTopicsRequestCreatableReplicaAssignment.brokerIds', version);
  if (flexible) w.writeUnsignedVarint(m.brokerIds.length + 1); else w.writeInt32(m.brokerIds.length);
  for (const e of m.brokerIds) {
    w.writeInt32(e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readCreateTopicsRequestCreatableTopicConfig(r: Reader, _version: number, flexible: boolean): CreateTopicsRequestCreatableTopicConfig {
  let f_name: string;
  let f_value: string | null;
  f_name = (flexible ? r.readCompactString() : r.readString());
  f_value = (flexible ? r.readCompactNullableString() : r.readNullableString());
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
  return { name: f_name, value: f_value, unknownTaggedFields };
}

function writeCreateTopicsRequestCreatableTopicConfig(w: Writer, version: number, flexible: boolean, m: CreateTopicsRequestCreatableTopicConfig): void {
  if (m.name == null) encodeNotNullable('CreateTopicsRequestCreatableTopicConfig.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  if (flexible) w.writeCompactNullableString(m.value); else w.writeNullableString(m.value);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
