// generated from protocol/kafka/FindCoordinatorRequest.json — do not edit (npm run generate)
// FindCoordinatorRequest (api key 10): versions 0-6, flexible 3-6

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface FindCoordinatorRequest {
  /** The coordinator key (a group id or a transactional id). (versions 0-3) */
  key: string;
  /** The coordinator key type: 0 = group, 1 = transaction, 2 = share group. (versions 1+) */
  keyType: number;
  /** The coordinator keys. (versions 4+) */
  coordinatorKeys: string[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readFindCoordinatorRequest(r: Reader, version: number): FindCoordinatorRequest {
  if (version < 0 || version > 6) decodeBadVersion('FindCoordinatorRequest', version);
  const flexible = version >= 3;
  let f_key: string = '';
  let f_keyType: number = 0;
  let f_coordinatorKeys: string[] = [];
  if (version <= 3) {
    f_key = (flexible ? r.readCompactString() : r.readString());
  }
  if (version >= 1) {
    f_keyType = r.readInt8();
  }
  if (version >= 4) {
    {
      const n = r.readCompactArrayLength();
      if (n < 0) decodeNotNullable('FindCoordinatorRequest.coordinatorKeys', version);
      const a: string[] = [];
      for (let i = 0; i < n; i++) a.push(r.readCompactString());
      f_coordinatorKeys = a;
    }
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
  return { key: f_key, keyType: f_keyType, coordinatorKeys: f_coordinatorKeys, unknownTaggedFields };
}

export function writeFindCoordinatorRequest(w: Writer, version: number, m: FindCoordinatorRequest): void {
  if (version < 0 || version > 6) encodeBadVersion('FindCoordinatorRequest', version);
  const flexible = version >= 3;
  if (version <= 3) {
    if (m.key == null) encodeNotNullable('FindCoordinatorRequest.key', version);
    if (flexible) w.writeCompactString(m.key); else w.writeString(m.key);
  }
  if (version >= 1) {
    w.writeInt8(m.keyType);
  }
  if (version >= 4) {
    if (m.coordinatorKeys == null) encodeNotNullable('FindCoordinatorRequest.coordinatorKeys', version);
    w.writeUnsignedVarint(m.coordinatorKeys.length + 1);
    for (const e of m.coordinatorKeys) {
      w.writeCompactString(e);
    }
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
