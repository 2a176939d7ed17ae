// generated from protocol/kafka/CreatePartitionsResponse.json — do not edit (npm run generate)
// CreatePartitionsResponse (api key 37): versions 0-3, flexible 2-3

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface CreatePartitionsResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 0+) */
  throttleTimeMs: number;
  /** The partition creation results for each topic. (versions 0+) */
  results: CreatePartitionsResponseCreatePartitionsTopicResult[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface CreatePartitionsResponseCreatePartitionsTopicResult {
  /** The topic name. (versions 0+) */
  name: string;
  /** The result error, or 0 if there was no error. (versions 0+) */
  errorCode: number;
  /** The result message, or null if there was no error. (versions 0+, nullable 0+) */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readCreatePartitionsResponse(r: Reader, version: number): CreatePartitionsResponse {
  if (version < 0 || version > 3) decodeBadVersion('CreatePartitionsResponse', version);
  const flexible = version >= 2;
  let f_throttleTimeMs: number;
  let f_results: CreatePartitionsResponseCreatePartitionsTopicResult[];
  f_throttleTimeMs = r.readInt32();
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('CreatePartitionsResponse.results', version);
    const a: CreatePartitionsResponseCreatePartitionsTopicResult[] = [];
    for (let i = 0; i < n; i++) a.push(readCreatePartitionsResponseCreatePartitionsTopicResult(r, version, flexible));
    f_results = a;
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
  return { throttleTimeMs: f_throttleTimeMs, results: f_results, unknownTaggedFields };
}

export function writeCreatePartitionsResponse(w: Writer, version: number, m: CreatePartitionsResponse): void {
  if (version < 0 || version > 3) encodeBadVersion('CreatePartitionsResponse', version);
  const flexible = version >= 2;
  w.writeInt32(m.throttleTimeMs);
  if (m.results == null) encodeNotNullable('CreatePartitionsResponse.results', version);
  if (flexible) w.writeUnsignedVarint(m.results.length + 1); else w.writeInt32(m.results.length);
  for (const e of m.results) {
    writeCreatePartitionsResponseCreatePartitionsTopicResult(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readCreatePartitionsResponseCreatePartitionsTopicResult(r: Reader, _version: number, flexible: boolean): CreatePartitionsResponseCreatePartitionsTopicResult {
  let f_name: string;
  let f_errorCode: number;
  let f_errorMessage: string | null;
  f_name = (flexible ? r.readCompactString() : r.readString());
  f_errorCode = r.readInt16();
  f_errorMessage = (flexible ? r.readCompactNullableString() : r.readNullableString());
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
  return { name: f_name, errorCode: f_errorCode, errorMessage: f_errorMessage, unknownTaggedFields };
}

function writeCreatePartitionsResponseCreatePartitionsTopicResult(w: Writer, version: number, flexible: boolean, m: CreatePartitionsResponseCreatePartitionsTopicResult): void {
  if (m.name == null) encodeNotNullable('CreatePartitionsResponseCreatePartitionsTopicResult.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  w.writeInt16(m.errorCode);
  if (flexible) w.writeCompactNullableString(m.errorMessage); else w.writeNullableString(m.errorMessage);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
