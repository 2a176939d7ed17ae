// generated from protocol/kafka/AlterConfigsRequest.json — do not edit (npm run generate)
// AlterConfigsRequest (api key 33): versions 0-2, flexible 2

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface AlterConfigsRequest {
  /** The updates for each resource. (versions 0+) */
  resources: AlterConfigsRequestAlterConfigsResource[];
  /** True if we should validate the request, but not change the configurations. (versions 0+) */
  validateOnly: boolean;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface AlterConfigsRequestAlterConfigsResource {
  /** The resource type. (versions 0+) */
  resourceType: number;
  /** The resource name. (versions 0+) */
  resourceName: string;
  /** The configurations. (versions 0+) */
  configs: AlterConfigsRequestAlterableConfig[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface AlterConfigsRequestAlterableConfig {
  /** The configuration key name. (versions 0+) */
  name: string;
  /** The value to set for the configuration key. (versions 0+, nullable 0+) */
  value: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readAlterConfigsRequest(r: Reader, version: number): AlterConfigsRequest {
  if (version < 0 || version > 2) decodeBadVersion('AlterConfigsRequest', version);
  const flexible = version >= 2;
  let f_resources: AlterConfigsRequestAlterConfigsResource[];
  let f_validateOnly: boolean;
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('AlterConfigsRequest.resources', version);
    const a: AlterConfigsRequestAlterConfigsResource[] = [];
    for (let i = 0; i < n; i++) a.push(readAlterConfigsRequestAlterConfigsResource(r, version, flexible));
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

export function writeAlterConfigsRequest(w: Writer, version: number, m: AlterConfigsRequest): void {
  if (version < 0 || version > 2) encodeBadVersion('AlterConfigsRequest', version);
  const flexible = version >= 2;
  if (m.resources == null) encodeNotNullable('AlterConfigsRequest.resources', version);
  if (flexible) w.writeUnsignedVarint(m.resources.length + 1); else w.writeInt32(m.resources.length);
  for (const e of m.resources) {
    writeAlterConfigsRequestAlterConfigsResource(w, version, flexible, e);
  }
  w.writeBool(m.validateOnly);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readAlterConfigsRequestAlterConfigsResource(r: Reader, version: number, flexible: boolean): AlterConfigsRequestAlterConfigsResource {
  let f_resourceType: number;
  let f_resourceName: string;
  let f_configs: AlterConfigsRequestAlterableConfig[];
  f_resourceType = r.readInt8();
  f_resourceName = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('AlterConfigsRequestAlterConfigsResource.configs', version);
    const a: AlterConfigsRequestAlterableConfig[] = [];
    for (let i = 0; i < n; i++) a.push(readAlterConfigsRequestAlterableConfig(r, version, flexible));
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

function writeAlterConfigsRequestAlterConfigsResource(w: Writer, version: number, flexible: boolean, m: AlterConfigsRequestAlterConfigsResource): void {
  w.writeInt8(m.resourceType);
  if (m.resourceName == null) encodeNotNullable('AlterConfigsRequestAlterConfigsResource.resourceName', version);
  if (flexible) w.writeCompactString(m.resourceName); else w.writeString(m.resourceName);
  if (m.configs == null) encodeNotNullable('AlterConfigsRequestAlterConfigsResource.configs', version);
  if (flexible) w.writeUnsignedVarint(m.configs.length + 1); else w.writeInt32(m.configs.length);
  for (const e of m.configs) {
    writeAlterConfigsRequestAlterableConfig(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readAlterConfigsRequestAlterableConfig(r: Reader, _version: number, flexible: boolean): AlterConfigsRequestAlterableConfig {
  let f_name: string;
  let f_value: string | null;
  f_name = (flexible ? r.readCompactString() : r.readString());
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
  return { name: f_name, value: f_value, unknownTaggedFields };
}

function writeAlterConfigsRequestAlterableConfig(w: Writer, version: number, flexible: boolean, m: AlterConfigsRequestAlterableConfig): void {
  if (m.name == null) encodeNotNullable('AlterConfigsRequestAlterableConfig.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  if (flexible) w.writeCompactNullableString(m.value); else w.writeNullableString(m.value);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
