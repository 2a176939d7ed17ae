// generated from protocol/canopy/metadata/FenceNodeRecord.json — do not edit (npm run generate)
// FenceNodeRecord (api key 4): versions 0, flexible 0

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeBadVersion } from '../primitives/codec-support.js';

export interface FenceNodeRecord {
  /** The Kafka node id. (versions 0+) */
  nodeId: number;
  /** The epoch of the node's current registration; a stale epoch is refused. (versions 0+) */
  nodeEpoch: number;
  /** True to fence the node, false to unfence it. (versions 0+) */
  fenced: boolean;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readFenceNodeRecord(r: Reader, version: number): FenceNodeRecord {
  if (version < 0 || version > 0) decodeBadVersion('FenceNodeRecord', version);
  let f_nodeId: number;
  let f_nodeEpoch: number;
  let f_fenced: boolean;
  f_nodeId = r.readInt32();
  f_nodeEpoch = r.readInt64();
  f_fenced = r.readBool();
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { nodeId: f_nodeId, nodeEpoch: f_nodeEpoch, fenced: f_fenced, unknownTaggedFields };
}

export function writeFenceNodeRecord(w: Writer, version: number, m: FenceNodeRecord): void {
  if (version < 0 || version > 0) encodeBadVersion('FenceNodeRecord', version);
  w.writeInt32(m.nodeId);
  w.writeInt64(m.nodeEpoch);
  w.writeBool(m.fenced);
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}
