// generated from protocol/kafka/HeartbeatResponse.json — do not edit (npm run generate)
// HeartbeatResponse (api key 12): versions 0-4, flexible 4

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeBadVersion } from '../primitives/codec-support.js';

export interface HeartbeatResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 1+) */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. (versions 0+) */
  errorCode: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readHeartbeatResponse(r: Reader, version: number): HeartbeatResponse {
  if (version < 0 || version > 4) decodeBadVersion('HeartbeatResponse', version);
  const flexible = version >= 4;
  let f_throttleTimeMs: number = 0;
  let f_errorCode: number;
  if (version >= 1) {
    f_throttleTimeMs = r.readInt32();
  }
  f_errorCode = r.readInt16();
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
  return { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, unknownTaggedFields };
}

export function writeHeartbeatResponse(w: Writer, version: number, m: HeartbeatResponse): void {
  if (version < 0 || version > 4) encodeBadVersion('HeartbeatResponse', version);
  const flexible = version >= 4;
  if (version >= 1) {
    w.writeInt32(m.throttleTimeMs);
  }
  w.writeInt16(m.errorCode);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
