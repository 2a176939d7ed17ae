// generated from protocol/kafka/ApiVersionsResponse.json — do not edit (npm run generate)
// ApiVersionsResponse (api key 18): versions 0-4, flexible 3-4

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import type { PendingTag } from '../primitives/codec-support.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion, writeTaggedFields } from '../primitives/codec-support.js';

export interface ApiVersionsResponse {
  /** The top-level error code. (versions 0+) */
  errorCode: number;
  /** The APIs the broker supports. (versions 0+) */
  apiKeys: ApiVersionsResponseApiKeys[];
  /** The duration in ms for which the request was throttled due to a quota violation, or 0. (versions 1+) */
  throttleTimeMs: number;
  /** Features the broker supports. (versions 3+, tag 0) */
  supportedFeatures: ApiVersionsResponseSupportedFeatures[];
  /** The epoch of the finalized features, or -1. (versions 3+, tag 1) */
  finalizedFeaturesEpoch: number;
  /** Cluster-wide finalized features. (versions 3+, tag 2) */
  finalizedFeatures: ApiVersionsResponseFinalizedFeatures[];
  /** Set by a KRaft controller that is ready for a ZooKeeper migration. (versions 3+, tag 3) */
  zkMigrationReady: boolean;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface ApiVersionsResponseApiKeys {
  /** The API key. (versions 0+) */
  apiKey: number;
  /** The lowest supported version. (versions 0+) */
  minVersion: number;
  /** The highest supported version. (versions 0+) */
  maxVersion: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface ApiVersionsResponseSupportedFeatures {
  /** The feature name. (versions 3+) */
  name: string;
  /** The lowest supported version of the feature. (versions 3+) */
  minVersion: number;
  /** The highest supported version of the feature. (versions 3+) */
  maxVersion: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface ApiVersionsResponseFinalizedFeatures {
  /** The feature name. (versions 3+) */
  name: string;
  /** The finalized highest version level. (versions 3+) */
  maxVersionLevel: number;
  /** The finalized lowest version level. (versions 3+) */
  minVersionLevel: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readApiVersionsResponse(r: Reader, version: number): ApiVersionsResponse {
  if (version < 0 || version > 4) decodeBadVersion('ApiVersionsResponse', version);
  const flexible = version >= 3;
  let f_errorCode: number;
  let f_apiKeys: ApiVersionsResponseApiKeys[];
  let f_throttleTimeMs: number = 0;
  let f_supportedFeatures: ApiVersionsResponseSupportedFeatures[] = [];
  let f_finalizedFeaturesEpoch: number = -1;
  let f_finalizedFeatures: ApiVersionsResponseFinalizedFeatures[] = [];
  let f_zkMigrationReady: boolean = false;
  f_errorCode = r.readInt16();
  {
    const n = (flexible ? r.readCompactArrayLength() : r.readArrayLength());
    if (n < 0) decodeNotNullable('ApiVersionsResponse.apiKeys', version);
    const a: ApiVersionsResponseApiKeys[] = [];
    for (let i = 0; i < n; i++) a.push(readApiVersionsResponseApiKeys(r, version, flexible));
    f_apiKeys = a;
  }
  if (version >= 1) {
    f_throttleTimeMs = r.readInt32();
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  if (flexible) {
    const tagCount = r.readUnsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.readUnsignedVarint();
      const size = r.readUnsignedVarint();
      r.need(size);
      const end = r.offset + size;
      if (tag === 0 && version >= 3) {
        {
          const n = r.readCompactArrayLength();
          if (n < 0) decodeNotNullable('ApiVersionsResponse.supportedFeatures', version);
          const a: ApiVersionsResponseSupportedFeatures[] = [];
          for (let i = 0; i < n; i++) a.push(readApiVersionsResponseSupportedFeatures(r, version, flexible));
          f_supportedFeatures = a;
        }
        r.endTagged(end, tag);
      } else if (tag === 1 && version >= 3) {
        f_finalizedFeaturesEpoch = r.readInt64();
        r.endTagged(end, tag);
      } else if (tag === 2 && version >= 3) {
        {
          const n = r.readCompactArrayLength();
          if (n < 0) decodeNotNullable('ApiVersionsResponse.finalizedFeatures', version);
          const a: ApiVersionsResponseFinalizedFeatures[] = [];
          for (let i = 0; i < n; i++) a.push(readApiVersionsResponseFinalizedFeatures(r, version, flexible));
          f_finalizedFeatures = a;
        }
        r.endTagged(end, tag);
      } else if (tag === 3 && version >= 3) {
        f_zkMigrationReady = r.readBool();
        r.endTagged(end, tag);
      } else {
        (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
      }
    }
  }
  return { errorCode: f_errorCode, apiKeys: f_apiKeys, throttleTimeMs: f_throttleTimeMs, supportedFeatures: f_supportedFeatures, finalizedFeaturesEpoch: f_finalizedFeaturesEpoch, finalizedFeatures: f_finalizedFeatures, zkMigrationReady: f_zkMigrationReady, unknownTaggedFields };
}

export function writeApiVersionsResponse(w: Writer, version: number, m: ApiVersionsResponse): void {
  if (version < 0 || version > 4) encodeBadVersion('ApiVersionsResponse', version);
  const flexible = version >= 3;
  w.writeInt16(m.errorCode);
  if (m.apiKeys == null) encodeNotNullable('ApiVersionsResponse.apiKeys', version);
  if (flexible) w.writeUnsignedVarint(m.apiKeys.length + 1); else w.writeInt32(m.apiKeys.length);
  for (const e of m.apiKeys) {
    writeApiVersionsResponseApiKeys(w, version, flexible, e);
  }
  if (version >= 1) {
    w.writeInt32(m.throttleTimeMs);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    let tagCount = unknown === undefined ? 0 : unknown.length;
    const t_supportedFeatures = version >= 3 && !(m.supportedFeatures.length === 0);
    if (t_supportedFeatures) tagCount++;
    const t_finalizedFeaturesEpoch = version >= 3 && !(m.finalizedFeaturesEpoch === -1);
    if (t_finalizedFeaturesEpoch) tagCount++;
    const t_finalizedFeatures = version >= 3 && !(m.finalizedFeatures.length === 0);
    if (t_finalizedFeatures) tagCount++;
    const t_zkMigrationReady = version >= 3 && !(m.zkMigrationReady === false);
    if (t_zkMigrationReady) tagCount++;
    w.writeUnsignedVarint(tagCount);
    if (tagCount !== 0) {
      const known: PendingTag[] = [];
      if (t_supportedFeatures) known.push({ tag: 0, write: (w) => {
        if (m.supportedFeatures == null) encodeNotNullable('ApiVersionsResponse.supportedFeatures', version);
        w.writeUnsignedVarint(m.supportedFeatures.length + 1);
        for (const e of m.supportedFeatures) {
          writeApiVersionsResponseSupportedFeatures(w, version, flexible, e);
        }
      } });
      if (t_finalizedFeaturesEpoch) known.push({ tag: 1, write: (w) => {
        w.writeInt64(m.finalizedFeaturesEpoch);
      } });
      if (t_finalizedFeatures) known.push({ tag: 2, write: (w) => {
        if (m.finalizedFeatures == null) encodeNotNullable('ApiVersionsResponse.finalizedFeatures', version);
        w.writeUnsignedVarint(m.finalizedFeatures.length + 1);
        for (const e of m.finalizedFeatures) {
          writeApiVersionsResponseFinalizedFeatures(w, version, flexible, e);
        }
      } });
      if (t_zkMigrationReady) known.push({ tag: 3, write: (w) => {
        w.writeBool(m.zkMigrationReady);
      } });
      writeTaggedFields(w, known, unknown);
    }
  }
}

function readApiVersionsResponseApiKeys(r: Reader, _version: number, flexible: boolean): ApiVersionsResponseApiKeys {
  let f_apiKey: number;
  let f_minVersion: number;
  let f_maxVersion: number;
  f_apiKey = r.readInt16();
  f_minVersion = r.readInt16();
  f_maxVersion = r.readInt16();
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
  return { apiKey: f_apiKey, minVersion: f_minVersion, maxVersion: f_maxVersion, unknownTaggedFields };
}

function writeApiVersionsResponseApiKeys(w: Writer, _version: number, flexible: boolean, m: ApiVersionsResponseApiKeys): void {
  w.writeInt16(m.apiKey);
  w.writeInt16(m.minVersion);
  w.writeInt16(m.maxVersion);
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readApiVersionsResponseSupportedFeatures(r: Reader, version: number, flexible: boolean): ApiVersionsResponseSupportedFeatures {
  let f_name: string = '';
  let f_minVersion: number = 0;
  let f_maxVersion: number = 0;
  if (version >= 3) {
    f_name = r.readCompactString();
  }
  if (version >= 3) {
    f_minVersion = r.readInt16();
  }
  if (version >= 3) {
    f_maxVersion = r.readInt16();
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
  return { name: f_name, minVersion: f_minVersion, maxVersion: f_maxVersion, unknownTaggedFields };
}

function writeApiVersionsResponseSupportedFeatures(w: Writer, version: number, flexible: boolean, m: ApiVersionsResponseSupportedFeatures): void {
  if (version >= 3) {
    if (m.name == null) encodeNotNullable('ApiVersionsResponseSupportedFeatures.name', version);
    w.writeCompactString(m.name);
  }
  if (version >= 3) {
    w.writeInt16(m.minVersion);
  }
  if (version >= 3) {
    w.writeInt16(m.maxVersion);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}

function readApiVersionsResponseFinalizedFeatures(r: Reader, version: number, flexible: boolean): ApiVersionsResponseFinalizedFeatures {
  let f_name: string = '';
  let f_maxVersionLevel: number = 0;
  let f_minVersionLevel: number = 0;
  if (version >= 3) {
    f_name = r.readCompactString();
  }
  if (version >= 3) {
    f_maxVersionLevel = r.readInt16();
  }
  if (version >= 3) {
    f_minVersionLevel = r.readInt16();
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
  return { name: f_name, maxVersionLevel: f_maxVersionLevel, minVersionLevel: f_minVersionLevel, unknownTaggedFields };
}

function writeApiVersionsResponseFinalizedFeatures(w: Writer, version: number, flexible: boolean, m: ApiVersionsResponseFinalizedFeatures): void {
  if (version >= 3) {
    if (m.name == null) encodeNotNullable('ApiVersionsResponseFinalizedFeatures.name', version);
    w.writeCompactString(m.name);
  }
  if (version >= 3) {
    w.writeInt16(m.maxVersionLevel);
  }
  if (version >= 3) {
    w.writeInt16(m.minVersionLevel);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
