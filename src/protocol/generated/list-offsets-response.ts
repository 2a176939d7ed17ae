// generated from protocol/kafka/ListOffsetsResponse.json — do not edit (npm run generate)
// ListOffsetsResponse (api key 2): versions 0-9, flexible 6-9

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface ListOffsetsResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 2+) */
  throttleTimeMs: number;
  /** One entry per topic. (versions 0+) */
  topics: ListOffsetsResponseTopics[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface ListOffsetsResponseTopics {
  /** The topic name. (versions 0+) */
  name: string;
  /** One entry per partition. (versions 0+) */
  partitions: ListOffsetsResponsePartitions[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface ListOffsetsResponsePartitions {
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The partition error, or 0. (versions 0+) */
  errorCode: number;
  /** The offsets found (version 0 only). (versions 0) */
  oldStyleOffsets: number[];
  /** The timestamp of the offset found, or -1. (versions 1+) */
  timestamp: number;
  /** The offset found, or -1. (versions 1+) */
  offset: number;
  /** The leader epoch of the offset found, or -1. (versions 4+) */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readListOffsetsResponse(r: Reader, version: number): ListOffsetsResponse {
  if (version < 0 || version > 9) decodeBadVersion('ListOffsetsResponse', version);
  const flexible = version >= 6;
  let f_throttleTimeMs: number = 0;
  let f_topics: ListOffsetsResponseTopics[];
  if (version >= 2) {
    f_throttleTimeMs = r.readInt32();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('ListOffsetsResponse.topics', version);
    const a: ListOffsetsResponseTopics[] = [];
    for (let i = 0; i < n; i++) a.push(readListOffsetsResponseTopics(r, version, flexible));
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

export function writeListOffsetsResponse(w: Writer, version: number, m: ListOffsetsResponse): void {
  if (version < 0 || version > 9) encodeBadVersion('ListOffsetsResponse', version);
  const flexible = version >= 6;
  if (version >= 2) {
    w.writeInt32(m.throttleTimeMs);
  }
  if (m.topics == null) encodeNotNullable('ListOffsetsResponse.topics', version);
  if (flexible) w.writeUnsignedVarint(m.topics.length + 1); else w.writeInt32(m.topics.length);
  for (const e of m.topics) {
    writeListOffsetsResponseTopics(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readListOffsetsResponseTopics(r: Reader, version: number, flexible: boolean): ListOffsetsResponseTopics {
  let f_name: string;
  let f_partitions: ListOffsetsResponsePartitions[];
  f_name = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('ListOffsetsResponseTopics.partitions', version);
    const a: ListOffsetsResponsePartitions[] = [];
    for (let i = 0; i < n; i++) a.push(readListOffsetsResponsePartitions(r, version, flexible));
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

function writeListOffsetsResponseTopics(w: Writer, version: number, flexible: boolean, m: ListOffsetsResponseTopics): void {
  if (m.name == null) encodeNotNullable('ListOffsetsResponseTopics.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  if (m.partitions == null) encodeNotNullable('ListOffsetsResponseTopics.partitions', version);
  if (flexible) w.writeUnsignedVarint(m.partitions.length + 1); else w.writeInt32(m.partitions.length);
  for (const e of m.partitions) {
    writeListOffsetsResponsePartitions(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readListOffsetsResponsePartitions(r: Reader, version: number, flexible: boolean): ListOffsetsResponsePartitions {
  let f_partitionIndex: number;
  let f_errorCode: number;
  let f_oldStyleOffsets: number[] = [];
  let f_timestamp: number = -1;
  let f_offset: number = -1;
  let f_leaderEpoch: number = -1;
  f_partitionIndex = r.readInt32();
  f_errorCode = r.readInt16();
  if (version <= 0) {
    {
      const n = r.readArrayLength();
      if (n < 0) decodeNotNullable('ListOffsetsResponsePartitions.oldStyleOffsets', version);
      const a: number[] = [];
      for (let i = 0; i < n; i++) a.push(r.readInt64());
      f_oldStyleOffsets = a;
    }
  }
  if (version >= 1) {
    f_timestamp = r.readInt64();
  }
  if (version >= 1) {
    f_offset = r.readInt64();
  }
  if (version >= 4) {
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
  return { partitionIndex: f_partitionIndex, errorCode: f_errorCode, oldStyleOffsets: f_oldStyleOffsets, timestamp: f_timestamp, offset: f_offset, leaderEpoch: f_leaderEpoch, unknownTaggedFields };
}

function writeListOffsetsResponsePartitions(w: Writer, version: number, flexible: boolean, m: ListOffsetsResponsePartitions): void {
  w.writeInt32(m.partitionIndex);
  w.writeInt16(m.errorCode);
  if (version <= 0) {
    if (m.oldStyleOffsets == null) encodeNotNullable('ListOffsetsResponsePartitions.oldStyleOffsets', version);
    w.writeInt32(m.oldStyleOffsets.length);
    for (const e of m.oldStyleOffsets) {
      w.writeInt64(e);
    }
  }
  if (version >= 1) {
    w.writeInt64(m.timestamp);
  }
  if (version >= 1) {
    w.writeInt64(m.offset);
  }
  if (version >= 4) {
    w.writeInt32(m.leaderEpoch);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
