// generated from protocol/kafka/OffsetDeleteResponse.json — do not edit (npm run generate)
// OffsetDeleteResponse (api key 47): versions 0, flexible none

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface OffsetDeleteResponse {
  /** The top-level error code, or 0 if there was no error. (versions 0+) */
  errorCode: number;
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 0+) */
  throttleTimeMs: number;
  /** The responses for each topic. (versions 0+) */
  topics: OffsetDeleteResponseTopic[];
}

export interface OffsetDeleteResponseTopic {
  /** The topic name. (versions 0+) */
  name: string;
  /** The responses for each partition in the topic. (versions 0+) */
  partitions: OffsetDeleteResponsePartition[];
}

export interface OffsetDeleteResponsePartition {
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. (versions 0+) */
  errorCode: number;
}

export function readOffsetDeleteResponse(r: Reader, version: number): OffsetDeleteResponse {
  if (version < 0 || version > 0) decodeBadVersion('OffsetDeleteResponse', version);
  const flexible = false;
  let f_errorCode: number;
  let f_throttleTimeMs: number;
  let f_topics: OffsetDeleteResponseTopic[];
  f_errorCode = r.readInt16();
  f_throttleTimeMs = r.readInt32();
  {
    const n = r.readArrayLength();
    if (n < 0) decodeNotNullable('OffsetDeleteResponse.topics', version);
    const a: OffsetDeleteResponseTopic[] = [];
    for (let i = 0; i < n; i++) a.push(readOffsetDeleteResponseTopic(r, version, flexible));
    f_topics = a;
  }
  return { errorCode: f_errorCode, throttleTimeMs: f_throttleTimeMs, topics: f_topics };
}

export function writeOffsetDeleteResponse(w: Writer, version: number, m: OffsetDeleteResponse): void {
  if (version < 0 || version > 0) encodeBadVersion('OffsetDeleteResponse', version);
  const flexible = false;
  w.writeInt16(m.errorCode);
  w.writeInt32(m.throttleTimeMs);
  if (m.topics == null) encodeNotNullable('OffsetDeleteResponse.topics', version);
  w.writeInt32(m.topics.length);
  for (const e of m.topics) {
    writeOffsetDeleteResponseTopic(w, version, flexible, e);
  }
}

function readOffsetDeleteResponseTopic(r: Reader, version: number, flexible: boolean): OffsetDeleteResponseTopic {
  let f_name: string;
  let f_partitions: OffsetDeleteResponsePartition[];
  f_name = r.readString();
  {
    const n = r.readArrayLength();
    if (n < 0) decodeNotNullable('OffsetDeleteResponseTopic.partitions', version);
    const a: OffsetDeleteResponsePartition[] = [];
    for (let i = 0; i < n; i++) a.push(readOffsetDeleteResponsePartition(r, version, flexible));
    f_partitions = a;
  }
  return { name: f_name, partitions: f_partitions };
}

function writeOffsetDeleteResponseTopic(w: Writer, version: number, flexible: boolean, m: OffsetDeleteResponseTopic): void {
  if (m.name == null) encodeNotNullable('OffsetDeleteResponseTopic.name', version);
  w.writeString(m.name);
  if (m.partitions == null) encodeNotNullable('OffsetDeleteResponseTopic.partitions', version);
  w.writeInt32(m.partitions.length);
  for (const e of m.partitions) {
    writeOffsetDeleteResponsePartition(w, version, flexible, e);
  }
}

function readOffsetDeleteResponsePartition(r: Reader, _version: number, _flexible: boolean): OffsetDeleteResponsePartition {
  let f_partitionIndex: number;
  let f_errorCode: number;
  f_partitionIndex = r.readInt32();
  f_errorCode = r.readInt16();
  return { partitionIndex: f_partitionIndex, errorCode: f_errorCode };
}

function writeOffsetDeleteResponsePartition(w: Writer, _version: number, _flexible: boolean, m: OffsetDeleteResponsePartition): void {
  w.writeInt32(m.partitionIndex);
  w.writeInt16(m.errorCode);
}
