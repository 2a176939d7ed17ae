// generated from protocol/kafka/RequestHeader.json — do not edit (npm run generate)
// RequestHeader: versions 0-2, flexible 2

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeBadVersion } from '../primitives/codec-support.js';

export interface RequestHeader {
  /** The API key of this request. (versions 0+) */
  requestApiKey: number;
  /** The API version of this request. (versions 0+) */
  requestApiVersion: number;
  /** Echoed back in the response so that the client can match it to this request. (versions 0+) */
  correlationId: number;
  /** The client id, or null; always an int16-length string, even in flexible version 2. (versions 1+, nullable 1+) */
  clientId: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readRequestHeader(r: Reader, version: number): RequestHeader {
  if (version < 0 || version > 2) decodeBadVersion('RequestHeader', version);
  const flexible = version >= 2;
  let f_requestApiKey: number;
  let f_requestApiVersion: number;
  let f_correlationId: number;
  let f_clientId: string | null = null;
  f_requestApiKey = r.readInt16();
  f_requestApiVersion = r.readInt16();
  f_correlationId = r.readInt32();
  if (version >= 1) {
    f_clientId = r.readNullableString();
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
  return { requestApiKey: f_requestApiKey, requestApiVersion: f_requestApiVersion, correlationId: f_correlationId, clientId: f_clientId, unknownTaggedFields };
}

export function writeRequestHeader(w: Writer, version: number, m: RequestHeader): void {
  if (version < 0 || version > 2) encodeBadVersion('RequestHeader', version);
  const flexible = version >= 2;
  w.writeInt16(m.requestApiKey);
  w.writeInt16(m.requestApiVersion);
  w.writeInt32(m.correlationId);
  if (version >= 1) {
    w.writeNullableString(m.clientId);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
