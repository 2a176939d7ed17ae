// generated from protocol/kafka/OffsetFetchRequest.json — do not edit (npm run generate)
// OffsetFetchRequest (api key 9): versions 0-9, flexible 6-9

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface OffsetFetchRequest {
  /** The group to fetch offsets for. (versions 0-7) */
  groupId: string;
  /** Each topic to fetch offsets for, or null to fetch offsets for all topics. (versions 0-7, nullable 2-7) */
  topics: OffsetFetchRequestTopic[] | null;
  /** Each group to fetch offsets for. (versions 8+) */
  groups: OffsetFetchRequestGroup[];
  /** Whether the broker should hold back unstable offsets (pending transactional commits) and return a retriable error instead. (versions 7+) */
  requireStable: boolean;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface OffsetFetchRequestTopic {
  /** The topic name. (versions 0-7) */
  name: string;
  /** The partition indexes to fetch offsets for. (versions 0-7) */
  partitionIndexes: number[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface OffsetFetchRequestGroup {
  /** The group id. (versions 8+) */
  groupId: string;
  /** The member id (new consumer group protocol only), or null. (versions 9+, nullable 9+) */
  memberId: string | null;
  /** The member epoch (new consumer group protocol only), or -1. (versions 9+) */
  memberEpoch: number;
  /** Each topic to fetch offsets for, or null to fetch offsets for all topics. (versions 8+, nullable 8+) */
  topics: OffsetFetchRequestTopics[] | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface OffsetFetchRequestTopics {
  /** The topic name. (versions 8+) */
  name: string;
  /** The partition indexes to fetch offsets for. (versions 8+) */
  partitionIndexes: number[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readOffsetFetchRequest(r: Reader, version: number): OffsetFetchRequest {
  if (version < 0 || version > 9) decodeBadVersion('OffsetFetchRequest', version);
  const flexible = version >= 6;
  let f_groupId: string = '';
  let f_topics: OffsetFetchRequestTopic[] | null = [];
  let f_groups: OffsetFetchRequestGroup[] = [];
  let f_requireStable: boolean = false;
  if (version <= 7) {
    f_groupId = (flexible ? r.readCompactString() : r.readString());
  }
  if (version <= 7) {
    {
      const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
      if (n < 0) {
        f_topics = null;
        if (!(version >= 2)) decodeNotNullable('OffsetFetchRequest.topics', version);
      } else {
        const a: OffsetFetchRequestTopic[] = [];
        for (let i = 0; i < n; i++) a.push(readOffsetFetchRequestTopic(r, version, flexible));
        f_topics = a;
      }
    }
  }
  if (version >= 8) {
    {
      const n = r.readCompactArrayLength();
      if (n < 0) decodeNotNullable('OffsetFetchRequest.groups', version);
      const a: OffsetFetchRequestGroup[] = [];
      for (let i = 0; i < n; i++) a.push(readOffsetFetchRequestGroup(r, version, flexible));
      f_groups = a;
    }
  }
  if (version >= 7) {
    f_requireStable = r.readBool();
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
  return { groupId: f_groupId, topics: f_topics, groups: f_groups, requireStable: f_requireStable, unknownTaggedFields };
}

export function writeOffsetFetchRequest(w: Writer, version: number, m: OffsetFetchRequest): void {
  if (version < 0 || version > 9) encodeBadVersion('OffsetFetchRequest', version);
  const flexible = version >= 6;
  if (version <= 7) {
    if (m.groupId == null) encodeNotNullable('OffsetFetchRequest.groupId', version);
    if (flexible) w.writeCompactString(m.groupId); else w.writeString(m.groupId);
  }
  if (version <= 7) {
    if (m.topics === null && !(version >= 2)) encodeNotNullable('OffsetFetchRequest.topics', version);
    if (m.topics === null) {
      if (flexible) w.writeUnsignedVarint(0); else w.writeInt32(-1);
    } else {
      if (flexible) w.writeUnsignedVarint(m.topics.length + 1); else w.writeInt32(m.topics.length);
      for (const e of m.topics) {
        writeOffsetFetchRequestTopic(w, version, flexible, e);
      }
    }
  }
  if (version >= 8) {
    if (m.groups == null) encodeNotNullable('OffsetFetchRequest.groups', version);
    w.writeUnsignedVarint(m.groups.length + 1);
    for (const e of m.groups) {
      writeOffsetFetchRequestGroup(w, version, flexible, e);
    }
  }
  if (version >= 7) {
    w.writeBool(m.requireStable);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readOffsetFetchRequestTopic(r: Reader, version: number, flexible: boolean): OffsetFetchRequestTopic {
  let f_name: string = '';
  let f_partitionIndexes: number[] = [];
  if (version <= 7) {
    f_name = (flexible ? r.readCompactString() : r.readString());
  }
  if (version <= 7) {
    {
      const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
      if (n < 0) decodeNotNullable('OffsetFetchRequestTopic.partitionIndexes', version);
      const a: number[] = [];
      for (let i = 0; i < n; i++) a.push(r.readInt32());
      f_partitionIndexes = a;
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
  return { name: f_name, partitionIndexes: f_partitionIndexes, unknownTaggedFields };
}

function writeOffsetFetchRequestTopic(w: Writer, version: number, flexible: boolean, m: OffsetFetchRequestTopic): void {
  if (version <= 7) {
    if (m.name == null) encodeNotNullable('OffsetFetchRequestTopic.name', version);
    if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  }
  if (version <= 7) {
    if (m.partitionIndexes == null) encodeNotNullable('OffsetFetchRequestTopic.partitionIndexes', version);
    if (flexible) w.writeUnsignedVarint(m.partitionIndexes.length + 1); else w.writeInt32(m.partitionIndexes.length);
    for (const e of m.partitionIndexes) {
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

function readOffsetFetchRequestGroup(r: Reader, version: number, flexible: boolean): OffsetFetchRequestGroup {
  let f_groupId: string = '';
  let f_memberId: string | null = null;
  let f_memberEpoch: number = -1;
  let f_topics: OffsetFetchRequestTopics[] | null = [];
  if (version >= 8) {
    f_groupId = r.readCompactString();
  }
  if (version >= 9) {
    f_memberId = r.readCompactNullableString();
  }
  if (version >= 9) {
    f_memberEpoch = r.readInt32();
  }
  if (version >= 8) {
    {
      const n = r.readCompactArrayLength();
      if (n < 0) {
        f_topics = null;
      } else {
        const a: OffsetFetchRequestTopics[] = [];
        for (let i = 0; i < n; i++) a.push(readOffsetFetchRequestTopics(r, version, flexible));
        f_topics = a;
      }
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
  return { groupId: f_groupId, memberId: f_memberId, memberEpoch: f_memberEpoch, topics: f_topics, unknownTaggedFields };
}

function writeOffsetFetchRequestGroup(w: Writer, version: number, flexible: boolean, m: OffsetFetchRequestGroup): void {
  if (version >= 8) {
    if (m.groupId == null) encodeNotNullable('OffsetFetchRequestGroup.groupId', version);
    w.writeCompactString(m.groupId);
  }
  if (version >= 9) {
    w.writeCompactNullableString(m.memberId);
  }
  if (version >= 9) {
    w.writeInt32(m.memberEpoch);
  }
  if (version >= 8) {
    if (m.topics === null) {
      w.writeUnsignedVarint(0);
    } else {
      w.writeUnsignedVarint(m.topics.length + 1);
      for (const e of m.topics) {
        writeOffsetFetchRequestTopics(w, version, flexible, e);
      }
    }
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readOffsetFetchRequestTopics(r: Reader, version: number, flexible: boolean): OffsetFetchRequestTopics {
  let f_name: string = '';
  let f_partitionIndexes: number[] = [];
  if (version >= 8) {
    f_name = r.readCompactString();
  }
  if (version >= 8) {
    {
      const n = r.readCompactArrayLength();
      if (n < 0) decodeNotNullable('OffsetFetchRequestTopics.partitionIndexes', version);
      const a: number[] = [];
      for (let i = 0; i < n; i++) a.push(r.readInt32());
      f_partitionIndexes = a;
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
  return { name: f_name, partitionIndexes: f_partitionIndexes, unknownTaggedFields };
}

function writeOffsetFetchRequestTopics(w: Writer, version: number, flexible: boolean, m: OffsetFetchRequestTopics): void {
  if (version >= 8) {
    if (m.name == null) encodeNotNullable('OffsetFetchRequestTopics.name', version);
    w.writeCompactString(m.name);
  }
  if (version >= 8) {
    if (m.partitionIndexes == null) encodeNotNullable('OffsetFetchRequestTopics.partitionIndexes', version);
    w.writeUnsignedVarint(m.partitionIndexes.length + 1);
    for (const e of m.partitionIndexes) {
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
