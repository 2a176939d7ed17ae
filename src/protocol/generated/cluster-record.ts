// generated from protocol/canopy/metadata/ClusterRecord.json — do not edit (npm run generate)
// ClusterRecord (api key 1): versions 0, flexible 0

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface ClusterRecord {
  /** The cluster id (Kafka's DescribeCluster cluster_id); never empty. (versions 0+) */
  clusterId: string;
  /** The metadata version every node must understand to apply this log; never goes down. (versions 0+) */
  metadataVersion: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readClusterRecord(r: Reader, version: number): ClusterRecord {
  if (version < 0 || version > 0) decodeBadVersion('ClusterRecord', version);
  let f_clusterId: string;
  let f_metadataVersion: number;
  f_clusterId = r.readCompactString();
  f_metadataVersion = r.readInt16();
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { clusterId: f_clusterId, metadataVersion: f_metadataVersion, unknownTaggedFields };
}

export function writeClusterRecord(w: Writer, version: number, m: ClusterRecord): void {
  if (version < 0 || version > 0) encodeBadVersion('ClusterRecord', version);
  if (m.clusterId == null) encodeNotNullable('ClusterRecord.clusterId', version);
  w.writeCompactString(m.clusterId);
  w.writeInt16(m.metadataVersion);
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}
