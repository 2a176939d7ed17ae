// generated from protocol/kafka/IncrementalAlterConfigsRequest.json — do not edit (npm run generate)
// IncrementalAlterConfigsRequest (api key 44): versions 0-1, flexible 1

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface IncrementalAlterConfigsRequest {
  /** The incremental updates for each resource. (versions 0+) */
  resources: IncrementalAlterConfigsRequestAlterConfigsResource[];
  /** True if we should validate the request, but not change the configurations. (versions 0+) */
  validateOnly: boolean;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface IncrementalAlterConfigsRequestAlterConfigsResource {
  /** The resource type. (versions 0+) */
  resourceType: number;
  /** The resource name. (versions 0+) */
  resourceName: string;
  /** The configurations. (versions 0+) */
  configs: IncrementalAlterConfigsRequestAlterableConfig[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface IncrementalAlterConfigsRequestAlterableConfig {
  /** The configuration key name. (versions 0+) */
  name: string;
  /** The type (0 = set, 1 = delete, 2 = append, 3 = subtract). (versions 0+) */
  configOperation: number;
  /** The value to set for the configuration key. (versions 0+, nullable 0+) */
  value: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readIncrementalAlterConfigsRequest(r: Reader, version: number): IncrementalAlterConfigsRequest {
  if (version < 0 || version > 1) decodeBadVersion('IncrementalAlterConfigsRequest', version);
  const flexible = version >= 1;
  let f_resources: IncrementalAlterConfigsRequestAlterConfigsResource[];
  let f_validateOnly: boolean;
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('IncrementalAlterConfigsRequest.resources', version);
    const a: IncrementalAlterConfigsRequestAlterConfigsResource[] = [];
    for (let i = 0; i < n; i++) a.push(readIncrementalAlterConfigsRequestAlterConfigsResource(r, version, flexible));
    f_resources = a;
  }
  f_validateOnly = r.readBool();
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
  return { resources: f_resources, validateOnly: f_validateOnly, unknownTaggedFields };
}

export function writeIncrementalAlterConfigsRequest(w: Writer, version: number, m: IncrementalAlterConfigsRequest): void {
  if (version < 0 || version > 1) encodeBadVersion('IncrementalAlterConfigsRequest', version);
  const flexible = version >= 1;
  if (m.resources == null) encodeNotNullable('IncrementalAlterConfigsRequest.resources', version);
  if (flexible) w.writeUnsignedVarint(m.resources.length + 1); else w.writeInt32(m.resources.length);
  for (const e of m.resources) {
    writeIncrementalAlterConfigsRequestAlterConfigsResource(w, version, flexible, e);
  }
  w.writeBool(m.validateOnly);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readIncrementalAlterConfigsRequestAlterConfigsResource(r: Reader, version: number, flexible: boolean): IncrementalAlterConfigsRequestAlterConfigsResource {
  let f_resourceType: number;
  let f_resourceName: string;
  let f_configs: IncrementalAlterConfigsRequestAlterableConfig[];
  f_resourceType = r.readInt8();
  f_resourceName = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('IncrementalAlterConfigsRequestAlterConfigsResource.configs', version);
    const a: IncrementalAlterConfigsRequestAlterableConfig[] = [];
    for (let i = 0; i < n; i++) a.push(readIncrementalAlterConfigsRequestAlterableConfig(r, version, flexible));
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
  return { resourceType: f_resourceType, resourceName: f_resourceName, configs: f_configs, unknownTaggedFields };
}

function writeIncrementalAlterConfigsRequestAlterConfigsResource(w: Writer, version: number, flexible: boolean, m: IncrementalAlterConfigsRequestAlterConfigsResource): void {
  w.writeInt8(m.resourceType);
  if (m.resourceName == null) encodeNotNullable('IncrementalAlterConfigsRequestAlterConfigsResource.resourceName', version);
  if (flexible) w.writeCompactString(m.resourceName); else w.writeString(m.resourceName);
  if (m.configs == null) encodeNotNullable('IncrementalAlterConfigsRequestAlterConfigsResource.configs', version);
  if (flexible) w.writeUnsignedVarint(m.configs.length + 1); else w.writeInt32(m.configs.length);
  for (const e of m.configs) {
    writeIncrementalAlterConfigsRequestAlterableConfig(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readIncrementalAlterConfigsRequestAlterableConfig(r: Reader, _version: number, flexible: boolean): IncrementalAlterConfigsRequestAlterableConfig {
  let f_name: string;
  let f_configOperation: number;
  let f_value: string | null;
  f_name = (flexible ? r.readCompactString() : r.readString());
  f_configOperation = r.readInt8();
  f_value = (flexible ? r.readCompactNullableString() : r.readNullableString());
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
  return { name: f_name, configOperation: f_configOperation, value: f_value, unknownTaggedFields };
}

function writeIncrementalAlterConfigsRequestAlterableConfig(w: Writer, version: number, flexible: boolean, m: IncrementalAlterConfigsRequestAlterableConfig): void {
  if (m.name == null) encodeNotNullable('IncrementalAlterConfigsRequestAlterableConfig.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  w.writeInt8(m.configOperation);
  if (flexible) w.writeCompactNullableString(m.value); else w.writeNullableString(m.value);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
