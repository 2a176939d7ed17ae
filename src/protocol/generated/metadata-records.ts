// generated from protocol/canopy/metadata/*.json — do not edit (npm run generate)
// The cluster metadata records: record type → codec, and the union of decoded records.

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import { readClusterRecord, writeClusterRecord, type ClusterRecord } from './cluster-record.js';
import { readRegisterNodeRecord, writeRegisterNodeRecord, type RegisterNodeRecord } from './register-node-record.js';
import { readUnregisterNodeRecord, writeUnregisterNodeRecord, type UnregisterNodeRecord } from './unregister-node-record.js';
import { readFenceNodeRecord, writeFenceNodeRecord, type FenceNodeRecord } from './fence-node-record.js';
import { readTopicRecord, writeTopicRecord, type TopicRecord } from './topic-record.js';
import { readPartitionRecord, writePartitionRecord, type PartitionRecord } from './partition-record.js';
import { readPartitionChangeRecord, writePartitionChangeRecord, type PartitionChangeRecord } from './partition-change-record.js';
import { readTopicConfigRecord, writeTopicConfigRecord, type TopicConfigRecord } from './topic-config-record.js';
import { readRemoveTopicRecord, writeRemoveTopicRecord, type RemoveTopicRecord } from './remove-topic-record.js';

export const MetadataRecordType = {
  Cluster: 1,
  RegisterNode: 2,
  UnregisterNode: 3,
  FenceNode: 4,
  Topic: 5,
  Partition: 6,
  PartitionChange: 7,
  TopicConfig: 8,
  RemoveTopic: 9,
} as const;

/** One decoded metadata record: its type, the version it was (or will be) written in, its fields. */
export type MetadataRecord =
  | { type: 1; version: number; data: ClusterRecord }
  | { type: 2; version: number; data: RegisterNodeRecord }
  | { type: 3; version: number; data: UnregisterNodeRecord }
  | { type: 4; version: number; data: FenceNodeRecord }
  | { type: 5; version: number; data: TopicRecord }
  | { type: 6; version: number; data: PartitionRecord }
  | { type: 7; version: number; data: PartitionChangeRecord }
  | { type: 8; version: number; data: TopicConfigRecord }
  | { type: 9; version: number; data: RemoveTopicRecord }
;

export interface MetadataRecordCodec {
  name: string;
  type: number;
  minVersion: number;
  maxVersion: number;
  read(r: Reader, v: number): unknown;
  write(w: Writer, v: number, m: any): void;
}

export const metadataRecordCodecs: ReadonlyMap<number, MetadataRecordCodec> = new Map<number, MetadataRecordCodec>([
  [1, { name: 'ClusterRecord', type: 1, minVersion: 0, maxVersion: 0, read: readClusterRecord, write: writeClusterRecord }],
  [2, { name: 'RegisterNodeRecord', type: 2, minVersion: 0, maxVersion: 0, read: readRegisterNodeRecord, write: writeRegisterNodeRecord }],
  [3, { name: 'UnregisterNodeRecord', type: 3, minVersion: 0, maxVersion: 0, read: readUnregisterNodeRecord, write: writeUnregisterNodeRecord }],
  [4, { name: 'FenceNodeRecord', type: 4, minVersion: 0, maxVersion: 0, read: readFenceNodeRecord, write: writeFenceNodeRecord }],
  [5, { name: 'TopicRecord', type: 5, minVersion: 0, maxVersion: 0, read: readTopicRecord, write: writeTopicRecord }],
  [6, { name: 'PartitionRecord', type: 6, minVersion: 0, maxVersion: 0, read: readPartitionRecord, write: writePartitionRecord }],
  [7, { name: 'PartitionChangeRecord', type: 7, minVersion: 0, maxVersion: 0, read: readPartitionChangeRecord, write: writePartitionChangeRecord }],
  [8, { name: 'TopicConfigRecord', type: 8, minVersion: 0, maxVersion: 0, read: readTopicConfigRecord, write: writeTopicConfigRecord }],
  [9, { name: 'RemoveTopicRecord', type: 9, minVersion: 0, maxVersion: 0, read: readRemoveTopicRecord, write: writeRemoveTopicRecord }],
]);
