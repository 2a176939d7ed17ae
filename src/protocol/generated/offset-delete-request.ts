// generated from protocol/kafka/OffsetDeleteRequest.json — do not edit (npm run generate)
// OffsetDeleteRequest (api key 47): versions 0, flexible none

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface OffsetDeleteRequest {
  /** The unique group identifier. (versions 0+) */
  groupId: string;
  /** The topics to delete offsets for. (versions 0+) */
  topics: OffsetDeleteRequestTopic[];
}

export interface OffsetDeleteRequestTopic {
  /** The topic name. (versions 0+) */
  name: string;
  /** Each partition to delete offsets for. (versions 0+) */
  partitions: OffsetDeleteRequestPartition[];
}

export interface OffsetDeleteRequestPartition {
  /** The partition index. (versions 0+) */
  partitionIndex: number;
}

export function readOffsetDeleteRequest(r: Reader, version: number): OffsetDeleteRequest {
  if (version < 0 || version > 0) decodeBadVersion('OffsetDeleteRequest', version);
  const flexible = false;
  let f_groupId: string;
  let f_topics: OffsetDeleteRequestTopic[];
  f_groupId = r.readString();
  {
    const n = r.readArrayLength();
    if (n < 0) decodeNotNullable('OffsetDeleteRequest.topics', version);
    const a: OffsetDeleteRequestTopic[] = [];
    for (let i = 0; i < n; i++) a.push(readOffsetDeleteRequestTopic(r, version, flexible));
    f_topics = a;
  }
  return { groupId: f_groupId, topics: f_topics };
}

export function writeOffsetDeleteRequest(w: Writer, version: number, m: OffsetDeleteRequest): void {
  if (version < 0 || version > 0) encodeBadVersion('OffsetDeleteRequest', version);
  const flexible = false;
  if (m.groupId == null) encodeNotNullable('OffsetDeleteRequest.groupId', version);
  w.writeString(m.groupId);
  if (m.topics == null) encodeNotNullable('OffsetDeleteRequest.topics', version);
  w.writeInt32(m.topics.length);
  for (const e of m.topics) {
    writeOffsetDeleteRequestTopic(w, version, flexible, e);
  }
}

function readOffsetDeleteRequestTopic(r: Reader, version: number, flexible: boolean): OffsetDeleteRequestTopic {
  let f_name: string;
  let f_partitions: OffsetDeleteRequestPartition[];
  f_name = r.readString();
  {
    const n = r.readArrayLength();
    if (n < 0) decodeNotNullable('OffsetDeleteRequestTopic.partitions', version);
    const a: OffsetDeleteRequestPartition[] = [];
    for (let i = 0; i < n; i++) a.push(readOffsetDeleteRequestPartition(r, version, flexible));
    f_partitions = a;
  }
  return { name: f_name, partitions: f_partitions };
}

function writeOffsetDeleteRequestTopic(w: Writer, version: number, flexible: boolean, m: OffsetDeleteRequestTopic): void {
  if (m.name == null) encodeNotNullable('OffsetDeleteRequestTopic.name', version);
  w.writeString(m.name);
  if (m.partitions == null) encodeNotNullable('OffsetDeleteRequestTopic.partitions', version);
  w.writeInt32(m.partitions.length);
  for (const e of m.partitions) {
    writeOffsetDeleteRequestPartition(w, version, flexible, e);
  }
}

function readOffsetDeleteRequestPartition(r: Reader, _version: number, _flexible: boolean): OffsetDeleteRequestPartition {
  let f_partitionIndex: number;
  f_partitionIndex = r.readInt32();
  return { partitionIndex: f_partitionIndex };
}

function writeOffsetDeleteRequestPartition(w: Writer, _version: number, _flexible: boolean, m: OffsetDeleteRequestPartition): void {
  w.writeInt32(m.partitionIndex);
}
