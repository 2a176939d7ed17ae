// generated from protocol/kafka/OffsetCommitResponse.json — do not edit (npm run generate)
// OffsetCommitResponse (api key 8): versions 0-9, flexible 8-9

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface OffsetCommitResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 3+) */
  throttleTimeMs: number;
  /** The responses for each topic. (versions 0+) */
  topics: OffsetCommitResponseTopic[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface OffsetCommitResponseTopic {
  /** The topic name. (versions 0+) */
  name: string;
  /** The responses for each partition in the topic. (versions 0+) */
  partitions: OffsetCommitResponsePartition[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface OffsetCommitResponsePartition {
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. (versions 0+) */
  errorCode: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readOffsetCommitResponse(r: Reader, version: number): OffsetCommitResponse {
  if (version < 0 || version > 9) decodeBadVersion('OffsetCommitResponse', version);
  const flexible = version >= 8;
  let f_throttleTimeMs: number = 0;
  let f_topics: OffsetCommitResponseTopic[];
  if (version >= 3) {
    f_throttleTimeMs = r.readInt32();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('OffsetCommitResponse.topics', version);
    const a: OffsetCommitResponseTopic[] = [];
    for (let i = 0; i < n; i++) a.push(readOffsetCommitResponseTopic(r, version, flexible));
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

export function writeOffsetCommitResponse(w: Writer, version: number, m: OffsetCommitResponse): void {
  if (version < 0 || version > 9) encodeBadVersion('OffsetCommitResponse', version);
  const flexible = version >= 8;
  if (version >= 3) {
    w.writeInt32(m.throttleTimeMs);
  }
  if (m.topics == null) encodeNotNullable('OffsetCommitResponse.topics', version);
  if (flexible) w.writeUnsignedVarint(m.topics.length + 1); else w.writeInt32(m.topics.length);
  for (const e of m.topics) {
    writeOffsetCommitResponseTopic(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readOffsetCommitResponseTopic(r: Reader, version: number, flexible: boolean): OffsetCommitResponseTopic {
  let f_name: string;
  let f_partitions: OffsetCommitResponsePartition[];
  f_name = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('OffsetCommitResponseTopic.partitions', version);
    const a: OffsetCommitResponsePartition[] = [];
    for (let i = 0; i < n; i++) a.push(readOffsetCommitResponsePartition(r, version, flexible));
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

function writeOffsetCommitResponseTopic(w: Writer, version: number, flexible: boolean, m: OffsetCommitResponseTopic): void {
  if (m.name == null) encodeNotNullable('OffsetCommitResponseTopic.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  if (m.partitions == null) encodeNotNullable('OffsetCommitResponseTopic.partitions', version);
  if (flexible) w.writeUnsignedVarint(m.partitions.length + 1); else w.writeInt32(m.partitions.length);
  for (const e of m.partitions) {
    writeOffsetCommitResponsePartition(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readOffsetCommitResponsePartition(r: Reader, _version: number, flexible: boolean): OffsetCommitResponsePartition {
  let f_partitionIndex: number;
  let f_errorCode: number;
  f_partitionIndex = r.readInt32();
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
  return { partitionIndex: f_partitionIndex, errorCode: f_errorCode, unknownTaggedFields };
}

function writeOffsetCommitResponsePartition(w: Writer, _version: number, flexible: boolean, m: OffsetCommitResponsePartition): void {
  w.writeInt32(m.partitionIndex);
  w.writeInt16(m.errorCode);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
