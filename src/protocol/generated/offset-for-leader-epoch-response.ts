// generated from protocol/kafka/OffsetForLeaderEpochResponse.json — do not edit (npm run generate)
// OffsetForLeaderEpochResponse (api key 23): versions 0-4, flexible 4

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface OffsetForLeaderEpochResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 2+) */
  throttleTimeMs: number;
  /** Each topic we fetched offsets for. (versions 0+) */
  topics: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface OffsetForLeaderEpochResponseOffsetForLeaderTopicResult {
  /** The topic name. (versions 0+) */
  topic: string;
  /** Each partition in the topic we fetched offsets for. (versions 0+) */
  partitions: OffsetForLeaderEpochResponseEpochEndOffset[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface OffsetForLeaderEpochResponseEpochEndOffset {
  /** The error code, or 0 if there was no error. (versions 0+) */
  errorCode: number;
  /** The partition index. (versions 0+) */
  partition: number;
  /** The leader epoch of the partition. (versions 1+) */
  leaderEpoch: number;
  /** The end offset of the epoch. (versions 0+) */
  endOffset: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readOffsetForLeaderEpochResponse(r: Reader, version: number): OffsetForLeaderEpochResponse {
  if (version < 0 || version > 4) decodeBadVersion('OffsetForLeaderEpochResponse', version);
  const flexible = version >= 4;
  let f_throttleTimeMs: number = 0;
  let f_topics: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult[];
  if (version >= 2) {
    f_throttleTimeMs = r.readInt32();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('OffsetForLeaderEpochResponse.topics', version);
    const a: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult[] = [];
    for (let i = 0; i < n; i++) a.push(readOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(r, version, flexible));
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

export function writeOffsetForLeaderEpochResponse(w: Writer, version: number, m: OffsetForLeaderEpochResponse): void {
  if (version < 0 || version > 4) encodeBadVersion('OffsetForLeaderEpochResponse', version);
  const flexible = version >= 4;
  if (version >= 2) {
    w.writeInt32(m.throttleTimeMs);
  }
  if (m.topics == null) encodeNotNullable('OffsetForLeaderEpochResponse.topics', version);
  if (flexible) w.writeUnsignedVarint(m.topics.length + 1); else w.writeInt32(m.topics.length);
  for (const e of m.topics) {
    writeOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(r: Reader, version: number, flexible: boolean): OffsetForLeaderEpochResponseOffsetForLeaderTopicResult {
  let f_topic: string;
  let f_partitions: OffsetForLeaderEpochResponseEpochEndOffset[];
  f_topic = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('OffsetForLeaderEpochResponseOffsetForLeaderTopicResult.partitions', version);
    const a: OffsetForLeaderEpochResponseEpochEndOffset[] = [];
    for (let i = 0; i < n; i++) a.push(readOffsetForLeaderEpochResponseEpochEndOffset(r, version, flexible));
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
  return { topic: f_topic, partitions: f_partitions, unknownTaggedFields };
}

function writeOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(w: Writer, version: number, flexible: boolean, m: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult): void {
  if (m.topic == null) encodeNotNullable('OffsetForLeaderEpochResponseOffsetForLeaderTopicResult.topic', version);
  if (flexible) w.writeCompactString(m.topic); else w.writeString(m.topic);
  if (m.partitions == null) encodeNotNullable('OffsetForLeaderEpochResponseOffsetForLeaderTopicResult.partitions', version);
  if (flexible) w.writeUnsignedVarint(m.partitions.length + 1); else w.writeInt32(m.partitions.length);
  for (const e of m.partitions) {
    writeOffsetForLeaderEpochResponseEpochEndOffset(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readOffsetForLeaderEpochResponseEpochEndOffset(r: Reader, version: number, flexible: boolean): OffsetForLeaderEpochResponseEpochEndOffset {
  let f_errorCode: number;
  let f_partition: number;
  let f_leaderEpoch: number = -1;
  let f_endOffset: number;
  f_errorCode = r.readInt16();
  f_partition = r.readInt32();
  if (version >= 1) {
    f_leaderEpoch = r.readInt32();
  }
  f_endOffset = r.readInt64();
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
  return { errorCode: f_errorCode, partition: f_partition, leaderEpoch: f_leaderEpoch, endOffset: f_endOffset, unknownTaggedFields };
}

function writeOffsetForLeaderEpochResponseEpochEndOffset(w: Writer, version: number, flexible: boolean, m: OffsetForLeaderEpochResponseEpochEndOffset): void {
  w.writeInt16(m.errorCode);
  w.writeInt32(m.partition);
  if (version >= 1) {
    w.writeInt32(m.leaderEpoch);
  }
  w.writeInt64(m.endOffset);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
