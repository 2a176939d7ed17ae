// generated from protocol/kafka/InitProducerIdResponse.json — do not edit (npm run generate)
// InitProducerIdResponse (api key 22): versions 0-5, flexible 2-5

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeBadVersion } from '../primitives/codec-support.js';

export interface InitProducerIdResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 0+) */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. (versions 0+) */
  errorCode: number;
  /** The current producer id. (versions 0+) */
  producerId: number;
  /** The current epoch associated with the producer id. (versions 0+) */
  producerEpoch: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readInitProducerIdResponse(r: Reader, version: number): InitProducerIdResponse {
  if (version < 0 || version > 5) decodeBadVersion('InitProducerIdResponse', version);
  const flexible = version >= 2;
  let f_throttleTimeMs: number;
  let f_errorCode: number;
  let f_producerId: number;
  let f_producerEpoch: number;
  f_throttleTimeMs = r.readInt32();
  f_errorCode = r.readInt16();
  f_producerId = r.readInt64();
  f_producerEpoch = r.readInt16();
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
  return { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, producerId: f_producerId, producerEpoch: f_producerEpoch, unknownTaggedFields };
}

export function writeInitProducerIdResponse(w: Writer, version: number, m: InitProducerIdResponse): void {
  if (version < 0 || version > 5) encodeBadVersion('InitProducerIdResponse', version);
  const flexible = version >= 2;
  w.writeInt32(m.throttleTimeMs);
  w.writeInt16(m.errorCode);
  w.writeInt64(m.producerId);
  w.writeInt16(m.producerEpoch);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
