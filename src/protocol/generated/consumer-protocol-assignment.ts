// generated from protocol/kafka/ConsumerProtocolAssignment.json — do not edit (npm run generate)
// ConsumerProtocolAssignment: versions 0-3, flexible none

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface ConsumerProtocolAssignment {
  /** The partitions assigned to the member. (versions 0+) */
  assignedPartitions: ConsumerProtocolAssignmentTopicPartition[];
  /** Assignor-specific user data, or null. (versions 0+, nullable 0+) */
  userData: Buffer | null;
}

export interface ConsumerProtocolAssignmentTopicPartition {
  /** The topic name. (versions 0+) */
  topic: string;
  /** The partition indexes. (versions 0+) */
  partitions: number[];
}

export function readConsumerProtocolAssignment(r: Reader, version: number): ConsumerProtocolAssignment {
  if (version < 0 || version > 3) decodeBadVersion('ConsumerProtocolAssignment', version);
  const flexible = false;
  let f_assignedPartitions: ConsumerProtocolAssignmentTopicPartition[];
  let f_userData: Buffer | null;
  {
    const n = r.readArrayLength();
    if (n < 0) decodeNotNullable('ConsumerProtocolAssignment.assignedPartitions', version);
    const a: ConsumerProtocolAssignmentTopicPartition[] = [];
    for (let i = 0; i < n; i++) a.push(readConsumerProtocolAssignmentTopicPartition(r, version, flexible));
    f_assignedPartitions = a;
  }
  f_userData = r.readNullableBytes();
  return { assignedPartitions: f_assignedPartitions, userData: f_userData };
}

export function writeConsumerProtocolAssignment(w: Writer, version: number, m: ConsumerProtocolAssignment): void {
  if (version < 0 || version > 3) encodeBadVersion('ConsumerProtocolAssignment', version);
  const flexible = false;
  if (m.assignedPartitions == null) encodeNotNullable('ConsumerProtocolAssignment.assignedPartitions', version);
  w.writeInt32(m.assignedPartitions.length);
  for (const e of m.assignedPartitions) {
    writeConsumerProtocolAssignmentTopicPartition(w, version, flexible, e);
  }
  w.writeNullableBytes(m.userData);
}

function readConsumerProtocolAssignmentTopicPartition(r: Reader, version: number, _flexible: boolean): ConsumerProtocolAssignmentTopicPartition {
  let f_topic: string;
  let f_partitions: number[];
  f_topic = r.readString();
  {
    const n = r.readArrayLength();
    if (n < 0) decodeNotNullable('ConsumerProtocolAssignmentTopicPartition.partitions', version);
    const a: number[] = [];
    for (let i = 0; i < n; i++) a.push(r.readInt32());
    f_partitions = a;
  }
  return { topic: f_topic, partitions: f_partitions };
}

function writeConsumerProtocolAssignmentTopicPartition(w: Writer, version: number, _flexible: boolean, m: ConsumerProtocolAssignmentTopicPartition): void {
  if (m.topic == null) encodeNotNullable('ConsumerProtocolAssignmentTopicPartition.topic', version);
  w.writeString(m.topic);
  if (m.partitions == null) encodeNotNullable('ConsumerProtocolAssignmentTopicPartition.partitions', version);
  w.writeInt32(m.partitions.length);
  for (const e of m.partitions) {
    w.writeInt32(e);
  }
}
