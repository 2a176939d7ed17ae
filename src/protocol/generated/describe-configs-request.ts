// generated from protocol/kafka/DescribeConfigsRequest.json — do not edit (npm run generate)
// DescribeConfigsRequest (api key 32): versions 0-4, flexible 4

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface DescribeConfigsRequest {
  /** The resources whose configurations we want to describe. (versions 0+) */
  resources: DescribeConfigsRequestDescribeConfigsResource[];
  /** True if we should include all synonyms. (versions 1+) */
  includeSynonyms: boolean;
  /** True if we should include configuration documentation. (versions 3+) */
  includeDocumentation: boolean;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface DescribeConfigsRequestDescribeConfigsResource {
  /** The resource type (2 = topic, 4 = broker, 8 = broker logger). (versions 0+) */
  resourceType: number;
  /** The resource name. (versions 0+) */
  resourceName: string;
  /** The configuration keys to list, or null to list all of them. (versions 0+, nullable 0+) */
  configurationKeys: string[] | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readDescribeConfigsRequest(r: Reader, version: number): DescribeConfigsRequest {
  if (version < 0 || version > 4) decodeBadVersion('DescribeConfigsRequest', version);
  const flexible = version >= 4;
  let f_resources: DescribeConfigsRequestDescribeConfigsResource[];
  let f_includeSynonyms: boolean = false;
  let f_includeDocumentation: boolean = false;
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('DescribeConfigsRequest.resources', version);
    const a: DescribeConfigsRequestDescribeConfigsResource[] = [];
    for (let i = 0; i < n; i++) a.push(readDescribeConfigsRequestDescribeConfigsResource(r, version, flexible));
    f_resources = a;
  }
  if (version >= 1) {
    f_includeSynonyms = r.readBool();
  }
  if (version >= 3) {
    f_includeDocumentation = r.readBool();
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
  return { resources: f_resources, includeSynonyms: f_includeSynonyms, includeDocumentation: f_includeDocumentation, unknownTaggedFields };
}

export function writeDescribeConfigsRequest(w: Writer, version: number, m: DescribeConfigsRequest): void {
  if (version < 0 || version > 4) encodeBadVersion('DescribeConfigsRequest', version);
  const flexible = version >= 4;
  if (m.resources == null) encodeNotNullable('DescribeConfigsRequest.resources', version);
  if (flexible) w.writeUnsignedVarint(m.resources.length + 1); else w.writeInt32(m.resources.length);
  for (const e of m.resources) {
    writeDescribeConfigsRequestDescribeConfigsResource(w, version, flexible, e);
  }
  if (version >= 1) {
    w.writeBool(m.includeSynonyms);
  }
  if (version >= 3) {
    w.writeBool(m.includeDocumentation);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readDescribeConfigsRequestDescribeConfigsResource(r: Reader, _version: number, flexible: boolean): DescribeConfigsRequestDescribeConfigsResource {
  let f_resourceType: number;
  let f_resourceName: string;
  let f_configurationKeys: string[] | null;
  f_resourceType = r.readInt8();
  f_resourceName = (flexible ? r.readCompactString() : r.readString());
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) {
      f_configurationKeys = null;
    } else {
      const a: string[] = [];
      for (let i = 0; i < n; i++) a.push((flexible ? r.readCompactString() : r.readString()));
      f_configurationKeys = a;
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
  return { resourceType: f_resourceType, resourceName: f_resourceName, configurationKeys: f_configurationKeys, unknownTaggedFields };
}

function writeDescribeConfigsRequestDescribeConfigsResource(w: Writer, version: number, flexible: boolean, m: DescribeConfigsRequestDescribeConfigsResource): void {
  w.writeInt8(m.resourceType);
  if (m.resourceName == null) encodeNotNullable('DescribeConfigsRequestDescribeConfigsResource.resourceName', version);
  if (flexible) w.writeCompactString(m.resourceName); else w.writeString(m.resourceName);
  if (m.configurationKeys === null) {
    if (flexible) w.writeUnsignedVarint(0); else w.writeInt32(-1);
  } else {
    if (flexible) w.writeUnsignedVarint(m.configurationKeys.length + 1); else w.writeInt32(m.configurationKeys.length);
    for (const e of m.configurationKeys) {
      if (flexible) w.writeCompactString(e); else w.writeString(e);
    }
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
