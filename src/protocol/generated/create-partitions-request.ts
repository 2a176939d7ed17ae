// generated from protocol/kafka/CreatePartitionsRequest.json — do not edit (npm run generate)
// CreatePartitionsRequest (api key 37): versions 0-3, flexible 2-3

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface CreatePartitionsRequest {
  /** Each topic that we want to create new partitions inside. (versions 0+) */
  topics: CreatePartitionsRequestCreatePartitionsTopic[];
  /** The time in ms to wait for the partitions to be created. (versions 0+) */
  timeoutMs: number;
  /** If true, validate the request but do not create the new partitions. (versions 0+) */
  validateOnly: boolean;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface CreatePartitionsRequestCreatePartitionsTopic {
  /** The topic name. (versions 0+) */
  name: string;
  /** The new partition count. (versions 0+) */
  count: number;
  /** The new partition assignments, or null for automatic assignment. (versions 0+, nullable 0+) */
  assignments: CreatePartitionsRequestCreatePartitionsAssignment[] | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface CreatePartitionsRequestCreatePartitionsAssignment {
  /** The assigned broker ids. (versions 0+) */
  brokerIds: number[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readCreatePartitionsRequest(r: Reader, version: number): CreatePartitionsRequest {
  if (version < 0 || version > 3) decodeBadVersion('CreatePartitionsRequest', version);
  const flexible = version >= 2;
  let f_topics: CreatePartitionsRequestCreatePartitionsTopic[];
  let f_timeoutMs: number;
  let f_validateOnly: boolean;
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('CreatePartitionsRequest.topics', version);
    const a: CreatePartitionsRequestCreatePartitionsTopic[] = [];
    for (let i = 0; i < n; i++) a.push(readCreatePartitionsRequestCreatePartitionsTopic(r, version, flexible));
    f_topics = a;
  }
  f_timeoutMs = r.readInt32();
  f_validateOnly = r.readBool();
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
  return { topics: f_topics, timeoutMs: f_timeoutMs, validateOnly: f_validateOnly, unknownTaggedFields };
}

export function writeCreatePartitionsRequest(w: Writer, version: number, m: CreatePartitionsRequest): void {
  if (version < 0 || version > 3) encodeBadVersion('CreatePartitionsRequest', version);
  const flexible = version >= 2;
  if (m.topics == null) encodeNotNullable('CreatePartitionsRequest.topics', version);
  if (flexible) w.writeUnsignedVarint(m.topics.length + 1); else w.writeInt32(m.topics.length);
  for (const e of m.topics) {
    writeCreatePartitionsRequestCreatePartitionsTopic(w, version, flexible, e);
  }
  w.writeInt32(m.timeoutMs);
  w.writeBool(m.validateOnly);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readCreatePartitionsRequestCreatePartitionsTopic(r: Reader, version: number, flexible: boolean): CreatePartitionsRequestCreatePartitionsTopic {
  let f_name: string;
  let f_count: number;
  let f_assignments: CreatePartitionsRequestCreatePartitionsAssignment[] | null;
  f_name = (flexible ? r.readCompactString() : r.readString());
  f_count = r.readInt32();
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) {
      f_assignments = null;
    } else {
      const a: CreatePartitionsRequestCreatePartitionsAssignment[] = [];
      for (let i = 0; i < n; i++) a.push(readCreatePartitionsRequestCreatePartitionsAssignment(r, version, flexible));
      f_assignments = a;
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
  return { name: f_name, count: f_count, assignments: f_assignments, unknownTaggedFields };
}

function writeCreatePartitionsRequestCreatePartitionsTopic(w: Writer, version: number, flexible: boolean, m: CreatePartitionsRequestCreatePartitionsTopic): void {
  if (m.name == null) encodeNotNullable('CreatePartitionsRequestCreatePartitionsTopic.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  w.writeInt32(m.count);
  if (m.assignments === null) {
    if (flexible) w.writeUnsignedVarint(0); else w.writeInt32(-1);
  } else {
    if (flexible) w.writeUnsignedVarint(m.assignments.length + 1); else w.writeInt32(m.assignments.length);
    for (const e of m.assignments) {
      writeCreatePartitionsRequestCreatePartitionsAssignment(w, version, flexible, e);
    }
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readCreatePartitionsRequestCreatePartitionsAssignment(r: Reader, version: number, flexible: boolean): CreatePartitionsRequestCreatePartitionsAssignment {
  let f_brokerIds: number[];
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('CreatePartitionsRequestCreatePartitionsAssignment.brokerIds', version);
    const a: number[] = [];
    for (let i = 0; i < n; i++) a.push(r.readInt32());
    f_brokerIds = a;
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
  return { brokerIds: f_brokerIds, unknownTaggedFields };
}

function writeCreatePartitionsRequestCreatePartitionsAssignment(w: Writer, version: number, flexible: boolean, m: CreatePartitionsRequestCreatePartitionsAssignment): void {
  if (m.brokerIds == null) encodeNotNullable('CreatePartitionsRequestCreatePartitionsAssignment.brokerIds', version);
  if (flexible) w.writeUnsignedVarint(m.brokerIds.length + 1); else w.writeInt32(m.brokerIds.length);
  for (const e of m.brokerIds) {
    w.writeInt32(e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
