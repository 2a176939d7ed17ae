// generated from protocol/kafka/ConsumerProtocolSubscription.json — do not edit (npm run generate)
// ConsumerProtocolSubscription: versions 0-3, flexible none

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface ConsumerProtocolSubscription {
  /** The topics the member subscribes to. (versions 0+) */
  topics: string[];
  /** Assignor-specific user data, or null. (versions 0+, nullable 0+) */
  userData: Buffer | null;
  /** The partitions the member owns now. (versions 1+) */
  ownedPartitions: ConsumerProtocolSubscriptionTopicPartition[];
  /** The generation the owned partitions belong to, or -1. (versions 2+) */
  generationId: number;
  /** The rack of the member, or null. (versions 3+, nullable 3+) */
  rackId: string | null;
}

export interface ConsumerProtocolSubscriptionTopicPartition {
  /** The topic name. (versions 1+) */
  topic: string;
  /** The partition indexes. (versions 1+) */
  partitions: number[];
}

export function readConsumerProtocolSubscription(r: Reader, version: number): ConsumerProtocolSubscription {
  if (version < 0 || version > 3) decodeBadVersion('ConsumerProtocolSubscription', version);
  const flexible = false;
  let f_topics: string[];
  let f_userData: Buffer | null;
  let f_ownedPartitions: ConsumerProtocolSubscriptionTopicPartition[] = [];
  let f_generationId: number = -1;
  let f_rackId: string | null = null;
  {
    const n = r.readArrayLength();
    if (n < 0) decodeNotNullable('ConsumerProtocolSubscription.topics', version);
    const a: string[] = [];
    for (let i = 0; i < n; i++) a.push(r.readString());
    f_topics = a;
  }
  f_userData = r.readNullableBytes();
  if (version >= 1) {
    {
      const n = r.readArrayLength();
      if (n < 0) decodeNotNullable('ConsumerProtocolSubscription.ownedPartitions', version);
      const a: ConsumerProtocolSubscriptionTopicPartition[] = [];
      for (let i = 0; i < n; i++) a.push(readConsumerProtocolSubscriptionTopicPartition(r, version, flexible));
      f_ownedPartitions = a;
    }
  }
  if (version >= 2) {
    f_generationId = r.readInt32();
  }
  if (version >= 3) {
    f_rackId = r.readNullableString();
  }
  return { topics: f_topics, userData: f_userData, ownedPartitions: f_ownedPartitions, generationId: f_generationId, rackId: f_rackId };
}

export function writeConsumerProtocolSubscription(w: Writer, version: number, m: ConsumerProtocolSubscription): void {
  if (version < 0 || version > 3) encodeBadVersion('ConsumerProtocolSubscription', version);
  const flexible = false;
  if (m.topics == null) encodeNotNullable('ConsumerProtocolSubscription.topics', version);
  w.writeInt32(m.topics.length);
  for (const e of m.topics) {
    w.writeString(e);
  }
  w.writeNullableBytes(m.userData);
  if (version >= 1) {
    if (m.ownedPartitions == null) encodeNotNullable('ConsumerProtocolSubscription.ownedPartitions', version);
    w.writeInt32(m.ownedPartitions.length);
    for (const e of m.ownedPartitions) {
      writeConsumerProtocolSubscriptionTopicPartition(w, version, flexible, e);
    }
  }
  if (version >= 2) {
    w.writeInt32(m.generationId);
  }
  if (version >= 3) {
    w.writeNullableString(m.rackId);
  }
}

function readConsumerProtocolSubscriptionTopicPartition(r: Reader, version: number, _flexible: boolean): ConsumerProtocolSubscriptionTopicPartition {
  let f_topic: string = '';
  let f_partitions: number[] = [];
  if (version >= 1) {
    f_topic = r.readString();
  }
  if (version >= 1) {
    {
      const n = r.readArrayLength();
      if (n < 0) decodeNotNullable('ConsumerProtocolSubscriptionTopicPartition.partitions', version);
      const a: number[] = [];
      for (let i = 0; i < n; i++) a.push(r.readInt32());
      f_partitions = a;
    }
  }
  return { topic: f_topic, partitions: f_partitions };
}

function writeConsumerProtocolSubscriptionTopicPartition(w: Writer, version: number, _flexible: boolean, m: ConsumerProtocolSubscriptionTopicPartition): void {
  if (version >= 1) {
    if (m.topic == null) encodeNotNullable('ConsumerProtocolSubscriptionTopicPartition.topic', version);
    w.writeString(m.topic);
  }
  if (version >= 1) {
    if (m.partitions == null) encodeNotNullable('ConsumerProtocolSubscriptionTopicPartition.partitions', version);
    w.writeInt32(m.partitions.length);
    for (const e of m.partitions) {
      w.writeInt32(e);
    }
  }
}
