// generated from protocol/kafka/OffsetFetchResponse.json — do not edit (npm run generate)
// OffsetFetchResponse (api key 9): versions 0-9, flexible 6-9

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface OffsetFetchResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 3+) */
  throttleTimeMs: number;
  /** The responses per topic. (versions 0-7) */
  topics: OffsetFetchResponseTopic[];
  /** The top-level error code, or 0 if there was no error. (versions 2-7) */
  errorCode: number;
  /** The responses per group id. (versions 8+) */
  groups: OffsetFetchResponseGroup[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface OffsetFetchResponseTopic {
  /** The topic name. (versions 0-7) */
  name: string;
  /** The responses per partition. (versions 0-7) */
  partitions: OffsetFetchResponsePartition[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface OffsetFetchResponsePartition {
  /** The partition index. (versions 0-7) */
  partitionIndex: number;
  /** The committed message offset, or -1 if none. (versions 0-7) */
  committedOffset: number;
  /** The leader epoch of the committed offset, or -1. (versions 5-7) */
  committedLeaderEpoch: number;
  /** The partition metadata. (versions 0-7, nullable 0-7) */
  metadata: string | null;
  /** The error code, or 0 if there was no error. (versions 0-7) */
  errorCode: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface OffsetFetchResponseGroup {
  /** The group id. (versions 8+) */
  groupId: string;
  /** The responses per topic. (versions 8+) */
  topics: OffsetFetchResponseTopics[];
  /** The group-level error code, or 0 if there was no error. (versions 8+) */
  errorCode: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface OffsetFetchResponseTopics {
  /** The topic name. (versions 8+) */
  name: string;
  /** The responses per partition. (versions 8+) */
  partitions: OffsetFetchResponsePartitions[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface OffsetFetchResponsePartitions {
  /** The partition index. (versions 8+) */
  partitionIndex: number;
  /** The committed message offset, or -1 if none. (versions 8+) */
  committedOffset: number;
  /** The leader epoch of the committed offset, or -1. (versions 8+) */
  committedLeaderEpoch: number;
  /** The partition metadata. (versions 8+, nullable 8+) */
  metadata: string | null;
  /** The partition-level error code, or 0 if there was no error. (versions 8+) */
  errorCode: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readOffsetFetchResponse(r: Reader, version: number): OffsetFetchResponse {
  if (version < 0 || version > 9) decodeBadVersion('OffsetFetchResponse', version);
  const flexible = version >= 6;
  let f_throttleTimeMs: number = 0;
  let f_topics: OffsetFetchResponseTopic[] = [];
  let f_errorCode: number = 0;
  let f_groups: OffsetFetchResponseGroup[] = [];
  if (version >= 3) {
    f_throttleTimeMs = r.readInt32();
  }
  if (version <= 7) {
    {
      const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
      if (n < 0) decodeNotNullable('OffsetFetchResponse.topics', version);
      const a: OffsetFetchResponseTopic[] = [];
      for (let i = 0; i < n; i++) a.push(readOffsetFetchResponseTopic(r, version, flexible));
      f_topics = a;
    }
  }
  if (version >= 2 && version <= 7) {
    f_errorCode = r.readInt16();
  }
  if (version >= 8) {
    {
      const n = r.readCompactArrayLength();
      if (n < 0) decodeNotNullable('OffsetFetchResponse.groups', version);
      const a: OffsetFetchResponseGroup[] = [];
      for (let i = 0; i < n; i++) a.push(readOffsetFetchResponseGroup(r, version, flexible));
      f_groups = a;
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
  return { throttleTimeMs: f_throttleTimeMs, topics: f_topics, errorCode: f_errorCode, groups: f_groups, unknownTaggedFields };
}

export function writeOffsetFetchResponse(w: Writer, version: number, m: OffsetFetchResponse): void {
  if (version < 0 || version > 9) encodeBadVersion('OffsetFetchResponse', version);
  const flexible = version >= 6;
  if (version >= 3) {
    w.writeInt32(m.throttleTimeMs);
  }
  if (version <= 7) {
    if (m.topics == null) encodeNotNullable('OffsetFetchResponse.topics', version);
    if (flexible) w.writeUnsignedVarint(m.topics.length + 1); else w.writeInt32(m.topics.length);
    for (const e of m.topics) {
      writeOffsetFetchResponseTopic(w, version, flexible, e);
    }
  }
  if (version >= 2 && version <= 7) {
    w.writeInt16(m.errorCode);
  }
  if (version >= 8) {
    if (m.groups == null) encodeNotNullable('OffsetFetchResponse.groups', version);
    w.writeUnsignedVarint(m.groups.length + 1);
    for (const e of m.groups) {
      writeOffsetFetchResponseGroup(w, version, flexible, e);
    }
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readOffsetFetchResponseTopic(r: Reader, version: number, flexible: boolean): OffsetFetchResponseTopic {
  let f_name: string = '';
  let f_partitions: OffsetFetchResponsePartition[] = [];
  if (version <= 7) {
    f_name = (flexible ? r.readCompactString() : r.readString());
  }
  if (version <= 7) {
    {
      const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
      if (n < 0) decodeNotNullable('OffsetFetchResponseTopic.partitions', version);
      const a: OffsetFetchResponsePartition[] = [];
      for (let i = 0; i < n; i++) a.push(readOffsetFetchResponsePartition(r, version, flexible));
      f_partitions = a;
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
  return { name: f_name, partitions: f_partitions, unknownTaggedFields };
}

function writeOffsetFetchResponseTopic(w: Writer, version: number, flexible: boolean, m: OffsetFetchResponseTopic): void {
  if (version <= 7) {
    if (m.name == null) encodeNotNullable('OffsetFetchResponseTopic.name', version);
    if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  }
  if (version <= 7) {
    if (m.partitions == null) encodeNotNullable('OffsetFetchResponseTopic.partitions', version);
    if (flexible) w.writeUnsignedVarint(m.partitions.length + 1); else w.writeInt32(m.partitions.length);
    for (const e of m.partitions) {
      writeOffsetFetchResponsePartition(w, version, flexible, e);
    }
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readOffsetFetchResponsePartition(r: Reader, version: number, flexible: boolean): OffsetFetchResponsePartition {
  let f_partitionIndex: number = 0;
  let f_committedOffset: number = 0;
  let f_committedLeaderEpoch: number = -1;
  let f_metadata: string | null = null;
  let f_errorCode: number = 0;
  if (version <= 7) {
    f_partitionIndex = r.readInt32();
  }
  if (version <= 7) {
    f_committedOffset = r.readInt64();
  }
  if (version >= 5 && version <= 7) {
    f_committedLeaderEpoch = r.readInt32();
  }
  if (version <= 7) {
    f_metadata = (flexible ? r.readCompactNullableString() : r.readNullableString());
  }
  if (version <= 7) {
    f_errorCode = r.readInt16();
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
  return { partitionIndex: f_partitionIndex, committedOffset: f_committedOffset, committedLeaderEpoch: f_committedLeaderEpoch, metadata: f_metadata, errorCode: f_errorCode, unknownTaggedFields };
}

function writeOffsetFetchResponsePartition(w: Writer, version: number, flexible: boolean, m: OffsetFetchResponsePartition): void {
  if (version <= 7) {
    w.writeInt32(m.partitionIndex);
  }
  if (version <= 7) {
    w.writeInt64(m.committedOffset);
  }
  if (version >= 5 && version <= 7) {
    w.writeInt32(m.committedLeaderEpoch);
  }
  if (version <= 7) {
    if (flexible) w.writeCompactNullableString(m.metadata); else w.writeNullableString(m.metadata);
  }
  if (version <= 7) {
    w.writeInt16(m.errorCode);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readOffsetFetchResponseGroup(r: Reader, version: number, flexible: boolean): OffsetFetchResponseGroup {
  let f_groupId: string = '';
  let f_topics: OffsetFetchResponseTopics[] = [];
  let f_errorCode: number = 0;
  if (version >= 8) {
    f_groupId = r.readCompactString();
  }
  if (version >= 8) {
    {
      const n = r.readCompactArrayLength();
      if (n < 0) decodeNotNullable('OffsetFetchResponseGroup.topics', version);
      const a: OffsetFetchResponseTopics[] = [];
      for (let i = 0; i < n; i++) a.push(readOffsetFetchResponseTopics(r, version, flexible));
      f_topics = a;
    }
  }
  if (version >= 8) {
    f_errorCode = r.readInt16();
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
  return { groupId: f_groupId, topics: f_topics, errorCode: f_errorCode, unknownTaggedFields };
}

function writeOffsetFetchResponseGroup(w: Writer, version: number, flexible: boolean, m: OffsetFetchResponseGroup): void {
  if (version >= 8) {
    if (m.groupId == null) encodeNotNullable('OffsetFetchResponseGroup.groupId', version);
    w.writeCompactString(m.groupId);
  }
  if (version >= 8) {
    if (m.topics == null) encodeNotNullable('OffsetFetchResponseGroup.topics', version);
    w.writeUnsignedVarint(m.topics.length + 1);
    for (const e of m.topics) {
      writeOffsetFetchResponseTopics(w, version, flexible, e);
    }
  }
  if (version >= 8) {
    w.writeInt16(m.errorCode);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readOffsetFetchResponseTopics(r: Reader, version: number, flexible: boolean): OffsetFetchResponseTopics {
  let f_name: string = '';
  let f_partitions: OffsetFetchResponsePartitions[] = [];
  if (version >= 8) {
    f_name = r.readCompactString();
  }
  if (version >= 8) {
    {
      const n = r.readCompactArrayLength();
      if (n < 0) decodeNotNullable('OffsetFetchResponseTopics.partitions', version);
      const a: OffsetFetchResponsePartitions[] = [];
      for (let i = 0; i < n; i++) a.push(readOffsetFetchResponsePartitions(r, version, flexible));
      f_partitions = a;
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
  return { name: f_name, partitions: f_partitions, unknownTaggedFields };
}

function writeOffsetFetchResponseTopics(w: Writer, version: number, flexible: boolean, m: OffsetFetchResponseTopics): void {
  if (version >= 8) {
    if (m.name == null) encodeNotNullable('OffsetFetchResponseTopics.name', version);
    w.writeCompactString(m.name);
  }
  if (version >= 8) {
    if (m.partitions == null) encodeNotNullable('OffsetFetchResponseTopics.partitions', version);
    w.writeUnsignedVarint(m.partitions.length + 1);
    for (const e of m.partitions) {
      writeOffsetFetchResponsePartitions(w, version, flexible, e);
    }
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readOffsetFetchResponsePartitions(r: Reader, version: number, flexible: boolean): OffsetFetchResponsePartitions {
  let f_partitionIndex: number = 0;
  let f_committedOffset: number = 0;
  let f_committedLeaderEpoch: number = -1;
  let f_metadata: string | null = null;
  let f_errorCode: number = 0;
  if (version >= 8) {
    f_partitionIndex = r.readInt32();
  }
  if (version >= 8) {
    f_committedOffset = r.readInt64();
  }
  if (version >= 8) {
    f_committedLeaderEpoch = r.readInt32();
  }
  if (version >= 8) {
    f_metadata = r.readCompactNullableString();
  }
  if (version >= 8) {
    f_errorCode = r.readInt16();
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
  return { partitionIndex: f_partitionIndex, committedOffset: f_committedOffset, committedLeaderEpoch: f_committedLeaderEpoch, metadata: f_metadata, errorCode: f_errorCode, unknownTaggedFields };
}

function writeOffsetFetchResponsePartitions(w: Writer, version: number, flexible: boolean, m: OffsetFetchResponsePartitions): void {
  if (version >= 8) {
    w.writeInt32(m.partitionIndex);
  }
  if (version >= 8) {
    w.writeInt64(m.committedOffset);
  }
  if (version >= 8) {
    w.writeInt32(m.committedLeaderEpoch);
  }
  if (version >= 8) {
    w.writeCompactNullableString(m.metadata);
  }
  if (version >= 8) {
    w.writeInt16(m.errorCode);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
