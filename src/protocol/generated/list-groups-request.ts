// generated from protocol/kafka/ListGroupsRequest.json — do not edit (npm run generate)
// ListGroupsRequest (api key 16): versions 0-5, flexible 3-5

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion } from '../primitives/codec-support.js';

export interface ListGroupsRequest {
  /** The states of the groups to list; empty lists all groups. (versions 4+) */
  statesFilter: string[];
  /** The types of the groups to list; empty lists all groups. (versions 5+) */
  typesFilter: string[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readListGroupsRequest(r: Reader, version: number): ListGroupsRequest {
  if (version < 0 || version > 5) decodeBadVersion('ListGroupsRequest', version);
  const flexible = version >= 3;
  let f_statesFilter: string[] = [];
  let f_typesFilter: string[] = [];
  if (version >= 4) {
    {
      const n = r.readCompactArrayLength();
      if (n < 0) decodeNotNullable('ListGroupsRequest.statesFilter', version);
      const a: string[] = [];
      for (let i = 0; i < n; i++) a.push(r.readCompactString());
      f_statesFilter = a;
    }
  }
  if (version >= 5) {
    {
      const n = r.readCompactArrayLength();
      if (n < 0) decodeNotNullable('ListGroupsRequest.typesFilter', version);
      const a: string[] = [];
      for (let i = 0; i < n; i++) a.push(r.readCompactString());
      f_typesFilter = a;
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
  return { statesFilter: f_statesFilter, typesFilter: f_typesFilter, unknownTaggedFields };
}

export function writeListGroupsRequest(w: Writer, version: number, m: ListGroupsRequest): void {
  if (version < 0 || version > 5) encodeBadVersion('ListGroupsRequest', version);
  const flexible = version >= 3;
  if (version >= 4) {
    if (m.statesFilter == null) encodeNotNullable('ListGroupsRequest.statesFilter', version);
    w.writeUnsignedVarint(m.statesFilter.length + 1);
    for (const e of m.statesFilter) {
      w.writeCompactString(e);
    }
  }
  if (version >= 5) {
    if (m.typesFilter == null) encodeNotNullable('ListGroupsRequest.typesFilter', version);
    w.writeUnsignedVarint(m.typesFilter.length + 1);
    for (const e of m.typesFilter) {
      w.writeCompactString(e);
    }
  }
  if (flexible) {
    const unknown = m.unknownTaggedFields;
    const tagCount = unknown === undefined ? 0 : unknown.length;
    w.writeUnsignedVarint(tagCount);
    if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
  }
}
