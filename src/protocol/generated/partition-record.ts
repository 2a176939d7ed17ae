// generated from protocol/canopy/metadata/PartitionRecord.json — do not edit (npm run generate)
// PartitionRecord (api key 6): versions 0, flexible 0

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface PartitionRecord {
  /** The id of the partition's topic. (versions 0+) */
  topicId: Buffer;
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The replicas' Kafka node ids in preferred-leader order: the first is the preferred leader. (versions 0+) */
  replicas: number[];
  /** Replicas being added by a reassignment in progress (a subset of Replicas). (versions 0+) */
  addingReplicas: number[];
  /** Replicas being removed by a reassignment in progress (a subset of Replicas). (versions 0+) */
  removingReplicas: number[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readPartitionRecord(r: Reader, version: number): PartitionRecord {
  if (version < 0 || version > 0) decodeBadVersion('PartitionRecord', version);
  let f_topicId: Buffer;
  let f_partitionIndex: number;
  let f_replicas: number[];
  let f_addingReplicas: number[];
  let f_removingReplicas: number[];
  f_topicId = r.readUuid();
  f_partitionIndex = r.readInt32();
  {
    const n = r.readCompactArrayLength();
    if (n < 0) decodeNotNullable('PartitionRecord.replicas', version);
    const a: number[] = [];
    for (let i = 0; i < n; i++) a.push(r.readInt32());
    f_replicas = a;
  }
  {
    const n = r.readCompactArrayLength();
    if (n < 0) decodeNotNullable('PartitionRecord.addingReplicas', version);
    const a: number[] = [];
    for (let i = 0; i < n; i++) a.push(r.readInt32());
    f_addingReplicas = a;
  }
  {
    const n = r.readCompactArrayLength();
    if (n < 0) decodeNotNullable('PartitionRecord.removingReplicas', version);
    const a: number[] = [];
    for (let i = 0; i < n; i++) a.push(r.readInt32());
    f_removingReplicas = a;
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { topicId: f_topicId, partitionIndex: f_partitionIndex, replicas: f_replicas, addingReplicas: f_addingReplicas, removingReplicas: f_removingReplicas, unknownTaggedFields };
}

export function writePartitionRecord(w: Writer, version: number, m: PartitionRecord): void {
  if (version < 0 || version > 0) encodeBadVersion('PartitionRecord', version);
  if (m.topicId == null) encodeNotNullable('PartitionRecord.topicId', version);
  w.writeUuid(m.topicId);
  w.writeInt32(m.partitionIndex);
  if (m.replicas == null) encodeNotNullable('PartitionRecord.replicas', version);
  w.writeUnsignedVarint(m.replicas.length + 1);
  for (const e of m.replicas) {
    w.writeInt32(e);
  }
  if (m.addingReplicas == null) encodeNotNullable('PartitionRecord.addingReplicas', version);
  w.writeUnsignedVarint(m.addingReplicas.length + 1);
  for (const e of m.addingReplicas) {
    w.writeInt32(e);
  }
  if (m.removingReplicas == null) encodeNotNullable('PartitionRecord.removingReplicas', version);
  w.writeUnsignedVarint(m.removingReplicas.length + 1);
  for (const e of m.removingReplicas) {
    w.writeInt32(e);
  }
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}
