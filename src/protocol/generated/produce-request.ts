// generated from protocol/kafka/ProduceRequest.json — do not edit (npm run generate)
// ProduceRequest (api key 0): versions 0-11, flexible 9-11

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface ProduceRequest {
  /** The transactional id, or null if the producer is not transactional. (versions 3+, nullable 3+) */
  transactionalId: string | null;
  /** Acknowledgements required: 0 none (no response at all), 1 the leader, -1 all in-sync replicas. (versions 0+) */
  acks: number;
  /** How long to wait for the required acknowledgements, in ms. (versions 0+) */
  timeoutMs: number;
  /** The data to produce, per topic. (versions 0+) */
  topicData: ProduceRequestTopicData[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

/** ProduceRequest as accepted by the writer: `records` may be a list of buffers written back to back. */
export interface ProduceRequestInput {
  /** The transactional id, or null if the producer is not transactional. (versions 3+, nullable 3+) */
  transactionalId: string | null;
  /** Acknowledgements required: 0 none (no response at all), 1 the leader, -1 all in-sync replicas. (versions 0+) */
  acks: number;
  /** How long to wait for the required acknowledgements, in ms. (versions 0+) */
  timeoutMs: number;
  /** The data to produce, per topic. (versions 0+) */
  topicData: readonly ProduceRequestTopicDataInput[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface ProduceRequestTopicData {
  /** The topic name. (versions 0+) */
  name: string;
  /** The data to produce, per partition. (versions 0+) */
  partitionData: ProduceRequestPartitionData[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

/** ProduceRequestTopicData as accepted by the writer: `records` may be a list of buffers written back to back. */
export interface ProduceRequestTopicDataInput {
  /** The topic name. (versions 0+) */
  name: string;
  /** The data to produce, per partition. (versions 0+) */
  partitionData: readonly ProduceRequestPartitionDataInput[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface ProduceRequestPartitionData {
  /** The partition index. (versions 0+) */
  index: number;
  /** The record batches to append. (versions 0+, nullable 0+) */
  records: Buffer | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

/** ProduceRequestPartitionData as accepted by the writer: `records` may be a list of buffers written back to back. */
export interface ProduceRequestPartitionDataInput {
  /** The partition index. (versions 0+) */
  index: number;
  /** The record batches to append. (versions 0+, nullable 0+) */
  records: Buffer | readonly Buffer[] | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readProduceRequest(r: Reader, version: number): ProduceRequest {
  if (version < 0 || version > 11) decodeBadVersion('ProduceRequest', version);
  const flexible = version >= 9;
  let f_transactionalId: string | null = null;
  let f_acks: number;
  let f_timeoutMs: number;
  let f_topicData: ProduceRequestTopicData[];
  if (version >= 3) {
    f_transactionalId = (flexible ? r.readCompactNullableString() : r.readNullableString());
  }
  f_acks = r.readInt16();
  f_timeoutMs = r.readInt32();
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('ProduceRequest.topicData', version);
    const a: ProduceRequestTopicData[] = [];
    for (let i = 0; i < n; i++) a.push(readProduceRequestTopicData(r, version, flexible));
    f_topicData = a;
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
  return { transactionalId: f_transactionalId, acks: f_acks, timeoutMs: f_timeoutMs, topicData: f_topicData, unknownTaggedFields };
}

export function writeProduceRequest(w: Writer, version: number, m: ProduceRequestInput): void {
  if (version < 0 || version > 11) encodeBadVersion('ProduceRequest', version);
  const flexible = version >= 9;
  if (version >= 3) {
    if (flexible) w.writeCompactNullableString(m.transactionalId); else w.writeNullableString(m.transactionalId);
  }
  w.writeInt16(m.acks);
  w.writeInt32(m.timeoutMs);
  if (m.topicData == null) encodeNotNullable('ProduceRequest.topicData', version);
  if (flexible) w.writeUnsignedVarint(m.topicData.length + 1); else w.writeInt32(m.topicData.length);
  for (const e of m.topicData) {
    writeProduceRequestTopicData(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readProduceRequestTopicData(r: Reader, version: number, flexible: boolean): ProduceRequestTopicData {
  let f_name: string;
  let f_partitionData: ProduceRequestPartitionData[];
  f_name = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('ProduceRequestTopicData.partitionData', version);
    const a: ProduceRequestPartitionData[] = [];
    for (let i = 0; i < n; i++) a.push(readProduceRequestPartitionData(r, version, flexible));
    f_partitionData = a;
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
  return { name: f_name, partitionData: f_partitionData, unknownTaggedFields };
}

function writeProduceRequestTopicData(w: Writer, version: number, flexible: boolean, m: ProduceRequestTopicDataInput): void {
  if (m.name == null) encodeNotNullable('ProduceRequestTopicData.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  if (m.partitionData == null) encodeNotNullable('ProduceRequestTopicData.partitionData', version);
  if (flexible) w.writeUnsignedVarint(m.partitionData.length + 1); else w.writeInt32(m.partitionData.length);
  for (const e of m.partitionData) {
    writeProduceRequestPartitionData(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readProduceRequestPartitionData(r: Reader, _version: number, flexible: boolean): ProduceRequestPartitionData {
  let f_index: number;
  let f_records: Buffer | null;
  f_index = r.readInt32();
  f_records = (flexible ? r.readCompactNullableBytes() : r.readNullableBytes());
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
  return { index: f_index, records: f_records, unknownTaggedFields };
}

function writeProduceRequestPartitionData(w: Writer, _version: number, flexible: boolean, m: ProduceRequestPartitionDataInput): void {
  w.writeInt32(m.index);
  w.writeRecords(m.records, flexible);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
