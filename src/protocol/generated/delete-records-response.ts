// generated from protocol/kafka/DeleteRecordsResponse.json — do not edit (npm run generate)
// DeleteRecordsResponse (api key 21): versions 0-2, flexible 2

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface DeleteRecordsResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 0+) */
  throttleTimeMs: number;
  /** Each topic that we wanted to delete records from. (versions 0+) */
  topics: DeleteRecordsResponseDeleteRecordsTopicResult[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface DeleteRecordsResponseDeleteRecordsTopicResult {
  /** The topic name. (versions 0+) */
  name: string;
  /** Each partition that we wanted to delete records from. (versions 0+) */
  partitions: DeleteRecordsResponseDeleteRecordsPartitionResult[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface DeleteRecordsResponseDeleteRecordsPartitionResult {
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The partition low watermark (log start offset) after the deletion. (versions 0+) */
  lowWatermark: number;
  /** The deletion error code, or 0 if the deletion succeeded. (versions 0+) */
  errorCode: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readDeleteRecordsResponse(r: Reader, version: number): DeleteRecordsResponse {
  if (version < 0 || version > 2) decodeBadVersion('DeleteRecordsResponse', version);
  const flexible = version >= 2;
  let f_throttleTimeMs: number;
  let f_topics: DeleteRecordsResponseDeleteRecordsTopicResult[];
  f_throttleTimeMs = r.readInt32();
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('DeleteRecordsResponse.topics', version);
    const a: DeleteRecordsResponseDeleteRecordsTopicResult[] = [];
    for (let i = 0; i < n; i++) a.push(readDeleteRecordsResponseDeleteRecordsTopicResult(r, version, flexible));
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
  return { throttleTimeMs: f_throttleTimeMs, topics: f_topics, unknownTaggedFields };
}

export function writeDeleteRecordsResponse(w: Writer, version: number, m: DeleteRecordsResponse): void {
  if (version < 0 || version > 2) encodeBadVersion('DeleteRecordsResponse', version);
  const flexible = version >= 2;
  w.writeInt32(m.throttleTimeMs);
  if (m.topics == null) encodeNotNullable('DeleteRecordsResponse.topics', version);
  if (flexible) w.writeUnsignedVarint(m.topics.length + 1); else w.writeInt32(m.topics.length);
  for (const e of m.topics) {
    writeDeleteRecordsResponseDeleteRecordsTopicResult(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readDeleteRecordsResponseDeleteRecordsTopicResult(r: Reader, version: number, flexible: boolean): DeleteRecordsResponseDeleteRecordsTopicResult {
  let f_name: string;
  let f_partitions: DeleteRecordsResponseDeleteRecordsPartitionResult[];
  f_name = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('DeleteRecordsResponseDeleteRecordsTopicResult.partitions', version);
    const a: DeleteRecordsResponseDeleteRecordsPartitionResult[] = [];
    for (let i = 0; i < n; i++) a.push(readDeleteRecordsResponseDeleteRecordsPartitionResult(r, version, flexible));
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

function writeDeleteRecordsResponseDeleteRecordsTopicResult(w: Writer, version: number, flexible: boolean, m: DeleteRecordsResponseDeleteRecordsTopicResult): void {
  if (m.name == null) encodeNotNullable('DeleteRecordsResponseDeleteRecordsTopicResult.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  if (m.partitions == null) encodeNotNullable('DeleteRecordsResponseDeleteRecordsTopicResult.partitions', version);
  if (flexible) w.writeUnsignedVarint(m.partitions.length + 1); else w.writeInt32(m.partitions.length);
  for (const e of m.partitions) {
    writeDeleteRecordsResponseDeleteRecordsPartitionResult(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readDeleteRecordsResponseDeleteRecordsPartitionResult(r: Reader, _version: number, flexible: boolean): DeleteRecordsResponseDeleteRecordsPartitionResult {
  let f_partitionIndex: number;
  let f_lowWatermark: number;
  let f_errorCode: number;
  f_partitionIndex = r.readInt32();
  f_lowWatermark = r.readInt64();
  f_errorCode = r.readInt16();
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
  return { partitionIndex: f_partitionIndex, lowWatermark: f_lowWatermark, errorCode: f_errorCode, unknownTaggedFields };
}

function writeDeleteRecordsResponseDeleteRecordsPartitionResult(w: Writer, _version: number, flexible: boolean, m: DeleteRecordsResponseDeleteRecordsPartitionResult): void {
  w.writeInt32(m.partitionIndex);
  w.writeInt64(m.lowWatermark);
  w.writeInt16(m.errorCode);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
