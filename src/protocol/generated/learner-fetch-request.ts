// generated from protocol/canopy/LearnerFetchRequest.json — do not edit (npm run generate)
// LearnerFetchRequest (api key 30002): versions 0, flexible 0

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface LearnerFetchRequest {
  /** The learner's name (logs and metrics only; the upstream keeps nothing for it). (versions 0+) */
  learnerName: string;
  /** How long the upstream may wait for new committed data when there is none. (versions 0+) */
  maxWaitMs: number;
  /** About how many record bytes the whole response may carry (at least one batch). (versions 0+) */
  maxBytes: number;
  /** The topics to fetch or describe. (versions 0+) */
  topics: LearnerFetchRequestLearnerTopic[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface LearnerFetchRequestLearnerTopic {
  /** The topic name. (versions 0+) */
  name: string;
  /** The partitions to fetch; empty asks for the topic's description. (versions 0+) */
  partitions: LearnerFetchRequestLearnerPartition[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface LearnerFetchRequestLearnerPartition {
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The learner's next offset (its log end). (versions 0+) */
  fetchOffset: number;
  /** The epoch of the last batch the learner holds, -1 when it holds none. (versions 0+) */
  lastFetchedEpoch: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readLearnerFetchRequest(r: Reader, version: number): LearnerFetchRequest {
  if (version < 0 || version > 0) decodeBadVersion('LearnerFetchRequest', version);
  const flexible = true;
  let f_learnerName: string;
  let f_maxWaitMs: number;
  let f_maxBytes: number;
  let f_topics: LearnerFetchRequestLearnerTopic[];
  f_learnerName = r.readCompactString();
  f_maxWaitMs = r.readInt32();
  f_maxBytes = r.readInt32();
  {
    const n = r.readCompactArrayLength();
    if (n < 0) decodeNotNullable('LearnerFetchRequest.topics', version);
    const a: LearnerFetchRequestLearnerTopic[] = [];
    for (let i = 0; i < n; i++) a.push(readLearnerFetchRequestLearnerTopic(r, version, flexible));
    f_topics = a;
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { learnerName: f_learnerName, maxWaitMs: f_maxWaitMs, maxBytes: f_maxBytes, topics: f_topics, unknownTaggedFields };
}

export function writeLearnerFetchRequest(w: Writer, version: number, m: LearnerFetchRequest): void {
  if (version < 0 || version > 0) encodeBadVersion('LearnerFetchRequest', version);
  const flexible = true;
  if (m.learnerName == null) encodeNotNullable('LearnerFetchRequest.learnerName', version);
  w.writeCompactString(m.learnerName);
  w.writeInt32(m.maxWaitMs);
  w.writeInt32(m.maxBytes);
  if (m.topics == null) encodeNotNullable('LearnerFetchRequest.topics', version);
  w.writeUnsignedVarint(m.topics.length + 1);
  for (const e of m.topics) {
    writeLearnerFetchRequestLearnerTopic(w, version, flexible, e);
  }
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}

function readLearnerFetchRequestLearnerTopic(r: Reader, version: number, flexible: boolean): LearnerFetchRequestLearnerTopic {
  let f_name: string;
  let f_partitions: LearnerFetchRequestLearnerPartition[];
  f_name = r.readCompactString();
  {
    const n = r.readCompactArrayLength();
    if (n < 0) decodeNotNullable('LearnerFetchRequestLearnerTopic.partitions', version);
    const a: LearnerFetchRequestLearnerPartition[] = [];
    for (let i = 0; i < n; i++) a.push(readLearnerFetchRequestLearnerPartition(r, version, flexible));
    f_partitions = a;
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { name: f_name, partitions: f_partitions, unknownTaggedFields };
}

function writeLearnerFetchRequestLearnerTopic(w: Writer, version: number, flexible: boolean, m: LearnerFetchRequestLearnerTopic): void {
  if (m.name == null) encodeNotNullable('LearnerFetchRequestLearnerTopic.name', version);
  w.writeCompactString(m.name);
  if (m.partitions == null) encodeNotNullable('LearnerFetchRequestLearnerTopic.partitions', version);
  w.writeUnsignedVarint(m.partitions.length + 1);
  for (const e of m.partitions) {
    writeLearnerFetchRequestLearnerPartition(w, version, flexible, e);
  }
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}

function readLearnerFetchRequestLearnerPartition(r: Reader, _version: number, _flexible: boolean): LearnerFetchRequestLearnerPartition {
  let f_partitionIndex: number;
  let f_fetchOffset: number;
  let f_lastFetchedEpoch: number;
  f_partitionIndex = r.readInt32();
  f_fetchOffset = r.readInt64();
  f_lastFetchedEpoch = r.readInt32();
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { partitionIndex: f_partitionIndex, fetchOffset: f_fetchOffset, lastFetchedEpoch: f_lastFetchedEpoch, unknownTaggedFields };
}

function writeLearnerFetchRequestLearnerPartition(w: Writer, _version: number, _flexible: boolean, m: LearnerFetchRequestLearnerPartition): void {
  w.writeInt32(m.partitionIndex);
  w.writeInt64(m.fetchOffset);
  w.writeInt32(m.lastFetchedEpoch);
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}
