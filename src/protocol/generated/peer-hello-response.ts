// generated from protocol/canopy/PeerHelloResponse.json — do not edit (npm run generate)
// PeerHelloResponse (api key 30000): versions 0, flexible 0

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface PeerHelloResponse {
  /** 0, INCONSISTENT_CLUSTER_ID, VOTER_NOT_FOUND (sender unknown), INVALID_VOTER_KEY (the receiver is another node) or UNSUPPORTED_VERSION. (versions 0+) */
  errorCode: number;
  /** Why the receiver refused, or null. (versions 0+, nullable 0+) */
  errorMessage: string | null;
  /** The cluster id of the receiver. (versions 0+) */
  clusterId: string;
  /** The (Kafka) node id of the receiver. (versions 0+) */
  nodeId: number;
  /** The version of Canopy's internal protocol the receiver speaks. (versions 0+) */
  protocolVersion: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readPeerHelloResponse(r: Reader, version: number): PeerHelloResponse {
  if (version < 0 || version > 0) decodeBadVersion('PeerHelloResponse', version);
  let f_errorCode: number;
  let f_errorMessage: string | null;
  let f_clusterId: string;
  let f_nodeId: number;
  let f_protocolVersion: number;
  f_errorCode = r.readInt16();
  f_errorMessage = r.readCompactNullableString();
  f_clusterId = r.readCompactString();
  f_nodeId = r.readInt32();
  f_protocolVersion = r.readInt16();
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { errorCode: f_errorCode, errorMessage: f_errorMessage, clusterId: f_clusterId, nodeId: f_nodeId, protocolVersion: f_protocolVersion, unknownTaggedFields };
}

export function writePeerHelloResponse(w: Writer, version: number, m: PeerHelloResponse): void {
  if (version < 0 || version > 0) encodeBadVersion('PeerHelloResponse', version);
  w.writeInt16(m.errorCode);
  w.writeCompactNullableString(m.errorMessage);
  if (m.clusterId == null) encodeNotNullable('PeerHelloResponse.clusterId', version);
  w.writeCompactString(m.clusterId);
  w.writeInt32(m.nodeId);
  w.writeInt16(m.protocolVersion);
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}
