// generated from protocol/kafka/DeleteTopicsResponse.json — do not edit (npm run generate)
// DeleteTopicsResponse (api key 20): versions 0-6, flexible 4-6

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { ZERO_UUID, decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface DeleteTopicsResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 1+) */
  throttleTimeMs: number;
  /** The results for each topic we tried to delete. (versions 0+) */
  responses: DeleteTopicsResponseDeletableTopicResult[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface DeleteTopicsResponseDeletableTopicResult {
  /** The topic name. (versions 0+, nullable 6+) */
  name: string | null;
  /** The unique topic id. (versions 6+) */
  topicId: Buffer;
  /** The deletion error, or 0 if the deletion succeeded. (versions 0+) */
  errorCode: number;
  /** The error message, or null if there was no error. (versions 5+, nullable 5+) */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readDeleteTopicsResponse(r: Reader, version: number): DeleteTopicsResponse {
  if (version < 0 || version > 6) decodeBadVersion('DeleteTopicsResponse', version);
  const flexible = version >= 4;
  let f_throttleTimeMs: number = 0;
  let f_responses: DeleteTopicsResponseDeletableTopicResult[];
  if (version >= 1) {
    f_throttleTimeMs = r.readInt32();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('DeleteTopicsResponse.responses', version);
    const a: DeleteTopicsResponseDeletableTopicResult[] = [];
    for (let i = 0; i < n; i++) a.push(readDeleteTopicsResponseDeletableTopicResult(r, version, flexible));
    f_responses = a;
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
  return { throttleTimeMs: f_throttleTimeMs, responses: f_responses, unknownTaggedFields };
}

export function writeDeleteTopicsResponse(w: Writer, version: number, m: DeleteTopicsResponse): void {
  if (version < 0 || version > 6) encodeBadVersion('DeleteTopicsResponse', version);
  const flexible = version >= 4;
  if (version >= 1) {
    w.writeInt32(m.throttleTimeMs);
  }
  if (m.responses == null) encodeNotNullable('DeleteTopicsResponse.responses', version);
  if (flexible) w.writeUnsignedVarint(m.responses.length + 1); else w.writeInt32(m.responses.length);
  for (const e of m.responses) {
    writeDeleteTopicsResponseDeletableTopicResult(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readDeleteTopicsResponseDeletableTopicResult(r: Reader, version: number, flexible: boolean): DeleteTopicsResponseDeletableTopicResult {
  let f_name: string | null;
  let f_topicId: Buffer = ZERO_UUID;
  let f_errorCode: number;
  let f_errorMessage: string | null = null;
  f_name = (flexible ? r.readCompactNullableString() : r.readNullableString());
  if (f_name === null && !(version >= 6)) decodeNotNullable('DeleteTopicsResponseDeletableTopicResult.name', version);
  if (version >= 6) {
    f_topicId = r.readUuid();
  }
  f_errorCode = r.readInt16();
  if (version >= 5) {
    f_errorMessage = r.readCompactNullableString();
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
  return { name: f_name, topicId: f_topicId, errorCode: f_errorCode, errorMessage: f_errorMessage, unknownTaggedFields };
}

function writeDeleteTopicsResponseDeletableTopicResult(w: Writer, version: number, flexible: boolean, m: DeleteTopicsResponseDeletableTopicResult): void {
  if (m.name === null && !(version >= 6)) encodeNotNullable('DeleteTopicsResponseDeletableTopicResult.name', version);
  if (flexible) w.writeCompactNullableString(m.name); else w.writeNullableString(m.name);
  if (version >= 6) {
    if (m.topicId == null) encodeNotNullable('DeleteTopicsResponseDeletableTopicResult.topicId', version);
    w.writeUuid(m.topicId);
  }
  w.writeInt16(m.errorCode);
  if (version >= 5) {
    w.writeCompactNullableString(m.errorMessage);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
