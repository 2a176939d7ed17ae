// generated from protocol/kafka/FindCoordinatorResponse.json — do not edit (npm run generate)
// FindCoordinatorResponse (api key 10): versions 0-6, flexible 3-6

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface FindCoordinatorResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 1+) */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. (versions 0-3) */
  errorCode: number;
  /** The error message, or null if there was no error. (versions 1-3, nullable 1-3) */
  errorMessage: string | null;
  /** The node id. (versions 0-3) */
  nodeId: number;
  /** The host name. (versions 0-3) */
  host: string;
  /** The port. (versions 0-3) */
  port: number;
  /** Each coordinator result in the response. (versions 4+) */
  coordinators: FindCoordinatorResponseCoordinator[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface FindCoordinatorResponseCoordinator {
  /** The coordinator key. (versions 4+) */
  key: string;
  /** The node id. (versions 4+) */
  nodeId: number;
  /** The host name. (versions 4+) */
  host: string;
  /** The port. (versions 4+) */
  port: number;
  /** The error code, or 0 if there was no error. (versions 4+) */
  errorCode: number;
  /** The error message, or null if there was no error. (versions 4+, nullable 4+) */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readFindCoordinatorResponse(r: Reader, version: number): FindCoordinatorResponse {
  if (version < 0 || version > 6) decodeBadVersion('FindCoordinatorResponse', version);
  const flexible = version >= 3;
  let f_throttleTimeMs: number = 0;
  let f_errorCode: number = 0;
  let f_errorMessage: string | null = null;
  let f_nodeId: number = 0;
  let f_host: string = '';
  let f_port: number = 0;
  let f_coordinators: FindCoordinatorResponseCoordinator[] = [];
  if (version >= 1) {
    f_throttleTimeMs = r.readInt32();
  }
  if (version <= 3) {
    f_errorCode = r.readInt16();
  }
  if (version >= 1 && version <= 3) {
    f_errorMessage = (flexible ? r.readCompactNullableString() : r.readNullableString());
  }
  if (version <= 3) {
    f_nodeId = r.readInt32();
  }
  if (version <= 3) {
    f_host = (flexible ? r.readCompactString() : r.readString());
  }
  if (version <= 3) {
    f_port = r.readInt32();
  }
  if (version >= 4) {
    {
      const n = r.readCompactArrayLength();
      if (n < 0) decodeNotNullable('FindCoordinatorResponse.coordinators', version);
      const a: FindCoordinatorResponseCoordinator[] = [];
      for (let i = 0; i < n; i++) a.push(readFindCoordinatorResponseCoordinator(r, version, flexible));
      f_coordinators = a;
    }
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  if (flexible) {
    const tagCount = r.readUnsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.readUnsignedVarint();
      const size = r.readUnsignedVarint();
      r.need(size);
      (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
    }
  }
  return { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage, nodeId: f_nodeId, host: f_host, port: f_port, coordinators: f_coordinators, unknownTaggedFields };
}

export function writeFindCoordinatorResponse(w: Writer, version: number, m: FindCoordinatorResponse): void {
  if (version < 0 || version > 6) encodeBadVersion('FindCoordinatorResponse', version);
  const flexible = version >= 3;
  if (version >= 1) {
    w.writeInt32(m.throttleTimeMs);
  }
  if (version <= 3) {
    w.writeInt16(m.errorCode);
  }
  if (version >= 1 && version <= 3) {
    if (flexible) w.writeCompactNullableString(m.errorMessage); else w.writeNullableString(m.errorMessage);
  }
  if (version <= 3) {
    w.writeInt32(m.nodeId);
  }
  if (version <= 3) {
    if (m.host == null) encodeNotNullable('FindCoordinatorResponse.host', version);
    if (flexible) w.writeCompactString(m.host); else w.writeString(m.host);
  }
  if (version <= 3) {
    w.writeInt32(m.port);
  }
  if (version >= 4) {
    if (m.coordinators == null) encodeNotNullable('FindCoordinatorResponse.coordinators', version);
    w.writeUnsignedVarint(m.coordinators.length + 1);
    for (const e of m.coordinators) {
      writeFindCoordinatorResponseCoordinator(w, version, flexible, e);
    }
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readFindCoordinatorResponseCoordinator(r: Reader, version: number, flexible: boolean): FindCoordinatorResponseCoordinator {
  let f_key: string = '';
  let f_nodeId: number = 0;
  let f_host: string = '';
  let f_port: number = 0;
  let f_errorCode: number = 0;
  let f_errorMessage: string | null = null;
  if (version >= 4) {
    f_key = r.readCompactString();
  }
  if (version >= 4) {
    f_nodeId = r.readInt32();
  }
  if (version >= 4) {
    f_host = r.readCompactString();
  }
  if (version >= 4) {
    f_port = r.readInt32();
  }
  if (version >= 4) {
    f_errorCode = r.readInt16();
  }
  if (version >= 4) {
    f_errorMessage = r.readCompactNullableString();
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  if (flexible) {
    const tagCount = r.readUnsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.readUnsignedVarint();
      const size = r.readUnsignedVarint();
      r.need(size);
      (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
    }
  }
  return { key: f_key, nodeId: f_nodeId, host: f_host, port: f_port, errorCode: f_errorCode, errorMessage: f_errorMessage, unknownTaggedFields };
}

function writeFindCoordinatorResponseCoordinator(w: Writer, version: number, flexible: boolean, m: FindCoordinatorResponseCoordinator): void {
  if (version >= 4) {
    if (m.key == null) encodeNotNullable('FindCoordinatorResponseCoordinator.key', version);
    w.writeCompactString(m.key);
  }
  if (version >= 4) {
    w.writeInt32(m.nodeId);
  }
  if (version >= 4) {
    if (m.host == null) encodeNotNullable('FindCoordinatorResponseCoordinator.host', version);
    w.writeCompactString(m.host);
  }
  if (version >= 4) {
    w.writeInt32(m.port);
  }
  if (version >= 4) {
    w.writeInt16(m.errorCode);
  }
  if (version >= 4) {
    w.writeCompactNullableString(m.errorMessage);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
