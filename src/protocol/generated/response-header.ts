// generated from protocol/kafka/ResponseHeader.json — do not edit (npm run generate)
// ResponseHeader: versions 0-1, flexible 1

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeBadVersion } from '../primitives/codec-support.js';

export interface ResponseHeader {
  /** The correlation id of the request this answers. (versions 0+) */
  correlationId: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readResponseHeader(r: Reader, version: number): ResponseHeader {
  if (version < 0 || version > 1) decodeBadVersion('ResponseHeader', version);
  const flexible = version >= 1;
  let f_correlationId: number;
  f_correlationId = r.readInt32();
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
  return { correlationId: f_correlationId, unknownTaggedFields };
}

export function writeResponseHeader(w: Writer, version: number, m: ResponseHeader): void {
  if (version < 0 || version > 1) encodeBadVersion('ResponseHeader', version);
  const flexible = version >= 1;
  w.writeInt32(m.correlationId);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
