// generated from protocol/canopy/PeerHelloRequest.json — do not edit (npm run generate)
// PeerHelloRequest (api key 30000): versions 0, flexible 0

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface PeerHelloRequest {
  /** The cluster id of the connecting node. (versions 0+) */
  clusterId: string;
  /** The (Kafka) node id of the connecting node. (versions 0+) */
  senderNodeId: number;
  /** The node id the connecting node expects to reach at this address. (versions 0+) */
  receiverNodeId: number;
  /** The version of Canopy's internal protocol the connecting node speaks. (versions 0+) */
  protocolVersion: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readPeerHelloRequest(r: Reader, version: number): PeerHelloRequest {
  if (version < 0 || version > 0) decodeBadVersion('PeerHelloRequest', version);
  let f_clusterId: string;
  let f_senderNodeId: number;
  let f_receiverNodeId: number;
  let f_protocolVersion: number;
  f_clusterId = r.readCompactString();
  f_senderNodeId = r.readInt32();
  f_receiverNodeId = r.readInt32();
  f_protocolVersion = r.readInt16();
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { clusterId: f_clusterId, senderNodeId: f_senderNodeId, receiverNodeId: f_receiverNodeId, protocolVersion: f_protocolVersion, unknownTaggedFields };
}

export function writePeerHelloRequest(w: Writer, version: number, m: PeerHelloRequest): void {
  if (version < 0 || version > 0) encodeBadVersion('PeerHelloRequest', version);
  if (m.clusterId == null) encodeNotNullable('PeerHelloRequest.clusterId', version);
  w.writeCompactString(m.clusterId);
  w.writeInt32(m.senderNodeId);
  w.writeInt32(m.receiverNodeId);
  w.writeInt16(m.protocolVersion);
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}
