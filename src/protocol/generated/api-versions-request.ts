// generated from protocol/kafka/ApiVersionsRequest.json — do not edit (npm run generate)
// ApiVersionsRequest (api key 18): versions 0-4, flexible 3-4

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface ApiVersionsRequest {
  /** The name of the client library, e.g. apache-kafka-java. (versions 3+) */
  clientSoftwareName: string;
  /** The version of the client library. (versions 3+) */
  clientSoftwareVersion: string;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readApiVersionsRequest(r: Reader, version: number): ApiVersionsRequest {
  if (version < 0 || version > 4) decodeBadVersion('ApiVersionsRequest', version);
  const flexible = version >= 3;
  let f_clientSoftwareName: string = '';
  let f_clientSoftwareVersion: string = '';
  if (version >= 3) {
    f_clientSoftwareName = r.readCompactString();
  }
  if (version >= 3) {
    f_clientSoftwareVersion = r.readCompactString();
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
  return { clientSoftwareName: f_clientSoftwareName, clientSoftwareVersion: f_clientSoftwareVersion, unknownTaggedFields };
}

export function writeApiVersionsRequest(w: Writer, version: number, m: ApiVersionsRequest): void {
  if (version < 0 || version > 4) encodeBadVersion('ApiVersionsRequest', version);
  const flexible = version >= 3;
  if (version >= 3) {
    if (m.clientSoftwareName == null) encodeNotNullable('ApiVersionsRequest.clientSoftwareName', version);
    w.writeCompactString(m.clientSoftwareName);
  }
  if (version >= 3) {
    if (m.clientSoftwareVersion == null) encodeNotNullable('ApiVersionsRequest.clientSoftwareVersion', version);
    w.writeCompactString(m.clientSoftwareVersion);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
