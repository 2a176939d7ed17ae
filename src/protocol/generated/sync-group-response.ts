// generated from protocol/kafka/SyncGroupResponse.json — do not edit (npm run generate)
// SyncGroupResponse (api key 14): versions 0-5, flexible 4-5

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface SyncGroupResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 1+) */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. (versions 0+) */
  errorCode: number;
  /** The group protocol type, or null. (versions 5+, nullable 5+) */
  protocolType: string | null;
  /** The group protocol name, or null. (versions 5+, nullable 5+) */
  protocolName: string | null;
  /** The member assignment. (versions 0+) */
  assignment: Buffer;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readSyncGroupResponse(r: Reader, version: number): SyncGroupResponse {
  if (version < 0 || version > 5) decodeBadVersion('SyncGroupResponse', version);
  const flexible = version >= 4;
  let f_throttleTimeMs: number = 0;
  let f_errorCode: number;
  let f_protocolType: string | null = null;
  let f_protocolName: string | null = null;
  let f_assignment: Buffer;
  if (version >= 1) {
    f_throttleTimeMs = r.readInt32();
  }
  f_errorCode = r.readInt16();
  if (version >= 5) {
    f_protocolType = r.readCompactNullableString();
  }
  if (version >= 5) {
    f_protocolName = r.readCompactNullableString();
  }
  f_assignment = (flexible ? r.readCompactBytes() : r.readBytes());
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
  return { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, protocolType: f_protocolType, protocolName: f_protocolName, assignment: f_assignment, unknownTaggedFields };
}

export function writeSyncGroupResponse(w: Writer, version: number, m: SyncGroupResponse): void {
  if (version < 0 || version > 5) encodeBadVersion('SyncGroupResponse', version);
  const flexible = version >= 4;
  if (version >= 1) {
    w.writeInt32(m.throttleTimeMs);
  }
  w.writeInt16(m.errorCode);
  if (version >= 5) {
    w.writeCompactNullableString(m.protocolType);
  }
  if (version >= 5) {
    w.writeCompactNullableString(m.protocolName);
  }
  if (m.assignment == null) encodeNotNullable('SyncGroupResponse.assignment', version);
  if (flexible) w.writeCompactBytes(m.assignment); else w.writeBytes(m.assignment);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
