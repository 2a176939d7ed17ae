// generated from protocol/canopy/RaftMessagesRequest.json — do not edit (npm run generate)
// RaftMessagesRequest (api key 30001): versions 0, flexible 0

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import type { TaggedField } from '../primitives/reader.js';
import type { PendingTag } from '../primitives/codec-support.js';
import { decodeNotNullable, decodeBadVersion, encodeNotNullable, encodeBadVersion, writeTaggedFields } from '../primitives/codec-support.js';

export interface RaftMessagesRequest {
  /** The groups, by topic. (versions 0+) */
  topics: RaftMessagesRequestTopicData[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface RaftMessagesRequestTopicData {
  /** The topic name. (versions 0+) */
  name: string;
  /** The groups of this topic, by partition. (versions 0+) */
  partitions: RaftMessagesRequestPartitionData[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface RaftMessagesRequestPartitionData {
  /** The partition index. (versions 0+) */
  partitionIndex: number;
  /** The messages for this group, in the order they were sent. (versions 0+) */
  messages: RaftMessagesRequestRaftMessage[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface RaftMessagesRequestRaftMessage {
  /** 0 app, 1 app-resp, 2 heartbeat, 3 heartbeat-resp, 4 vote, 5 vote-resp, 6 pre-vote, 7 pre-vote-resp, 8 snap, 9 timeout-now. (versions 0+) */
  type: number;
  /** The Raft id of the sender. (versions 0+) */
  from: number;
  /** The Raft id of the receiver. (versions 0+) */
  to: number;
  /** The sender's term (0 for local messages). (versions 0+) */
  term: number;
  /** The term at Index (app, vote), or of the reject hint (app-resp). (versions 0+) */
  logTerm: number;
  /** The boundary the entries follow (app), the matched or rejected index (app-resp), the last index (vote). (versions 0+) */
  index: number;
  /** The leader's commit index (app, heartbeat, timeout-now). (versions 0+) */
  commit: number;
  /** The log entries (app). (versions 0+) */
  entries: RaftMessagesRequestEntry[];
  /** The request was refused (app-resp, vote-resp, pre-vote-resp). (versions 0+, tag 0) */
  reject: boolean;
  /** A boundary of the follower's log, for fast backtracking (app-resp reject). (versions 0+, tag 1) */
  rejectHint: number;
  /** The read-index sequence (heartbeat, heartbeat-resp). (versions 0+, tag 2) */
  context: number;
  /** The vote was caused by a leadership transfer (vote, pre-vote). (versions 0+, tag 3) */
  transfer: boolean;
  /** The new log start (snap), or null. (versions 0+, tag 4, nullable 0+) */
  snapshot: RaftMessagesRequestSnapshotMeta | null;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface RaftMessagesRequestEntry {
  /** The first offset the entry occupies. (versions 0+) */
  index: number;
  /** How many offsets the entry occupies (the records of its batch). (versions 0+) */
  count: number;
  /** The term of the leader that created the entry (the batch's partition leader epoch). (versions 0+) */
  term: number;
  /** 0 normal, 1 leader no-op, 2 config. (versions 0+) */
  type: number;
  /** The entry's bytes: a whole RecordBatch for a normal entry. (versions 0+) */
  data: Buffer;
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export interface RaftMessagesRequestSnapshotMeta {
  /** The last index the snapshot covers. (versions 0+) */
  index: number;
  /** The term of that index. (versions 0+) */
  term: number;
  /** The Raft ids of the voters as of that index. (versions 0+) */
  voters: number[];
  /** The Raft ids of the non-voters as of that index. (versions 0+) */
  nonVoters: number[];
  /** Tagged fields this codec does not know, kept to be written back. */
  unknownTaggedFields?: TaggedField[] | undefined;
}

export function readRaftMessagesRequest(r: Reader, version: number): RaftMessagesRequest {
  if (version < 0 || version > 0) decodeBadVersion('RaftMessagesRequest', version);
  const flexible = true;
  let f_topics: RaftMessagesRequestTopicData[];
  {
    const n = r.readCompactArrayLength();
    if (n < 0) decodeNotNullable('RaftMessagesRequest.topics', version);
    const a: RaftMessagesRequestTopicData[] = [];
    for (let i = 0; i < n; i++) a.push(readRaftMessagesRequestTopicData(r, version, flexible));
    f_topics = a;
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { topics: f_topics, unknownTaggedFields };
}

export function writeRaftMessagesRequest(w: Writer, version: number, m: RaftMessagesRequest): void {
  if (version < 0 || version > 0) encodeBadVersion('RaftMessagesRequest', version);
  const flexible = true;
  if (m.topics == null) encodeNotNullable('RaftMessagesRequest.topics', version);
  w.writeUnsignedVarint(m.topics.length + 1);
  for (const e of m.topics) {
    writeRaftMessagesRequestTopicData(w, version, flexible, e);
  }
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}

function readRaftMessagesRequestTopicData(r: Reader, version: number, flexible: boolean): RaftMessagesRequestTopicData {
  let f_name: string;
  let f_partitions: RaftMessagesRequestPartitionData[];
  f_name = r.readCompactString();
  {
    const n = r.readCompactArrayLength();
    if (n < 0) decodeNotNullable('RaftMessagesRequestTopicData.partitions', version);
    const a: RaftMessagesRequestPartitionData[] = [];
    for (let i = 0; i < n; i++) a.push(readRaftMessagesRequestPartitionData(r, version, flexible));
    f_partitions = a;
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { name: f_name, partitions: f_partitions, unknownTaggedFields };
}

function writeRaftMessagesRequestTopicData(w: Writer, version: number, flexible: boolean, m: RaftMessagesRequestTopicData): void {
  if (m.name == null) encodeNotNullable('RaftMessagesRequestTopicData.name', version);
  w.writeCompactString(m.name);
  if (m.partitions == null) encodeNotNullable('RaftMessagesRequestTopicData.partitions', version);
  w.writeUnsignedVarint(m.partitions.length + 1);
  for (const e of m.partitions) {
    writeRaftMessagesRequestPartitionData(w, version, flexible, e);
  }
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}

function readRaftMessagesRequestPartitionData(r: Reader, version: number, flexible: boolean): RaftMessagesRequestPartitionData {
  let f_partitionIndex: number;
  let f_messages: RaftMessagesRequestRaftMessage[];
  f_partitionIndex = r.readInt32();
  {
    const n = r.readCompactArrayLength();
    if (n < 0) decodeNotNullable('RaftMessagesRequestPartitionData.messages', version);
    const a: RaftMessagesRequestRaftMessage[] = [];
    for (let i = 0; i < n; i++) a.push(readRaftMessagesRequestRaftMessage(r, version, flexible));
    f_messages = a;
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { partitionIndex: f_partitionIndex, messages: f_messages, unknownTaggedFields };
}

function writeRaftMessagesRequestPartitionData(w: Writer, version: number, flexible: boolean, m: RaftMessagesRequestPartitionData): void {
  w.writeInt32(m.partitionIndex);
  if (m.messages == null) encodeNotNullable('RaftMessagesRequestPartitionData.messages', version);
  w.writeUnsignedVarint(m.messages.length + 1);
  for (const e of m.messages) {
    writeRaftMessagesRequestRaftMessage(w, version, flexible, e);
  }
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}

function readRaftMessagesRequestRaftMessage(r: Reader, version: number, flexible: boolean): RaftMessagesRequestRaftMessage {
  let f_type: number;
  let f_from: number;
  let f_to: number;
  let f_term: number;
  let f_logTerm: number;
  let f_index: number;
  let f_commit: number;
  let f_entries: RaftMessagesRequestEntry[];
  let f_reject: boolean = false;
  let f_rejectHint: number = -1;
  let f_context: number = 0;
  let f_transfer: boolean = false;
  let f_snapshot: RaftMessagesRequestSnapshotMeta | null = null;
  f_type = r.readInt8();
  f_from = r.readInt32();
  f_to = r.readInt32();
  f_term = r.readInt64();
  f_logTerm = r.readInt64();
  f_index = r.readInt64();
  f_commit = r.readInt64();
  {
    const n = r.readCompactArrayLength();
    if (n < 0) decodeNotNullable('RaftMessagesRequestRaftMessage.entries', version);
    const a: RaftMessagesRequestEntry[] = [];
    for (let i = 0; i < n; i++) a.push(readRaftMessagesRequestEntry(r, version, flexible));
    f_entries = a;
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    const end = r.offset + size;
    if (tag === 0) {
      f_reject = r.readBool();
      r.endTagged(end, tag);
    } else if (tag === 1) {
      f_rejectHint = r.readInt64();
      r.endTagged(end, tag);
    } else if (tag === 2) {
      f_context = r.readInt64();
      r.endTagged(end, tag);
    } else if (tag === 3) {
      f_transfer = r.readBool();
      r.endTagged(end, tag);
    } else if (tag === 4) {
      f_snapshot = (r.readInt8() < 0 ? null : readRaftMessagesRequestSnapshotMeta(r, version, flexible));
      r.endTagged(end, tag);
    } else {
      (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
    }
  }
  return { type: f_type, from: f_from, to: f_to, term: f_term, logTerm: f_logTerm, index: f_index, commit: f_commit, entries: f_entries, reject: f_reject, rejectHint: f_rejectHint, context: f_context, transfer: f_transfer, snapshot: f_snapshot, unknownTaggedFields };
}

function writeRaftMessagesRequestRaftMessage(w: Writer, version: number, flexible: boolean, m: RaftMessagesRequestRaftMessage): void {
  w.writeInt8(m.type);
  w.writeInt32(m.from);
  w.writeInt32(m.to);
  w.writeInt64(m.term);
  w.writeInt64(m.logTerm);
  w.writeInt64(m.index);
  w.writeInt64(m.commit);
  if (m.entries == null) encodeNotNullable('RaftMessagesRequestRaftMessage.entries', version);
  w.writeUnsignedVarint(m.entries.length + 1);
  for (const e of m.entries) {
    writeRaftMessagesRequestEntry(w, version, flexible, e);
  }
  const unknown = m.unknownTaggedFields;
  let tagCount = unknown === undefined ? 0 : unknown.length;
  const t_reject = !(m.reject === false);
  if (t_reject) tagCount++;
  const t_rejectHint = !(m.rejectHint === -1);
  if (t_rejectHint) tagCount++;
  const t_context = !(m.context === 0);
  if (t_context) tagCount++;
  const t_transfer = !(m.transfer === false);
  if (t_transfer) tagCount++;
  const t_snapshot = !(m.snapshot === null);
  if (t_snapshot) tagCount++;
  w.writeUnsignedVarint(tagCount);
  if (tagCount !== 0) {
    const known: PendingTag[] = [];
    if (t_reject) known.push({ tag: 0, write: (w) => {
      w.writeBool(m.reject);
    } });
    if (t_rejectHint) known.push({ tag: 1, write: (w) => {
      w.writeInt64(m.rejectHint);
    } });
    if (t_context) known.push({ tag: 2, write: (w) => {
      w.writeInt64(m.context);
    } });
    if (t_transfer) known.push({ tag: 3, write: (w) => {
      w.writeBool(m.transfer);
    } });
    if (t_snapshot) known.push({ tag: 4, write: (w) => {
      if (m.snapshot === null) w.writeInt8(-1);
      else {
        w.writeInt8(1);
        writeRaftMessagesRequestSnapshotMeta(w, version, flexible, m.snapshot);
      }
    } });
    writeTaggedFields(w, known, unknown);
  }
}

function readRaftMessagesRequestEntry(r: Reader, _version: number, _flexible: boolean): RaftMessagesRequestEntry {
  let f_index: number;
  let f_count: number;
  let f_term: number;
  let f_type: number;
  let f_data: Buffer;
  f_index = r.readInt64();
  f_count = r.readInt32();
  f_term = r.readInt64();
  f_type = r.readInt8();
  f_data = r.readCompactBytes();
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { index: f_index, count: f_count, term: f_term, type: f_type, data: f_data, unknownTaggedFields };
}

function writeRaftMessagesRequestEntry(w: Writer, version: number, _flexible: boolean, m: RaftMessagesRequestEntry): void {
  w.writeInt64(m.index);
  w.writeInt32(m.count);
  w.writeInt64(m.term);
  w.writeInt8(m.type);
  if (m.data == null) encodeNotNullable('RaftMessagesRequestEntry.data', version);
  w.writeCompactBytes(m.data);
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}

function readRaftMessagesRequestSnapshotMeta(r: Reader, version: number, _flexible: boolean): RaftMessagesRequestSnapshotMeta {
  let f_index: number;
  let f_term: number;
  let f_voters: number[];
  let f_nonVoters: number[];
  f_index = r.readInt64();
  f_term = r.readInt64();
  {
    const n = r.readCompactArrayLength();
    if (n < 0) decodeNotNullable('RaftMessagesRequestSnapshotMeta.voters', version);
    const a: number[] = [];
    for (let i = 0; i < n; i++) a.push(r.readInt32());
    f_voters = a;
  }
  {
    const n = r.readCompactArrayLength();
    if (n < 0) decodeNotNullable('RaftMessagesRequestSnapshotMeta.nonVoters', version);
    const a: number[] = [];
    for (let i = 0; i < n; i++) a.push(r.readInt32());
    f_nonVoters = a;
  }
  let unknownTaggedFields: TaggedField[] | undefined;
  const tagCount = r.readUnsignedVarint();
  for (let t = 0; t < tagCount; t++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    r.need(size);
    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });
  }
  return { index: f_index, term: f_term, voters: f_voters, nonVoters: f_nonVoters, unknownTaggedFields };
}

function writeRaftMessagesRequestSnapshotMeta(w: Writer, version: number, _flexible: boolean, m: RaftMessagesRequestSnapshotMeta): void {
  w.writeInt64(m.index);
  w.writeInt64(m.term);
  if (m.voters == null) encodeNotNullable('RaftMessagesRequestSnapshotMeta.voters', version);
  w.writeUnsignedVarint(m.voters.length + 1);
  for (const e of m.voters) {
    w.writeInt32(e);
  }
  if (m.nonVoters == null) encodeNotNullable('RaftMessagesRequestSnapshotMeta.nonVoters', version);
  w.writeUnsignedVarint(m.nonVoters.length + 1);
  for (const e of m.nonVoters) {
    w.writeInt32(e);
  }
  const unknown = m.unknownTaggedFields;
  const tagCount = unknown === undefined ? 0 : unknown.length;
  w.writeUnsignedVarint(tagCount);
  if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);
}
