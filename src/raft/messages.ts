/**
 * The values the Raft core exchanges with its driver: log entries, messages between peers, the
 * persistent hard state and the metadata of a snapshot (a log start moved by retention).
 *
 * Indexes follow Kafka offsets: the first entry of a fresh log is at index 0, and -1 (with term 0)
 * is the empty prefix every log shares. An entry may occupy several consecutive indexes (a batch of
 * N records occupies N offsets), so "an index" names a position while "a boundary" is the last
 * index of an entry: every consistency check, truncation and commit happens on boundaries.
 */

export type NodeId = number;

/** No node (no leader known, no vote cast). Node ids are positive integers. */
export const NONE: NodeId = 0;

/** Index of the empty prefix shared by every log. */
export const EMPTY_INDEX = -1;

export enum EntryType {
  /** Opaque application bytes (a record batch). */
  Normal = 0,
  /** The entry a new leader appends so that it can commit in its own term. */
  LeaderNoop = 1,
  /** A membership change; its data is encoded by conf-change.ts. */
  Config = 2,
}

/**
 * One log entry. It occupies indexes [index, index + count - 1]; `term` is the term of the leader
 * that created it (the batch's partition leader epoch). Entries are immutable once created and may
 * be shared by reference between logs and messages.
 */
export interface Entry {
  readonly index: number;
  readonly count: number;
  readonly term: number;
  readonly type: EntryType;
  readonly data: Uint8Array;
}

/** Bytes an entry is charged for in byte budgets beyond its data (index, term, type, count). */
export const ENTRY_OVERHEAD_BYTES = 24;

export function lastIndexOf(entry: Entry): number {
  return entry.index + entry.count - 1;
}

export function entryBytes(entry: Entry): number {
  return entry.data.byteLength + ENTRY_OVERHEAD_BYTES;
}

/** The state that must survive a crash. `commit` may lag after a crash; term and vote may not. */
export interface HardState {
  readonly term: number;
  readonly vote: NodeId;
  readonly commit: number;
}

export const EMPTY_HARD_STATE: HardState = { term: 0, vote: NONE, commit: EMPTY_INDEX };

/** Membership. Voters and non-voters are disjoint; non-voters replicate but never vote or count. */
export interface ConfState {
  readonly voters: readonly NodeId[];
  readonly nonVoters: readonly NodeId[];
}

/**
 * What replaces the prefix of a log that is gone: the last index and term it covered and the
 * membership as of that index. Raft here never ships state-machine data: a partition's "snapshot"
 * is only a new log start (the Kafka state before it is simply not kept).
 */
export interface SnapshotMeta {
  readonly index: number;
  readonly term: number;
  readonly confState: ConfState;
}

export type MessageType =
  | 'app' // leader → follower: entries after (index, logTerm), leader commit
  | 'app-resp' // follower → leader: accepted through index, or reject with a hint
  | 'heartbeat' // leader → follower: commit (bounded by the follower's match), read context
  | 'heartbeat-resp' // echoes the read context
  | 'vote'
  | 'vote-resp'
  | 'pre-vote' // asks "would you vote for me at term+1?" without anyone changing term
  | 'pre-vote-resp'
  | 'snap' // leader → follower: reset your log to start after snapshot.index
  | 'timeout-now'; // leader → transferee: campaign now, bypassing PreVote and leases

/**
 * A message between peers. One shape for all types keeps construction monomorphic; fields a type
 * does not use are zero. Field meanings per type:
 * - app: index/logTerm = the boundary the entries follow; entries; commit.
 * - app-resp: index = last index now matching (accept) or the rejected `index` of the app
 *   (reject) with rejectHint/logTerm = a boundary of the follower's log and its term, used for
 *   fast backtracking.
 * - vote/pre-vote: index/logTerm = candidate's last index and term; transfer = sent on timeout-now.
 * - heartbeat: commit; context = read-index sequence. heartbeat-resp: context echoed.
 * - snap: snapshot.
 */
export interface Message {
  type: MessageType;
  from: NodeId;
  to: NodeId;
  term: number;
  logTerm: number;
  index: number;
  entries: Entry[];
  commit: number;
  reject: boolean;
  rejectHint: number;
  context: number;
  transfer: boolean;
  snapshot: SnapshotMeta | null;
}

const NO_ENTRIES: Entry[] = [];

/** Builds a message; from and term, when given, override the fields (the core's own sends). */
export function makeMessage(
  fields: Partial<Message> & Pick<Message, 'type' | 'to'>,
  from: NodeId = fields.from ?? NONE,
  term: number = fields.term ?? 0,
): Message {
  return {
    type: fields.type,
    from,
    to: fields.to,
    term,
    logTerm: fields.logTerm ?? 0,
    index: fields.index ?? EMPTY_INDEX,
    entries: fields.entries ?? NO_ENTRIES,
    commit: fields.commit ?? EMPTY_INDEX,
    reject: fields.reject ?? false,
    rejectHint: fields.rejectHint ?? EMPTY_INDEX,
    context: fields.context ?? 0,
    transfer: fields.transfer ?? false,
    snapshot: fields.snapshot ?? null,
  };
}

/** A short human-readable rendering, used by traces and scripted transcripts. */
export function describeMessage(m: Message): string {
  let s = `${m.from}->${m.to} ${m.type} term=${m.term}`;
  switch (m.type) {
    case 'app':
      s += ` prev=${m.index}/${m.logTerm} commit=${m.commit}`;
      if (m.entries.length > 0) s += ` entries=[${m.entries.map(describeEntry).join(' ')}]`;
      break;
    case 'app-resp':
      s += m.reject ? ` reject index=${m.index} hint=${m.rejectHint}/${m.logTerm}` : ` index=${m.index}`;
      break;
    case 'vote':
    case 'pre-vote':
      s += ` last=${m.index}/${m.logTerm}${m.transfer ? ' transfer' : ''}`;
      break;
    case 'vote-resp':
    case 'pre-vote-resp':
      s += m.reject ? ' reject' : ' grant';
      break;
    case 'heartbeat':
      s += ` commit=${m.commit}${m.context ? ` ctx=${m.context}` : ''}`;
      break;
    case 'heartbeat-resp':
      if (m.context) s += ` ctx=${m.context}`;
      break;
    case 'snap':
      s += ` snapshot=${m.snapshot?.index}/${m.snapshot?.term}`;
      break;
    case 'timeout-now':
      s += ` commit=${m.commit}`;
      break;
  }
  return s;
}

const TYPE_LETTER = ['n', 'noop', 'conf'];

export function describeEntry(e: Entry): string {
  const span = e.count === 1 ? `${e.index}` : `${e.index}-${lastIndexOf(e)}`;
  return `${span}/${e.term}${e.type === EntryType.Normal ? '' : ':' + TYPE_LETTER[e.type]}`;
}
