import type { Entry, HardState, Message, NodeId, SnapshotMeta } from './messages.js';

export type RaftRole = 'follower' | 'pre-candidate' | 'candidate' | 'leader';

/** A linearizable read is safe at `index` once the state machine has applied through it. */
export interface ReadState {
  readonly requestId: number;
  readonly index: number;
}

/**
 * Everything the driver must do after the core changed, in this order (the driver loop in
 * replication/raft-driver.ts follows it exactly):
 * 1. install `snapshot` if set (reset the log to start after it);
 * 2. append `entries` (truncating any stored suffix from entries[0].index) and record `hardState`
 *    if set; when `mustSync` is true, make both durable (fsync) before step 3;
 * 3. send `messages` (a vote or an acknowledgement promises that what it refers to is durable);
 * 4. apply `committedEntries` in order, and answer `readStates` once applied through their index;
 * 5. call advance().
 * No step/tick/propose call may happen between ready() and advance().
 */
export interface Ready {
  readonly hardState: HardState | null;
  readonly snapshot: SnapshotMeta | null;
  readonly entries: readonly Entry[];
  readonly mustSync: boolean;
  readonly messages: readonly Message[];
  readonly committedEntries: readonly Entry[];
  readonly readStates: readonly ReadState[];
  readonly lead: NodeId;
  readonly role: RaftRole;
}
