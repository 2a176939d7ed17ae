// generated from protocol/kafka/HeartbeatRequest.json — do not edit (npm run generate)
// HeartbeatRequest (api key 12): versions 0-4, flexible 4

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface HeartbeatRequest {
  /** The group id. (versions 0+) */
  groupId: string;
  /** The generation of the group. (versions 0+) */
  generationId: number;
  /** The member id. (versions 0+) */
  memberId: string;
  /** The unique identifier of the consumer instance provided by the end user, or null. (versions 3+, nullable 3+) */
  groupInstanceId: string | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readHeartbeatRequest(r: Reader, version: number): HeartbeatRequest {
  if (version < 0 || version > 4) decodeBadVersion('HeartbeatRequest', version);
  const flexible = version >= 4;
  let f_groupId: string;
  let f_generationId: number;
  let f_memberId: string;
  let f_groupInstanceId: string | null = null;
  f_groupId = (flexible ? r.readCompactString() : r.readString());
  f_generationId = r.readInt32();
  f_memberId = (flexible ? r.readCompactString() : r.readString());
  if (version >= 3) {
    f_groupInstanceId = (flexible ? r.readCompactNullableString() : r.readNullableString());
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
  return { groupId: f_groupId, generationId: f_generationId, memberId: f_memberId, groupInstanceId: f_groupInstanceId, unknownTaggedFields };
}

export function writeHeartbeatRequest(w: Writer, version: number, m: HeartbeatRequest): void {
  if (version < 0 || version > 4) encodeBadVersion('HeartbeatRequest', version);
  const flexible = version >= 4;
  if (m.groupId == null) encodeNotNullable('HeartbeatRequest.groupId', version);
  if (flexible) w.writeCompactString(m.groupId); else w.writeString(m.groupId);
  w.writeInt32(m.generationId);
  if (m.memberId == null) encodeNotNullable('HeartbeatRequest.memberId', version);
  if (flexible) w.writeCompactString(m.memberId); else w.writeString(m.memberId);
  if (version >= 3) {
    if (flexible) w.writeCompactNullableString(m.groupInstanceId); else w.writeNullableString(m.groupInstanceId);
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
