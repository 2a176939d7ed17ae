// generated from protocol/kafka/SaslAuthenticateRequest.json — do not edit (npm run generate)
// SaslAuthenticateRequest (api key 36): versions 0-2, flexible 2

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface SaslAuthenticateRequest {
  /** The SASL authentication bytes from the client, as defined by the SASL mechanism. (versions 0+) */
  authBytes: Buffer;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readSaslAuthenticateRequest(r: Reader, version: number): SaslAuthenticateRequest {
  if (version < 0 || version > 2) decodeBadVersion('SaslAuthenticateRequest', version);
  const flexible = version >= 2;
  let f_authBytes: Buffer;
  f_authBytes = (flexible ? r.readCompactBytes() : r.readBytes());
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
  return { authBytes: f_authBytes, unknownTaggedFields };
}

export function writeSaslAuthenticateRequest(w: Writer, version: number, m: SaslAuthenticateRequest): void {
  if (version < 0 || version > 2) encodeBadVersion('SaslAuthenticateRequest', version);
  const flexible = version >= 2;
  if (m.authBytes == null) encodeNotNullable('SaslAuthenticateRequest.authBytes', version);
  if (flexible) w.writeCompactBytes(m.authBytes); else w.writeBytes(m.authBytes);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
