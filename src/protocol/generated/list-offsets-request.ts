// generated from protocol/kafka/ListOffsetsRequest.json — do not edit (npm run generate)
// ListOffsetsRequest (api key 2): versions 0-9, flexible 6-9

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface ListOffsetsRequest {
  /** The broker id of the requester, or -1 for a consumer. (versions 0+) */
  replicaId: number;
  /** 0 read uncommitted, 1 read committed (latest = last stable offset). (versions 2+) */
  isolationLevel: number;
  /** The topics to look up. (versions 0+) */
  topics: ListOffsetsRequestTopics[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface ListOffsetsRequestTopics {
  /** The topic name. (versions 0+) */
  name: string;
  /** The partitions to look up. (versions 0+) */
  partitions: ListOffsetsRequestPartitions[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface ListOffsetsRequestPartitions {
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The leader epoch the client knows, or -1. (versions 4+) */
  currentLeaderEpoch: number;
  /** The timestamp to look up, or one of the special values -1..-5. (versions 0+) */
  timestamp: number;
  /** The most offsets to return (version 0 only). (versions 0) */
  maxNumOffsets: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readListOffsetsRequest(r: Reader, version: number): ListOffsetsRequest {
  if (version < 0 || version > 9) decodeBadVersion('ListOffsetsRequest', version);
  const flexible = version >= 6;
  let f_replicaId: number;
  let f_isolationLevel: number = 0;
  let f_topics: ListOffsetsRequestTopics[];
  f_replicaId = r.readInt32();
  if (version >= 2) {
    f_isolationLevel = r.readInt8();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('ListOffsetsRequest.topics', version);
    const a: ListOffsetsRequestTopics[] = [];
    for (let i = 0; i < n; i++) a.push(readListOffsetsRequestTopics(r, version, flexible));
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
  return { replicaId: f_replicaId, isolationLevel: f_isolationLevel, topics: f_topics, unknownTaggedFields };
}

export function writeListOffsetsRequest(w: Writer, version: number, m: ListOffsetsRequest): void {
  if (version < 0 || version > 9) encodeBadVersion('ListOffsetsRequest', version);
  const flexible = version >= 6;
  w.writeInt32(m.replicaId);
  if (version >= 2) {
    w.writeInt8(m.isolationLevel);
  }
  if (m.topics == null) encodeNotNullable('ListOffsetsRequest.topics', version);
  if (flexible) w.writeUnsignedVarint(m.topics.length + 1); else w.writeInt32(m.topics.length);
  for (const e of m.topics) {
    writeListOffsetsRequestTopics(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readListOffsetsRequestTopics(r: Reader, version: number, flexible: boolean): ListOffsetsRequestTopics {
  let f_name: string;
  let f_partitions: ListOffsetsRequestPartitions[];
  f_name = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('ListOffsetsRequestTopics.partitions', version);
    const a: ListOffsetsRequestPartitions[] = [];
    for (let i = 0; i < n; i++) a.push(readListOffsetsRequestPartitions(r, version, flexible));
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

function writeListOffsetsRequestTopics(w: Writer, version: number, flexible: boolean, m: ListOffsetsRequestTopics): void {
  if (m.name == null) encodeNotNullable('ListOffsetsRequestTopics.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  if (m.partitions == null) encodeNotNullable('ListOffsetsRequestTopics.partitions', version);
  if (flexible) w.writeUnsignedVarint(m.partitions.length + 1); else w.writeInt32(m.partitions.length);
  for (const e of m.partitions) {
    writeListOffsetsRequestPartitions(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readListOffsetsRequestPartitions(r: Reader, version: number, flexible: boolean): ListOffsetsRequestPartitions {
  let f_partitionIndex: number;
  let f_currentLeaderEpoch: number = -1;
  let f_timestamp: number;
  let f_maxNumOffsets: number = 1;
  f_partitionIndex = r.readInt32();
  if (version >= 4) {
    f_currentLeaderEpoch = r.readInt32();
  }
  f_timestamp = r.readInt64();
  if (version <= 0) {
    f_maxNumOffsets = r.readInt32();
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
  return { partitionIndex: f_partitionIndex, currentLeaderEpoch: f_currentLeaderEpoch, timestamp: f_timestamp, maxNumOffsets: f_maxNumOffsets, unknownTaggedFields };
}

function writeListOffsetsRequestPartitions(w: Writer, version: number, flexible: boolean, m: ListOffsetsRequestPartitions): void {
  w.writeInt32(m.partitionIndex);
  if (version >= 4) {
    w.writeInt32(m.currentLeaderEpoch);
  }
  w.writeInt64(m.timestamp);
  if (version <= 0) {
    w.writeInt32(m.maxNumOffsets);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
