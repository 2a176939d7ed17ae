/**
 * Raft messages ↔ the RaftMessages request (protocol/canopy/RaftMessagesRequest.json). The core's
 * `Message` keeps its type as a string; the wire carries a small integer. Entry data stays the
 * same bytes both ways: writing appends it by reference, reading returns a subarray of the frame.
 */
import type { Entry, Message, MessageType, SnapshotMeta } from '../../raft/messages.js';
import type { EntryType } from '../../raft/messages.js';
import type {
  RaftMessagesRequest,
  RaftMessagesRequestEntry,
  RaftMessagesRequestRaftMessage,
  RaftMessagesRequestSnapshotMeta,
} from '../../protocol/generated/raft-messages-request.js';
import { ProtocolDecodeError } from '../../protocol/primitives/reader.js';

/** Wire code of each message type; the order is the spec's and must never change. */
const TYPE_CODES: readonly MessageType[] = [
  'app', 'app-resp', 'heartbeat', 'heartbeat-resp', 'vote', 'vote-resp', 'pre-vote', 'pre-vote-resp', 'snap', 'timeout-now',
];
const CODE_OF = new Map(TYPE_CODES.map((type, code) => [type, code]));
/** EntryType.Normal, LeaderNoop, Config. */
const ENTRY_TYPE_MAX = 2;

/** Bytes a message is charged for beyond its entries' data, to bound queues and frames. */
export const MESSAGE_OVERHEAD_BYTES = 64;

export function messageBytes(m: Message): number {
  let bytes = MESSAGE_OVERHEAD_BYTES;
  for (const e of m.entries) bytes += e.data.byteLength + MESSAGE_OVERHEAD_BYTES;
  return bytes;
}

function toWireSnapshot(s: SnapshotMeta): RaftMessagesRequestSnapshotMeta {
  return { index: s.index, term: s.term, voters: [...s.confState.voters], nonVoters: [...s.confState.nonVoters] };
}

function toWireEntry(e: Entry): RaftMessagesRequestEntry {
  const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength);
  return { index: e.index, count: e.count, term: e.term, type: e.type, data };
}

export function toWireMessage(m: Message): RaftMessagesRequestRaftMessage {
  return {
    type: CODE_OF.get(m.type)!,
    from: m.from,
    to: m.to,
    term: m.term,
    logTerm: m.logTerm,
    index: m.index,
    commit: m.commit,
    entries: m.entries.map(toWireEntry),
    reject: m.reject,
    rejectHint: m.rejectHint,
    context: m.context,
    transfer: m.transfer,
    snapshot: m.snapshot === null ? null : toWireSnapshot(m.snapshot),
  };
}

/** A decoded wire message as the core's Message; throws ProtocolDecodeError on a value no sender writes. */
export function fromWireMessage(w: RaftMessagesRequestRaftMessage): Message {
  const type = TYPE_CODES[w.type];
  if (type === undefined) throw new ProtocolDecodeError(`unknown Raft message type ${w.type}`);
  const entries: Entry[] = w.entries.map((e) => {
    if (e.type < 0 || e.type > ENTRY_TYPE_MAX) throw new ProtocolDecodeError(`unknown Raft entry type ${e.type}`);
    if (e.count < 1) throw new ProtocolDecodeError(`Raft entry at ${e.index} spans ${e.count} offsets`);
    return { index: e.index, count: e.count, term: e.term, type: e.type as EntryType, data: e.data };
  });
  const s = w.snapshot;
  return {
    type,
    from: w.from,
    to: w.to,
    term: w.term,
    logTerm: w.logTerm,
    index: w.index,
    entries,
    commit: w.commit,
    reject: w.reject,
    rejectHint: w.rejectHint,
    context: w.context,
    transfer: w.transfer,
    snapshot: s === null ? null : { index: s.index, term: s.term, confState: { voters: s.voters, nonVoters: s.nonVoters } },
  };
}

/** One queued message and the group it belongs to. */
export interface GroupMessage {
  readonly topic: string;
  readonly partition: number;
  readonly message: Message;
}

/** Builds one request from queued messages, grouped by topic and partition, order kept per group. */
export function buildRaftMessagesRequest(items: readonly GroupMessage[]): RaftMessagesRequest {
  const topics = new Map<string, Map<number, RaftMessagesRequestRaftMessage[]>>();
  for (const item of items) {
    let partitions = topics.get(item.topic);
    if (partitions === undefined) topics.set(item.topic, (partitions = new Map()));
    let messages = partitions.get(item.partition);
    if (messages === undefined) partitions.set(item.partition, (messages = []));
    messages.push(toWireMessage(item.message));
  }
  return {
    topics: [...topics].map(([name, partitions]) => ({
      name,
      partitions: [...partitions].map(([partitionIndex, messages]) => ({ partitionIndex, messages })),
    })),
  };
}
