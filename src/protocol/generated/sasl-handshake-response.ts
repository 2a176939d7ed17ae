// generated from protocol/kafka/SaslHandshakeResponse.json — do not edit (npm run generate)
// SaslHandshakeResponse (api key 17): versions 0-1, flexible none

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface SaslHandshakeResponse {
  /** The error code, or 0 if there was no error. (versions 0+) */
  errorCode: number;
  /** The mechanisms enabled in the server. (versions 0+) */
  mechanisms: string[];
}

export function readSaslHandshakeResponse(r: Reader, version: number): SaslHandshakeResponse {
  if (version < 0 || version > 1) decodeBadVersion('SaslHandshakeResponse', version);
  let f_errorCode: number;
  let f_mechanisms: string[];
  f_errorCode = r.readInt16();
  {
    const n = r.readArrayLength();
    if (n < 0) decodeNotNullable('SaslHandshakeResponse.mechanisms', version);
    const a: string[] = [];
    for (let i = 0; i < n; i++) a.push(r.readString());
    f_mechanisms = a;
  }
  return { errorCode: f_errorCode, mechanisms: f_mechanisms };
}

export function writeSaslHandshakeResponse(w: Writer, version: number, m: SaslHandshakeResponse): void {
  if (version < 0 || version > 1) encodeBadVersion('SaslHandshakeResponse', version);
  w.writeInt16(m.errorCode);
  if (m.mechanisms == null) encodeNotNullable('SaslHandshakeResponse.mechanisms', version);
  w.writeInt32(m.mechanisms.length);
  for (const e of m.mechanisms) {
    w.writeString(e);
  }
}
