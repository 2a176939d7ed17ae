// generated from protocol/kafka/InitProducerIdRequest.json — do not edit (npm run generate)
// InitProducerIdRequest (api key 22): versions 0-5, flexible 2-5

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeBadVersion } from '../primitives/codec-support.js';

export interface InitProducerIdRequest {
  /** The transactional id, or null for an idempotent-only producer. (versions 0+, nullable 0+) */
  transactionalId: string | null;
  /** The time in ms to wait before aborting idle transactions sent by this producer. (versions 0+) */
  transactionTimeoutMs: number;
  /** The producer id, to bump the epoch of an existing producer, or -1. (versions 3+) */
  producerId: number;
  /** The producer's current epoch, to validate the bump, or -1. (versions 3+) */
  producerEpoch: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readInitProducerIdRequest(r: Reader, version: number): InitProducerIdRequest {
  if (version < 0 || version > 5) decodeBadVersion('InitProducerIdRequest', version);
  const flexible = version >= 2;
  let f_transactionalId: string | null;
  let f_transactionTimeoutMs: number;
  let f_producerId: number = -1;
  let f_producerEpoch: number = -1;
  f_transactionalId = (flexible ? r.readCompactNullableString() : r.readNullableString());
  f_transactionTimeoutMs = r.readInt32();
  if (version >= 3) {
    f_producerId = r.readInt64();
  }
  if (version >= 3) {
    f_producerEpoch = r.readInt16();
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
  return { transactionalId: f_transactionalId, transactionTimeoutMs: f_transactionTimeoutMs, producerId: f_producerId, producerEpoch: f_producerEpoch, unknownTaggedFields };
}

export function writeInitProducerIdRequest(w: Writer, version: number, m: InitProducerIdRequest): void {
  if (version < 0 || version > 5) encodeBadVersion('InitProducerIdRequest', version);
  const flexible = version >= 2;
  if (flexible) w.writeCompactNullableString(m.transactionalId); else w.writeNullableString(m.transactionalId);
  w.writeInt32(m.transactionTimeoutMs);
  if (version >= 3) {
    w.writeInt64(m.producerId);
  }
  if (version >= 3) {
    w.writeInt16(m.producerEpoch);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
