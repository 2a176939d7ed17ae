// generated from protocol/kafka/DeleteTopicsRequest.json — do not edit (npm run generate)
// DeleteTopicsRequest (api key 20): versions 0-6, flexible 4-6

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { ZERO_UUID, decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface DeleteTopicsRequest {
  /** The topics to delete, by name or by id. (versions 6+) */
  topics: DeleteTopicsRequestDeleteTopicState[];
  /** The names of the topics to delete. (versions 0-5) */
  topicNames: string[];
  /** The length of time in ms to wait for the deletions to complete. (versions 0+) */
  timeoutMs: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface DeleteTopicsRequestDeleteTopicState {
  /** The topic name, or null when the id is used. (versions 6+, nullable 6+) */
  name: string | null;
  /** The unique topic id, or all zeros when the name is used. (versions 6+) */
  topicId: Buffer;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readDeleteTopicsRequest(r: Reader, version: number): DeleteTopicsRequest {
  if (version < 0 || version > 6) decodeBadVersion('DeleteTopicsRequest', version);
  const flexible = version >= 4;
  let f_topics: DeleteTopicsRequestDeleteTopicState[] = [];
  let f_topicNames: string[] = [];
  let f_timeoutMs: number;
  if (version >= 6) {
    {
      const n = r.readCompactArrayLength();
      if (n < 0) decodeNotNullable('DeleteTopicsRequest.topics', version);
      const a: DeleteTopicsRequestDeleteTopicState[] = [];
      for (let i = 0; i < n; i++) a.push(readDeleteTopicsRequestDeleteTopicState(r, version, flexible));
      f_topics = a;
    }
  }
  if (version <= 5) {
    {
      const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
      if (n < 0) decodeNotNullable('DeleteTopicsRequest.topicNames', version);
      const a: string[] = [];
      for (let i = 0; i < n; i++) a.push((flexible ? r.readCompactString() : r.readString()));
      f_topicNames = a;
    }
  }
  f_timeoutMs = r.readInt32();
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
  return { topics: f_topics, topicNames: f_topicNames, timeoutMs: f_timeoutMs, unknownTaggedFields };
}

export function writeDeleteTopicsRequest(w: Writer, version: number, m: DeleteTopicsRequest): void {
  if (version < 0 || version > 6) encodeBadVersion('DeleteTopicsRequest', version);
  const flexible = version >= 4;
  if (version >= 6) {
    if (m.topics == null) encodeNotNullable('DeleteTopicsRequest.topics', version);
    w.writeUnsignedVarint(m.topics.length + 1);
    for (const e of m.topics) {
      writeDeleteTopicsRequestDeleteTopicState(w, version, flexible, e);
    }
  }
  if (version <= 5) {
    if (m.topicNames == null) encodeNotNullable('DeleteTopicsRequest.topicNames', version);
    if (flexible) w.writeUnsignedVarint(m.topicNames.length + 1); else w.writeInt32(m.topicNames.length);
    for (const e of m.topicNames) {
      if (flexible) w.writeCompactString(e); else w.writeString(e);
    }
  }
  w.writeInt32(m.timeoutMs);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readDeleteTopicsRequestDeleteTopicState(r: Reader, version: number, flexible: boolean): DeleteTopicsRequestDeleteTopicState {
  let f_name: string | null = null;
  let f_topicId: Buffer = ZERO_UUID;
  if (version >= 6) {
    f_name = r.readCompactNullableString();
  }
  if (version >= 6) {
    f_topicId = r.readUuid();
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
  return { name: f_name, topicId: f_topicId, unknownTaggedFields };
}

function writeDeleteTopicsRequestDeleteTopicState(w: Writer, version: number, flexible: boolean, m: DeleteTopicsRequestDeleteTopicState): void {
  if (version >= 6) {
    w.writeCompactNullableString(m.name);
  }
  if (version >= 6) {
    if (m.topicId == null) encodeNotNullable('DeleteTopicsRequestDeleteTopicState.topicId', version);
    w.writeUuid(m.topicId);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
