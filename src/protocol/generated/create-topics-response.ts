// generated from protocol/kafka/CreateTopicsResponse.json — do not edit (npm run generate)
// CreateTopicsResponse (api key 19): versions 0-7, flexible 5-7

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import type { PendingTag } from '../primitives/codec-support.js';
import { ZERO_UUID, decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion, writeTaggedFields } from '../primitives/codec-support.js';

export interface CreateTopicsResponse {
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 2+) */
  throttleTimeMs: number;
  /** Results for each topic we tried to create. (versions 0+) */
  topics: CreateTopicsResponseCreatableTopicResult[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface CreateTopicsResponseCreatableTopicResult {
  /** The topic name. (versions 0+) */
  name: string;
  /** The unique topic id. (versions 7+) */
  topicId: Buffer;
  /** The error code, or 0 if there was no error. (versions 0+) */
  errorCode: number;
  /** The error message, or null if there was no error. (versions 1+, nullable 0+) */
  errorMessage: string | null;
  /** The error code for describing the topic configs, or 0 if there was none. (versions 5+, tag 0) */
  topicConfigErrorCode: number;
  /** The number of partitions of the topic. (versions 5+) */
  numPartitions: number;
  /** The replication factor of the topic. (versions 5+) */
  replicationFactor: number;
  /** The configurations of the topic, or null if they could not be described. (versions 5+, nullable 5+) */
  configs: CreateTopicsResponseCreatableTopicConfigs[] | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface CreateTopicsResponseCreatableTopicConfigs {
  /** The configuration name. (versions 5+) */
  name: string;
  /** The configuration value. (versions 5+, nullable 5+) */
  value: string | null;
  /** True if the configuration is read-only. (versions 5+) */
  readOnly: boolean;
  /** The configuration source. (versions 5+) */
  configSource: number;
  /** True if this configuration is sensitive. (versions 5+) */
  isSensitive: boolean;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readCreateTopicsResponse(r: Reader, version: number): CreateTopicsResponse {
  if (version < 0 || version > 7) decodeBadVersion('CreateTopicsResponse', version);
  const flexible = version >= 5;
  let f_throttleTimeMs: number = 0;
  let f_topics: CreateTopicsResponseCreatableTopicResult[];
  if (version >= 2) {
    f_throttleTimeMs = r.readInt32();
  }
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('CreateTopicsResponse.topics', version);
    const a: CreateTopicsResponseCreatableTopicResult[] = [];
    for (let i = 0; i < n; i++) a.push(readCreateTopicsResponseCreatableTopicResult(r, version, flexible));
    f_topics = a;
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
  return { throttleTimeMs: f_throttleTimeMs, topics: f_topics, unknownTaggedFields };
}

export function writeCreateTopicsResponse(w: Writer, version: number, m: CreateTopicsResponse): void {
  if (version < 0 || version > 7) encodeBadVersion('CreateTopicsResponse', version);
  const flexible = version >= 5;
  if (version >= 2) {
    w.writeInt32(m.throttleTimeMs);
  }
  if (m.topics == null) encodeNotNullable('CreateTopicsResponse.topics', version);
  if (flexible) w.writeUnsignedVarint(m.topics.length + 1); else w.writeInt32(m.topics.length);
  for (const e of m.topics) {
    writeCreateTopicsResponseCreatableTopicResult(w, version, flexible, e);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readCreateTopicsResponseCreatableTopicResult(r: Reader, version: number, flexible: boolean): CreateTopicsResponseCreatableTopicResult {
  let f_name: string;
  let f_topicId: Buffer = ZERO_UUID;
  let f_errorCode: number;
  let f_errorMessage: string | null = null;
  let f_topicConfigErrorCode: number = 0;
  let f_numPartitions: number = -1;
  let f_replicationFactor: number = -1;
  let f_configs: CreateTopicsResponseCreatableTopicConfigs[] | null = [];
  f_name = (flexible ? r.readCompactString() : r.readString());
  if (version >= 7) {
    f_topicId = r.readUuid();
  }
  f_errorCode = r.readInt16();
  if (version >= 1) {
    f_errorMessage = (flexible ? r.readCompactNullableString() : r.readNullableString());
  }
  if (version >= 5) {
    f_numPartitions = r.readInt32();
  }
  if (version >= 5) {
    f_replicationFactor = r.readInt16();
  }
  if (version >= 5) {
    {
      const n = r.readCompactArrayLength();
      if (n < 0) {
        f_configs = null;
      } else {
        const a: CreateTopicsResponseCreatableTopicConfigs[] = [];
        for (let i = 0; i < n; i++) a.push(readCreateTopicsResponseCreatableTopicConfigs(r, version, flexible));
        f_configs = a;
      }
    }
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  if (flexible) {
    const tagCount = r.readUnsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.readUnsignedVarint();
      const size = r.readUnsignedVarint();
      r.need(size);
      const end = r.offset + size;
      if (tag === 0 && version >= 5) {
        f_topicConfigErrorCode = r.readInt16();
        r.endTagged(end, tag);
      } else {
        (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
      }
    }
  }
  return { name: f_name, topicId: f_topicId, errorCode: f_errorCode, errorMessage: f_errorMessage, topicConfigErrorCode: f_topicConfigErrorCode, numPartitions: f_numPartitions, replicationFactor: f_replicationFactor, configs: f_configs, unknownTaggedFields };
}

function writeCreateTopicsResponseCreatableTopicResult(w: Writer, version: number, flexible: boolean, m: CreateTopicsResponseCreatableTopicResult): void {
  if (m.name == null) encodeNotNullable('CreateTopicsResponseCreatableTopicResult.name', version);
  if (flexible) w.writeCompactString(m.name); else w.writeString(m.name);
  if (version >= 7) {
    if (m.topicId == null) encodeNotNullable('CreateTopicsResponseCreatableTopicResult.topicId', version);
    w.writeUuid(m.topicId);
  }
  w.writeInt16(m.errorCode);
  if (version >= 1) {
    if (flexible) w.writeCompactNullableString(m.errorMessage); else w.writeNullableString(m.errorMessage);
  }
  if (version >= 5) {
    w.writeInt32(m.numPartitions);
  }
  if (version >= 5) {
    w.writeInt16(m.replicationFactor);
  }
  if (version >= 5) {
    if (m.configs === null) {
      w.writeUnsignedVarint(0);
    } else {
      w.writeUnsignedVarint(m.configs.length + 1);
      for (const e of m.configs) {
        writeCreateTopicsResponseCreatableTopicConfigs(w, version, flexible, e);
      }
    }
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    let tagCount = unknown === undefined ? 0 : unknown.length;
    const t_topicConfigErrorCode = version >= 5 && !(m.topicConfigErrorCode === 0);
    if (t_topicConfigErrorCode) tagCount++;
    w.writeUnsignedVarint(tagCount);
    if (tagCount !== 0) {
      const known: PendingTag[] = [];
      if (t_topicConfigErrorCode) known.push({ tag: 0, write: (w) => {
        w.writeInt16(m.topicConfigErrorCode);
      } });
      writeTaggedFields(w, known, unknown);
    }
  }
}

function readCreateTopicsResponseCreatableTopicConfigs(r: Reader, version: number, flexible: boolean): CreateTopicsResponseCreatableTopicConfigs {
  let f_name: string = '';
  let f_value: string | null = null;
  let f_readOnly: boolean = false;
  let f_configSource: number = -1;
  let f_isSensitive: boolean = false;
  if (version >= 5) {
    f_name = r.readCompactString();
  }
  if (version >= 5) {
    f_value = r.readCompactNullableString();
  }
  if (version >= 5) {
    f_readOnly = r.readBool();
  }
  if (version >= 5) {
    f_configSource = r.readInt8();
  }
  if (version >= 5) {
    f_isSensitive = r.readBool();
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
  return { name: f_name, value: f_value, readOnly: f_readOnly, configSource: f_configSource, isSensitive: f_isSensitive, unknownTaggedFields };
}

function writeCreateTopicsResponseCreatableTopicConfigs(w: Writer, version: number, flexible: boolean, m: CreateTopicsResponseCreatableTopicConfigs): void {
  if (version >= 5) {
    if (m.name == null) encodeNotNullable('CreateTopicsResponseCreatableTopicConfigs.name', version);
    w.writeCompactString(m.name);
  }
  if (version >= 5) {
    w.writeCompactNullableString(m.value);
  }
  if (version >= 5) {
    w.writeBool(m.readOnly);
  }
  if (version >= 5) {
    w.writeInt8(m.configSource);
  }
  if (version >= 5) {
    w.writeBool(m.isSensitive);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
