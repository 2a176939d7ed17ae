// generated from protocol/kafka/AlterConfigsResponse.json — do not edit (npm run generate)
// AlterConfigsResponse (api key 33): versions 0-2, flexible 2

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface AlterConfigsResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 0+) */
  throttleTimeMs: number;
  /** The responses for each resource. (versions 0+) */
  responses: AlterConfigsResponseAlterConfigsResourceResponse[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface AlterConfigsResponseAlterConfigsResourceResponse {
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

export function readAlterConfigsResponse(r: Reader, version: number): AlterConfigsResponse {
  if (version < 0 || version > 2) decodeBadVersion('AlterConfigsResponse', version);
  const flexible = version >= 2;
  let f_throttleTimeMs: number;
  let f_responses: AlterConfigsResponseAlterConfigsResourceResponse[];
  f_throttleTimeMs = r.readInt32();
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('AlterConfigsResponse.responses', version);
    const a: AlterConfigsResponseAlterConfigsResourceResponse[] = [];
    for (let i = 0; i < n; i++) a.push(readAlterConfigsResponseAlterConfigsResourceResponse(r, version, flexible));
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

export function writeAlterConfigsResponse(w: Writer, version: number, m: AlterConfigsResponse): void {
  if (version < 0 || version > 2) encodeBadVersion('AlterConfigsResponse', version);
  const flexible = version >= 2;
  w.writeInt32(m.throttleTimeMs);
  if (m.responses == null) encodeNotNullable('AlterConfigsResponse.responses', version);
  if (flexible) w.writeUnsignedVarint(m.responses.length + 1); else w.writeInt32(m.responses.length);
  for (const e of m.responses) {
    writeAlterConfigsResponseAlterConfigsResourceResponse(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readAlterConfigsResponseAlterConfigsResourceResponse(r: Reader, _version: number, flexible: boolean): AlterConfigsResponseAlterConfigsResourceResponse {
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

function writeAlterConfigsResponseAlterConfigsResourceResponse(w: Writer, version: number, flexible: boolean, m: AlterConfigsResponseAlterConfigsResourceResponse): void {
  w.writeInt16(m.errorCode);
  if (flexible) w.writeCompactNullableString(m.errorMessage); else w.writeNullableString(m.errorMessage);
  w.writeInt8(m.resourceType);
  if (m.resourceName == null) encodeNotNullable('AlterConfigsResponseAlterConfigsResourceResponse.resourceName', version);
  if (flexible) w.writeCompactString(m.resourceName); else w.writeString(m.resourceName);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
