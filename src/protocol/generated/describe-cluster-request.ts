// generated from protocol/kafka/DescribeClusterRequest.json — do not edit (npm run generate)
// DescribeClusterRequest (api key 60): versions 0-1, flexible 0-1

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeBadVersion } from '../primitives/codec-support.js';

export interface DescribeClusterRequest {
  /** Whether to include cluster authorized operations. (versions 0+) */
  includeClusterAuthorizedOperations: boolean;
  /** The endpoint type to describe: 1 = brokers, 2 = controllers. (versions 1+) */
  endpointType: number;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readDescribeClusterRequest(r: Reader, version: number): DescribeClusterRequest {
  if (version < 0 || version > 1) decodeBadVersion('DescribeClusterRequest', version);
  let f_includeClusterAuthorizedOperations: boolean;
  let f_endpointType: number = 1;
  f_includeClusterAuthorizedOperations = r.readBool();
  if (version >= 1) {
    f_endpointType = r.readInt8();
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { includeClusterAuthorizedOperations: f_includeClusterAuthorizedOperations, endpointType: f_endpointType, unknownTaggedFields };
}

export function writeDescribeClusterRequest(w: Writer, version: number, m: DescribeClusterRequest): void {
  if (version < 0 || version > 1) encodeBadVersion('DescribeClusterRequest', version);
  w.writeBool(m.includeClusterAuthorizedOperations);
  if (version >= 1) {
    w.writeInt8(m.endpointType);
  }
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}
