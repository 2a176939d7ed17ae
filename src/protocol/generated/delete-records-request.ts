// generated from protocol/kafka/DeleteRecordsRequest.json — do not edit (npm run generate)
// DeleteRecordsRequest (api key 21): versions 0-2, flexible 2

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface DeleteRecordsRequest {
  /** Each topic to delete records from. (versions 0+) */
  topics: DeleteRecordsRequestDeleteRecordsTopic[];
  /** How long to wait for the deletion to complete, in ms. (versions 0+) */
  timeoutMs: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface DeleteRecordsRequestDeleteRecordsTopic {
  /** The topic name. (versions 0+) */
  name: string;
  /** Each partition to delete records from. (versions 0+) */
  partitions: DeleteRecordsRequestDeleteRecordsPartition[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface DeleteRecordsRequestDeleteRecordsPartition {
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The deletion offset (-1 means the high watermark). (versions 0+) */
  offset: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readDeleteRecordsRequest(r: Reader, version: number): DeleteRecordsRequest {
  if (version < 0 || version > 2) decodeBadVersion('DeleteRecordsRequest', version);
  const flexible = version >= 2;
  let f_topics: DeleteRecordsRequestDeleteRecordsTopic[];
  let f_timeoutMs: number;
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('DeleteRecordsRequest.topics', version);
    const a: DeleteRecordsRequestDeleteRecordsTopic[] = [];
    for (let i = 0; i < n; i++) a.push(readDeleteRecordsRequestDeleteRecordsTopic(r, version, flexible));
    f_topics = a;
  }
  f_timeoutMs = r.readInt32();
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
  return { topics: f_topics, timeoutMs: f_timeoutMs, unknownTaggedFields };
}

export function writeDeleteRecordsRequest(w: Writer, version: number, m: DeleteRecordsRequest): void {
  if (version < 0 || version > 2) encodeBadVersion('DeleteRecordsRequest', version);
  const flexible = version >= 2;
  if (m.topics == null) encodeNotNullable('DeleteRecordsRequest.topics', version);
  if (flexible) w.writeUnsignedVarint(m.topics.length + 1); else w.writeInt32(m.topics.length);
  for (const e of m.topics) {
    writeDeleteRecordsRequestDeleteRecordsTopic(w, version, flexible, e);
  }
  w.writeInt32(m.timeoutMs);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readDeleteRecordsRequestDeleteRecordsTopic(r: Reader, version: number, flexible: boolean): DeleteRecordsRequestDeleteRecordsTopic {
  let f_name: string;
  let f_partitions: DeleteRecordsRequestDeleteRecordsPartition[];
  f_name = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('DeleteRecordsRequestDeleteRecordsTopic.partitions', version);
    const a: DeleteRecordsRequestDeleteRecordsPartition[] = [];
    for (let i = 0; i < n; i++) a.push(readDeleteRecordsRequestDeleteRecordsPartition(r, version, flexible));
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

function writeDeleteRecordsRequestDeleteRecordsTopic(w: Writer, version: number, flexible: boolean, m: DeleteRecordsRequestDeleteRecordsTopic): void {
  if (m.name == null) encodeNotNullable('DeleteRecordsRequestDeleteRecordsTopic.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  if (m.partitions == null) encodeNotNullable('DeleteRecordsRequestDeleteRecordsTopic.partitions', version);
  if (flexible) w.writeUnsignedVarint(m.partitions.length + 1); else w.writeInt32(m.partitions.length);
  for (const e of m.partitions) {
    writeDeleteRecordsRequestDeleteRecordsPartition(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readDeleteRecordsRequestDeleteRecordsPartition(r: Reader, _version: number, flexible: boolean): DeleteRecordsRequestDeleteRecordsPartition {
  let f_partitionIndex: number;
  let f_offset: number;
  f_partitionIndex = r.readInt32();
  f_offset = r.readInt64();
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
  return { partitionIndex: f_partitionIndex, offset: f_offset, unknownTaggedFields };
}

function writeDeleteRecordsRequestDeleteRecordsPartition(w: Writer, _version: number, flexible: boolean, m: DeleteRecordsRequestDeleteRecordsPartition): void {
  w.writeInt32(m.partitionIndex);
  w.writeInt64(m.offset);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
