// generated from protocol/kafka/SaslHandshakeRequest.json — do not edit (npm run generate)
// SaslHandshakeRequest (api key 17): versions 0-1, flexible none

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import { decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface SaslHandshakeRequest {
  /** The SASL mechanism chosen by the client. (versions 0+) */
  mechanism: string;
}

export function readSaslHandshakeRequest(r: Reader, version: number): SaslHandshakeRequest {
  if (version < 0 || version > 1) decodeBadVersion('SaslHandshakeRequest', version);
  let f_mechanism: string;
  f_mechanism = r.readString();
  return { mechanism: f_mechanism };
}

export function writeSaslHandshakeRequest(w: Writer, version: number, m: SaslHandshakeRequest): void {
  if (version < 0 || version > 1) encodeBadVersion('SaslHandshakeRequest', version);
  if (m.mechanism == null) encodeNotNullable('SaslHandshakeRequest.mechanism', version);
  w.writeString(m.mechanism);
}
