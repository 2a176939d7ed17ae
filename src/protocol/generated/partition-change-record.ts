// generated from protocol/canopy/metadata/PartitionChangeRecord.json — do not edit (npm run generate)
// PartitionChangeRecord (api key 7): versions 0, flexible 0

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface PartitionChangeRecord {
  /** The id of the partition's topic. (versions 0+) */
  topicId: Buffer;
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The new replicas in preferred-leader order, or null if unchanged. (versions 0+, nullable 0+) */
  replicas: number[] | null;
  /** The new adding replicas, or null if unchanged. (versions 0+, nullable 0+) */
  addingReplicas: number[] | null;
  /** The new removing replicas, or null if unchanged. (versions 0+, nullable 0+) */
  removingReplicas: number[] | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readPartitionChangeRecord(r: Reader, version: number): PartitionChangeRecord {
  if (version < 0 || version > 0) decodeBadVersion('PartitionChangeRecord', version);
  let f_topicId: Buffer;
  let f_partitionIndex: number;
  let f_replicas: number[] | null;
  let f_addingReplicas: number[] | null;
  let f_removingReplicas: number[] | null;
  f_topicId = r.readUuid();
  f_partitionIndex = r.readInt32();
  {
    const n = r.readCompactArrayLength();
    if (n < 0) {
      f_replicas = null;
    } else {
      const a: number[] = [];
      for (let i = 0; i < n; i++) a.push(r.readInt32());
      f_replicas = a;
    }
  }
  {
    const n = r.readCompactArrayLength();
    if (n < 0) {
      f_addingReplicas = null;
    } else {
      const a: number[] = [];
      for (let i = 0; i < n; i++) a.push(r.readInt32());
      f_addingReplicas = a;
    }
  }
  {
    const n = r.readCompactArrayLength();
    if (n < 0) {
      f_removingReplicas = null;
    } else {
      const a: number[] = [];
      for (let i = 0; i < n; i++) a.push(r.readInt32());
      f_removingReplicas = a;
    }
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

export function writePartitionChangeRecord(w: Writer, version: number, m: PartitionChangeRecord): void {
  if (version < 0 || version > 0) encodeBadVersion('PartitionChangeRecord', version);
  if (m.topicId == null) encodeNotNullable('PartitionChangeRecord.topicId', version);
  w.writeUuid(m.topicId);
  w.writeInt32(m.partitionIndex);
  if (m.replicas === null) {
    w.writeUnsignedVarint(0);
  } else {
    w.writeUnsignedVarint(m.replicas.length + 1);
    for (const e of m.replicas) {
      w.writeInt32(e);
    }
  }
  if (m.addingReplicas === null) {
    w.writeUnsignedVarint(0);
  } else {
    w.writeUnsignedVarint(m.addingReplicas.length + 1);
    for (const e of m.addingReplicas) {
      w.writeInt32(e);
    }
  }
  if (m.removingReplicas === null) {
    w.writeUnsignedVarint(0);
  } else {
    w.writeUnsignedVarint(m.removingReplicas.length + 1);
    for (const e of m.removingReplicas) {
      w.writeInt32(e);
    }
  }
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}
