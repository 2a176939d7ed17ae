// generated from protocol/canopy/metadata/UnregisterNodeRecord.json — do not edit (npm run generate)
// UnregisterNodeRecord (api key 3): versions 0, flexible 0

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeBadVersion } from '../primitives/codec-support.js';

export interface UnregisterNodeRecord {
  /** The Kafka node id. (versions 0+) */
  nodeId: number;
  /** The epoch of the registration being removed; a stale epoch is refused. (versions 0+) */
  nodeEpoch: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readUnregisterNodeRecord(r: Reader, version: number): UnregisterNodeRecord {
  if (version < 0 || version > 0) decodeBadVersion('UnregisterNodeRecord', version);
  let f_nodeId: number;
  let f_nodeEpoch: number;
  f_nodeId = r.readInt32();
  f_nodeEpoch = r.readInt64();
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { nodeId: f_nodeId, nodeEpoch: f_nodeEpoch, unknownTaggedFields };
}

export function writeUnregisterNodeRecord(w: Writer, version: number, m: UnregisterNodeRecord): void {
  if (version < 0 || version > 0) encodeBadVersion('UnregisterNodeRecord', version);
  w.writeInt32(m.nodeId);
  w.writeInt64(m.nodeEpoch);
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}
