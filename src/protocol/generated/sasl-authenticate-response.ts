// generated from protocol/kafka/SaslAuthenticateResponse.json — do not edit (npm run generate)
// SaslAuthenticateResponse (api key 36): versions 0-2, flexible 2

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface SaslAuthenticateResponse {
  /** The error code, or 0 if there was no error. (versions 0+) */
  errorCode: number;
  /** The error message, or null if there was no error. (versions 0+, nullable 0+) */
  errorMessage: string | null;
  /** The SASL authentication bytes from the server, as defined by the SASL mechanism. (versions 0+) */
  authBytes: Buffer;
  /** The time in ms after which the session must be re-authenticated, or 0 for no limit. (versions 1+) */
  sessionLifetimeMs: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readSaslAuthenticateResponse(r: Reader, version: number): SaslAuthenticateResponse {
  if (version < 0 || version > 2) decodeBadVersion('SaslAuthenticateResponse', version);
  const flexible = version >= 2;
  let f_errorCode: number;
  let f_errorMessage: string | null;
  let f_authBytes: Buffer;
  let f_sessionLifetimeMs: number = 0;
  f_errorCode = r.readInt16();
  f_errorMessage = (flexible ? r.readCompactNullableString() : r.readNullableString());
  f_authBytes = (flexible ? r.readCompactBytes() : r.readBytes());
  if (version >= 1) {
    f_sessionLifetimeMs = r.readInt64();
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
  return { errorCode: f_errorCode, errorMessage: f_errorMessage, authBytes: f_authBytes, sessionLifetimeMs: f_sessionLifetimeMs, unknownTaggedFields };
}

export function writeSaslAuthenticateResponse(w: Writer, version: number, m: SaslAuthenticateResponse): void {
  if (version < 0 || version > 2) encodeBadVersion('SaslAuthenticateResponse', version);
  const flexible = version >= 2;
  w.writeInt16(m.errorCode);
  if (flexible) w.writeCompactNullableString(m.errorMessage); else w.writeNullableString(m.errorMessage);
  if (m.authBytes == null) encodeNotNullable('SaslAuthenticateResponse.authBytes', version);
  if (flexible) w.writeCompactBytes(m.authBytes); else w.writeBytes(m.authBytes);
  if (version >= 1) {
    w.writeInt64(m.sessionLifetimeMs);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
