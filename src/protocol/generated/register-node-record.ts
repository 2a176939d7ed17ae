// generated from protocol/canopy/metadata/RegisterNodeRecord.json — do not edit (npm run generate)
// RegisterNodeRecord (api key 2): versions 0, flexible 0

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface RegisterNodeRecord {
  /** The Kafka node id (0, 1, ...); its Raft id is NodeId + 1. (versions 0+) */
  nodeId: number;
  /** The registration's epoch: larger than every earlier registration of this node id (the metadata offset of the record). (versions 0+) */
  nodeEpoch: number;
  /** A random id the node process picks at start-up, to tell a restart from a duplicate. (versions 0+) */
  incarnationId: Buffer;
  /** The node's rack, or null. (versions 0+, nullable 0+) */
  rack: string | null;
  /** True while the node may not lead or be placed on (it has not caught up yet). (versions 0+) */
  fenced: boolean;
  /** Where the node listens, one entry per listener name. (versions 0+) */
  endpoints: RegisterNodeRecordEndpoint[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface RegisterNodeRecordEndpoint {
  /** The listener name: "kafka" (clients) or "internal" (other nodes). (versions 0+) */
  name: string;
  /** The host name or address clients of this listener connect to. (versions 0+) */
  host: string;
  /** The port (1-65535). (versions 0+) */
  port: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readRegisterNodeRecord(r: Reader, version: number): RegisterNodeRecord {
  if (version < 0 || version > 0) decodeBadVersion('RegisterNodeRecord', version);
  const flexible = true;
  let f_nodeId: number;
  let f_nodeEpoch: number;
  let f_incarnationId: Buffer;
  let f_rack: string | null;
  let f_fenced: boolean;
  let f_endpoints: RegisterNodeRecordEndpoint[];
  f_nodeId = r.readInt32();
  f_nodeEpoch = r.readInt64();
  f_incarnationId = r.readUuid();
  f_rack = r.readCompactNullableString();
  f_fenced = r.readBool();
  {
    const n = r.readCompactArrayLength();
    if (n < 0) decodeNotNullable('RegisterNodeRecord.endpoints', version);
    const a: RegisterNodeRecordEndpoint[] = [];
    for (let i = 0; i < n; i++) a.push(readRegisterNodeRecordEndpoint(r, version, flexible));
    f_endpoints = a;
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { nodeId: f_nodeId, nodeEpoch: f_nodeEpoch, incarnationId: f_incarnationId, rack: f_rack, fenced: f_fenced, endpoints: f_endpoints, unknownTaggedFields };
}

export function writeRegisterNodeRecord(w: Writer, version: number, m: RegisterNodeRecord): void {
  if (version < 0 || version > 0) encodeBadVersion('RegisterNodeRecord', version);
  const flexible = true;
  w.writeInt32(m.nodeId);
  w.writeInt64(m.nodeEpoch);
  if (m.incarnationId == null) encodeNotNullable('RegisterNodeRecord.incarnationId', version);
  w.writeUuid(m.incarnationId);
  w.writeCompactNullableString(m.rack);
  w.writeBool(m.fenced);
  if (m.endpoints == null) encodeNotNullable('RegisterNodeRecord.endpoints', version);
  w.writeUnsignedVarint(m.endpoints.length + 1);
  for (const e of m.endpoints) {
    writeRegisterNodeRecordEndpoint(w, version, flexible, e);
  }
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}

function readRegisterNodeRecordEndpoint(r: Reader, _version: number, _flexible: boolean): RegisterNodeRecordEndpoint {
  let f_name: string;
  let f_host: string;
  let f_port: number;
  f_name = r.readCompactString();
  f_host = r.readCompactString();
  f_port = r.readUint16();
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { name: f_name, host: f_host, port: f_port, unknownTaggedFields };
}

function writeRegisterNodeRecordEndpoint(w: Writer, version: number, _flexible: boolean, m: RegisterNodeRecordEndpoint): void {
  if (m.name == null) encodeNotNullable('RegisterNodeRecordEndpoint.name', version);
  w.writeCompactString(m.name);
  if (m.host == null) encodeNotNullable('RegisterNodeRecordEndpoint.host', version);
  w.writeCompactString(m.host);
  w.writeUint16(m.port);
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}
