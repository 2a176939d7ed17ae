// generated from protocol/kafka/MetadataRequest.json — do not edit (npm run generate)
// MetadataRequest (api key 3): versions 0-12, flexible 9-12

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { ZERO_UUID, decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface MetadataRequest {
  /** The topics to describe; null for all topics (v1+), empty for all (v0) or none (v1+). (versions 0+, nullable 1+) */
  topics: MetadataRequestTopics[] | null;
  /** Whether the broker may create the requested topics that do not exist. (versions 4+) */
  allowAutoTopicCreation: boolean;
  /** Whether to include the cluster's authorized operations. (versions 8-10) */
  includeClusterAuthorizedOperations: boolean;
  /** Whether to include each topic's authorized operations. (versions 8+) */
  includeTopicAuthorizedOperations: boolean;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface MetadataRequestTopics {
  /** The topic id, or the zero uuid to look the topic up by name. (versions 10+) */
  topicId: Buffer;
  /** The topic name, or null to look the topic up by id. (versions 0+, nullable 10+) */
  name: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readMetadataRequest(r: Reader, version: number): MetadataRequest {
  if (version < 0 || version > 12) decodeBadVersion('MetadataRequest', version);
  const flexible = version >= 9;
  let f_topics: MetadataRequestTopics[] | null;
  let f_allowAutoTopicCreation: boolean = true;
  let f_includeClusterAuthorizedOperations: boolean = false;
  let f_includeTopicAuthorizedOperations: boolean = false;
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) {
      f_topics = null;
      if (!(version >= 1)) decodeNotNullable('MetadataRequest.topics', version);
    } else {
      const a: MetadataRequestTopics[] = [];
      for (let i = 0; i < n; i++) a.push(readMetadataRequestTopics(r, version, flexible));
      f_topics = a;
    }
  }
  if (version >= 4) {
    f_allowAutoTopicCreation = r.readBool();
  }
  if (version >= 8 && version <= 10) {
    f_includeClusterAuthorizedOperations = r.readBool();
  }
  if (version >= 8) {
    f_includeTopicAuthorizedOperations = r.readBool();
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
  return { topics: f_topics, allowAutoTopicCreation: f_allowAutoTopicCreation, includeClusterAuthorizedOperations: f_includeClusterAuthorizedOperations, includeTopicAuthorizedOperations: f_includeTopicAuthorizedOperations, unknownTaggedFields };
}

export function writeMetadataRequest(w: Writer, version: number, m: MetadataRequest): void {
  if (version < 0 || version > 12) encodeBadVersion('MetadataRequest', version);
  const flexible = version >= 9;
  if (m.topics === null && !(version >= 1)) encodeNotNullable('MetadataRequest.topics', version);
  if (m.topics === null) {
    if (flexible) w.writeUnsignedVarint(0); else w.writeInt32(-1);
  } else {
    if (flexible) w.writeUnsignedVarint(m.topics.length + 1); else w.writeInt32(m.topics.length);
    for (const e of m.topics) {
      writeMetadataRequestTopics(w, version, flexible, e);
    }
  }
  if (version >= 4) {
    w.writeBool(m.allowAutoTopicCreation);
  }
  if (version >= 8 && version <= 10) {
    w.writeBool(m.includeClusterAuthorizedOperations);
  }
  if (version >= 8) {
    w.writeBool(m.includeTopicAuthorizedOperations);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readMetadataRequestTopics(r: Reader, version: number, flexible: boolean): MetadataRequestTopics {
  let f_topicId: Buffer = ZERO_UUID;
  let f_name: string | null;
  if (version >= 10) {
    f_topicId = r.readUuid();
  }
  f_name = (flexible ? r.readCompactNullableString() : r.readNullableString());
  if (f_name === null && !(version >= 10)) decodeNotNullable('MetadataRequestTopics.name', version);
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
  return { topicId: f_topicId, name: f_name, unknownTaggedFields };
}

function writeMetadataRequestTopics(w: Writer, version: number, flexible: boolean, m: MetadataRequestTopics): void {
  if (version >= 10) {
    if (m.topicId == null) encodeNotNullable('MetadataRequestTopics.topicId', version);
    w.writeUuid(m.topicId);
  }
  if (m.name === null && !(version >= 10)) encodeNotNullable('MetadataRequestTopics.name', version);
  if (flexible) w.writeCompactNullableString(m.name); else w.writeNullableString(m.name);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
