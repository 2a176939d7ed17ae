// generated from protocol/kafka/IncrementalAlterConfigsResponse.json — do not edit (npm run generate)
// IncrementalAlterConfigsResponse (api key 44): versions 0-1, flexible 1

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface IncrementalAlterConfigsResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 0+) */
  throttleTimeMs: number;
  /** The responses for each resource. (versions 0+) */
  responses: IncrementalAlterConfigsResponseAlterConfigsResourceResponse[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface IncrementalAlterConfigsResponseAlterConfigsResourceResponse {
  /** The resource error code. (versions 0+) */
  errorCode: number;
  /** The resource error message, or null if there was no error. (versions 0+, nullable 0+) */
  errorMessage: string | null;
  /** The resource type. (versions 0+) */
  resourceType: number;
  /** The resource name. (versions 0+) */
  resourceName: string;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readIncrementalAlterConfigsResponse(r: Reader, version: number): IncrementalAlterConfigsResponse {
  if (version < 0 || version > 1) decodeBadVersion('IncrementalAlterConfigsResponse', version);
  const flexible = version >= 1;
  let f_throttleTimeMs: number;
  let f_responses: IncrementalAlterConfigsResponseAlterConfigsResourceResponse[];
  f_throttleTimeMs = r.readInt32();
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('IncrementalAlterConfigsResponse.responses', version);
    const a: IncrementalAlterConfigsResponseAlterConfigsResourceResponse[] = [];
    for (let i = 0; i < n; i++) a.push(readIncrementalAlterConfigsResponseAlterConfigsResourceResponse(r, version, flexible));
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

export function writeIncrementalAlterConfigsResponse(w: Writer, version: number, m: IncrementalAlterConfigsResponse): void {
  if (version < 0 || version > 1) encodeBadVersion('IncrementalAlterConfigsResponse', version);
  const flexible = version >= 1;
  w.writeInt32(m.throttleTimeMs);
  if (m.responses == null) encodeNotNullable('IncrementalAlterConfigsResponse.responses', version);
  if (flexible) w.writeUnsignedVarint(m.responses.length + 1); else w.writeInt32(m.responses.length);
  for (const e of m.responses) {
    writeIncrementalAlterConfigsResponseAlterConfigsResourceResponse(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readIncrementalAlterConfigsResponseAlterConfigsResourceResponse(r: Reader, _version: number, flexible: boolean): IncrementalAlterConfigsResponseAlterConfigsResourceResponse {
  let f_errorCode: number;
  let f_errorMessage: string | null;
  let f_resourceType: number;
  let f_resourceName: string;
  f_errorCode = r.readInt16();
  f_errorMessage = (flexible ? r.readCompactNullableString() : r.readNullableString());
  f_resourceType = r.readInt8();
  f_resourceName = (flexible ? r.readCompactString() : r.readString());
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
  return { errorCode: f_errorCode, errorMessage: f_errorMessage, resourceType: f_resourceType, resourceName: f_resourceName, unknownTaggedFields };
}

function writeIncrementalAlterConfigsResponseAlterConfigsResourceResponse(w: Writer, version: number, flexible: boolean, m: IncrementalAlterConfigsResponseAlterConfigsResourceResponse): void {
  w.writeInt16(m.errorCode);
  if (flexible) w.writeCompactNullableString(m.errorMessage); else w.writeNullableString(m.errorMessage);
  w.writeInt8(m.resourceType);
  if (m.resourceName == null) encodeNotNullable('IncrementalAlterConfigsResponseAlterConfigsResourceResponse.resourceName', version);
  if (flexible) w.writeCompactString(m.resourceName); else w.writeString(m.resourceName);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
