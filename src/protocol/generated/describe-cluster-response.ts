// generated from protocol/kafka/DescribeClusterResponse.json — do not edit (npm run generate)
// DescribeClusterResponse (api key 60): versions 0-1, flexible 0-1

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface DescribeClusterResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 0+) */
  throttleTimeMs: number;
  /** The top-level error code, or 0 if there was no error. (versions 0+) */
  errorCode: number;
  /** The top-level error message, or null if there was no error. (versions 0+, nullable 0+) */
  errorMessage: string | null;
  /** The endpoint type that was described: 1 = brokers, 2 = controllers. (versions 1+) */
  endpointType: number;
  /** The cluster id that the responding broker belongs to. (versions 0+) */
  clusterId: string;
  /** The id of the controller broker, or -1. (versions 0+) */
  controllerId: number;
  /** Each broker in the response. (versions 0+) */
  brokers: DescribeClusterResponseDescribeClusterBroker[];
  /** 32-bit bitfield of the operations authorized on the cluster (INT32_MIN when not requested). (versions 0+) */
  clusterAuthorizedOperations: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface DescribeClusterResponseDescribeClusterBroker {
  /** The broker id. (versions 0+) */
  brokerId: number;
  /** The broker hostname. (versions 0+) */
  host: string;
  /** The broker port. (versions 0+) */
  port: number;
  /** The rack of the broker, or null. (versions 0+, nullable 0+) */
  rack: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readDescribeClusterResponse(r: Reader, version: number): DescribeClusterResponse {
  if (version < 0 || version > 1) decodeBadVersion('DescribeClusterResponse', version);
  const flexible = true;
  let f_throttleTimeMs: number;
  let f_errorCode: number;
  let f_errorMessage: string | null;
  let f_endpointType: number = 1;
  let f_clusterId: string;
  let f_controllerId: number;
  let f_brokers: DescribeClusterResponseDescribeClusterBroker[];
  let f_clusterAuthorizedOperations: number;
  f_throttleTimeMs = r.readInt32();
  f_errorCode = r.readInt16();
  f_errorMessage = r.readCompactNullableString();
  if (version >= 1) {
    f_endpointType = r.readInt8();
  }
  f_clusterId = r.readCompactString();
  f_controllerId = r.readInt32();
  {
    const n = r.readCompactArrayLength();
    if (n < 0) decodeNotNullable('DescribeClusterResponse.brokers', version);
    const a: DescribeClusterResponseDescribeClusterBroker[] = [];
    for (let i = 0; i < n; i++) a.push(readDescribeClusterResponseDescribeClusterBroker(r, version, flexible));
    f_brokers = a;
  }
  f_clusterAuthorizedOperations = r.readInt32();
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage, endpointType: f_endpointType, clusterId: f_clusterId, controllerId: f_controllerId, brokers: f_brokers, clusterAuthorizedOperations: f_clusterAuthorizedOperations, unknownTaggedFields };
}

export function writeDescribeClusterResponse(w: Writer, version: number, m: DescribeClusterResponse): void {
  if (version < 0 || version > 1) encodeBadVersion('DescribeClusterResponse', version);
  const flexible = true;
  w.writeInt32(m.throttleTimeMs);
  w.writeInt16(m.errorCode);
  w.writeCompactNullableString(m.errorMessage);
  if (version >= 1) {
    w.writeInt8(m.endpointType);
  }
  if (m.clusterId == null) encodeNotNullable('DescribeClusterResponse.clusterId', version);
  w.writeCompactString(m.clusterId);
  w.writeInt32(m.controllerId);
  if (m.brokers == null) encodeNotNullable('DescribeClusterResponse.brokers', version);
  w.writeUnsignedVarint(m.brokers.length + 1);
  for (const e of m.brokers) {
    writeDescribeClusterResponseDescribeClusterBroker(w, version, flexible, e);
  }
  w.writeInt32(m.clusterAuthorizedOperations);
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}

function readDescribeClusterResponseDescribeClusterBroker(r: Reader, _version: number, _flexible: boolean): DescribeClusterResponseDescribeClusterBroker {
  let f_brokerId: number;
  let f_host: string;
  let f_port: number;
  let f_rack: string | null;
  f_brokerId = r.readInt32();
  f_host = r.readCompactString();
  f_port = r.readInt32();
  f_rack = r.readCompactNullableString();
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { brokerId: f_brokerId, host: f_host, port: f_port, rack: f_rack, unknownTaggedFields };
}

function writeDescribeClusterResponseDescribeClusterBroker(w: Writer, version: number, _flexible: boolean, m: DescribeClusterResponseDescribeClusterBroker): void {
  w.writeInt32(m.brokerId);
  if (m.host == null) encodeNotNullable('DescribeClusterResponseDescribeClusterBroker.host', version);
  w.writeCompactString(m.host);
  w.writeInt32(m.port);
  w.writeCompactNullableString(m.rack);
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}
