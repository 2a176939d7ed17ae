// generated from protocol/kafka/DescribeConfigsResponse.json — do not edit (npm run generate)
// DescribeConfigsResponse (api key 32): versions 0-4, flexible 4

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface DescribeConfigsResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 0+) */
  throttleTimeMs: number;
  /** The results for each resource. (versions 0+) */
  results: DescribeConfigsResponseDescribeConfigsResult[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface DescribeConfigsResponseDescribeConfigsResult {
  /** The error code, or 0 if we were able to describe the configurations. (versions 0+) */
  errorCode: number;
  /** The error message, or null if we were able to describe the configurations. (versions 0+, nullable 0+) */
  errorMessage: string | null;
  /** The resource type. (versions 0+) */
  resourceType: number;
  /** The resource name. (versions 0+) */
  resourceName: string;
  /** Each listed configuration. (versions 0+) */
  configs: DescribeConfigsResponseDescribeConfigsResourceResult[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface DescribeConfigsResponseDescribeConfigsResourceResult {
  /** The configuration name. (versions 0+) */
  name: string;
  /** The configuration value. (versions 0+, nullable 0+) */
  value: string | null;
  /** True if the configuration is read-only. (versions 0+) */
  readOnly: boolean;
  /** True if the configuration is not set (version 0 only). (versions 0) */
  isDefault: boolean;
  /** The configuration source. (versions 1+) */
  configSource: number;
  /** True if this configuration is sensitive. (versions 0+) */
  isSensitive: boolean;
  /** The synonyms for this configuration key. (versions 1+) */
  synonyms: DescribeConfigsResponseDescribeConfigsSynonym[];
  /** The configuration data type (0 = unknown, 1 = boolean, 2 = string, 3 = int, 4 = short, 5 = long, 6 = double, 7 = list, 8 = class, 9 = password). (versions 3+) */
  configType: number;
  /** The configuration documentation. (versions 3+, nullable 0+) */
  documentation: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface DescribeConfigsResponseDescribeConfigsSynonym {
  /** The synonym name. (versions 1+) */
  name: string;
  /** The synonym value. (versions 1+, nullable 0+) */
  value: string | null;
  /** The synonym source. (versions 1+) */
  source: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readDescribeConfigsResponse(r: Reader, version: number): DescribeConfigsResponse {
  if (version < 0 || version > 4) decodeBadVersion('DescribeConfigsResponse', version);
  const flexible = version >= 4;
  let f_throttleTimeMs: number;
  let f_results: DescribeConfigsResponseDescribeConfigsResult[];
  f_throttleTimeMs = r.readInt32();
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('DescribeConfigsResponse.results', version);
    const a: DescribeConfigsResponseDescribeConfigsResult[] = [];
    for (let i = 0; i < n; i++) a.push(readDescribeConfigsResponseDescribeConfigsResult(r, version, flexible));
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

export function writeDescribeConfigsResponse(w: Writer, version: number, m: DescribeConfigsResponse): void {
  if (version < 0 || version > 4) encodeBadVersion('DescribeConfigsResponse', version);
  const flexible = version >= 4;
  w.writeInt32(m.throttleTimeMs);
  if (m.results == null) encodeNotNullable('DescribeConfigsResponse.results', version);
  if (flexible) w.writeUnsignedVarint(m.results.length + 1); else w.writeInt32(m.results.length);
  for (const e of m.results) {
    writeDescribeConfigsResponseDescribeConfigsResult(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readDescribeConfigsResponseDescribeConfigsResult(r: Reader, version: number, flexible: boolean): DescribeConfigsResponseDescribeConfigsResult {
  let f_errorCode: number;
  let f_errorMessage: string | null;
  let f_resourceType: number;
  let f_resourceName: string;
  let f_configs: DescribeConfigsResponseDescribeConfigsResourceResult[];
  f_errorCode = r.readInt16();
  f_errorMessage = (flexible ? r.readCompactNullableString() : r.readNullableString());
  f_resourceType = r.readInt8();
  f_resourceName = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('DescribeConfigsResponseDescribeConfigsResult.configs', version);
    const a: DescribeConfigsResponseDescribeConfigsResourceResult[] = [];
    for (let i = 0; i < n; i++) a.push(readDescribeConfigsResponseDescribeConfigsResourceResult(r, version, flexible));
    f_configs = a;
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
  return { errorCode: f_errorCode, errorMessage: f_errorMessage, resourceType: f_resourceType, resourceName: f_resourceName, configs: f_configs, unknownTaggedFields };
}

function writeDescribeConfigsResponseDescribeConfigsResult(w: Writer, version: number, flexible: boolean, m: DescribeConfigsResponseDescribeConfigsResult): void {
  w.writeInt16(m.errorCode);
  if (flexible) w.writeCompactNullableString(m.errorMessage); else w.writeNullableString(m.errorMessage);
  w.writeInt8(m.resourceType);
  if (m.resourceName == null) encodeNotNullable('DescribeConfigsResponseDescribeConfigsResult.resourceName', version);
  if (flexible) w.writeCompactString(m.resourceName); else w.writeString(m.resourceName);
  if (m.configs == null) encodeNotNullable('DescribeConfigsResponseDescribeConfigsResult.configs', version);
  if (flexible) w.writeUnsignedVarint(m.configs.length + 1); else w.writeInt32(m.configs.length);
  for (const e of m.configs) {
    writeDescribeConfigsResponseDescribeConfigsResourceResult(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readDescribeConfigsResponseDescribeConfigsResourceResult(r: Reader, version: number, flexible: boolean): DescribeConfigsResponseDescribeConfigsResourceResult {
  let f_name: string;
  let f_value: string | null;
  let f_readOnly: boolean;
  let f_isDefault: boolean = false;
  let f_configSource: number = -1;
  let f_isSensitive: boolean;
  let f_synonyms: DescribeConfigsResponseDescribeConfigsSynonym[] = [];
  let f_configType: number = 0;
  let f_documentation: string | null = null;
  f_name = (flexible ? r.readCompactString() : r.readString());
  f_value = (flexible ? r.readCompactNullableString() : r.readNullableString());
  f_readOnly = r.readBool();
  if (version <= 0) {
    f_isDefault = r.readBool();
  }
  if (version >= 1) {
    f_configSource = r.readInt8();
  }
  f_isSensitive = r.readBool();
  if (version >= 1) {
    {
      const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
      if (n < 0) decodeNotNullable('DescribeConfigsResponseDescribeConfigsResourceResult.synonyms', version);
      const a: DescribeConfigsResponseDescribeConfigsSynonym[] = [];
      for (let i = 0; i < n; i++) a.push(readDescribeConfigsResponseDescribeConfigsSynonym(r, version, flexible));
      f_synonyms = a;
    }
  }
  if (version >= 3) {
    f_configType = r.readInt8();
  }
  if (version >= 3) {
    f_documentation = (flexible ? r.readCompactNullableString() : r.readNullableString());
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
  return { name: f_name, value: f_value, readOnly: f_readOnly, isDefault: f_isDefault, configSource: f_configSource, isSensitive: f_isSensitive, synonyms: f_synonyms, configType: f_configType, documentation: f_documentation, unknownTaggedFields };
}

function writeDescribeConfigsResponseDescribeConfigsResourceResult(w: Writer, version: number, flexible: boolean, m: DescribeConfigsResponseDescribeConfigsResourceResult): void {
  if (m.name == null) encodeNotNullable('DescribeConfigsResponseDescribeConfigsResourceResult.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  if (flexible) w.writeCompactNullableString(m.value); else w.writeNullableString(m.value);
  w.writeBool(m.readOnly);
  if (version <= 0) {
    w.writeBool(m.isDefault);
  }
  if (version >= 1) {
    w.writeInt8(m.configSource);
  }
  w.writeBool(m.isSensitive);
  if (version >= 1) {
    if (m.synonyms == null) encodeNotNullable('DescribeConfigsResponseDescribeConfigsResourceResult.synonyms', version);
    if (flexible) w.writeUnsignedVarint(m.synonyms.length + 1); else w.writeInt32(m.synonyms.length);
    for (const e of m.synonyms) {
      writeDescribeConfigsResponseDescribeConfigsSynonym(w, version, flexible, e);
    }
  }
  if (version >= 3) {
    w.writeInt8(m.configType);
  }
  if (version >= 3) {
    if (flexible) w.writeCompactNullableString(m.documentation); else w.writeNullableString(m.documentation);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readDescribeConfigsResponseDescribeConfigsSynonym(r: Reader, version: number, flexible: boolean): DescribeConfigsResponseDescribeConfigsSynonym {
  let f_name: string = '';
  let f_value: string | null = null;
  let f_source: number = 0;
  if (version >= 1) {
    f_name = (flexible ? r.readCompactString() : r.readString());
  }
  if (version >= 1) {
    f_value = (flexible ? r.readCompactNullableString() : r.readNullableString());
  }
  if (version >= 1) {
    f_source = r.readInt8();
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
  return { name: f_name, value: f_value, source: f_source, unknownTaggedFields };
}

function writeDescribeConfigsResponseDescribeConfigsSynonym(w: Writer, version: number, flexible: boolean, m: DescribeConfigsResponseDescribeConfigsSynonym): void {
  if (version >= 1) {
    if (m.name == null) encodeNotNullable('DescribeConfigsResponseDescribeConfigsSynonym.name', version);
    if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  }
  if (version >= 1) {
    if (flexible) w.writeCompactNullableString(m.value); else w.writeNullableString(m.value);
  }
  if (version >= 1) {
    w.writeInt8(m.source);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
