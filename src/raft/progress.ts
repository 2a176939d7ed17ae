import { EMPTY_INDEX } from './messages.js';
import { Inflights } from './inflights.js';

/**
 * How the leader replicates to one peer:
 * - probe: one append at a time until the peer tells us where our logs agree;
 * - replicate: appends pipelined optimistically (next moves ahead of match), bounded by inflights;
 * - snapshot: the peer is behind our log start and was told to reset to it; wait for its answer.
 */
export enum ProgressState {
  Probe = 'probe',
  Replicate = 'replicate',
  Snapshot = 'snapshot',
}

/**
 * The leader's view of one peer (itself included). Invariant: match < next, both relative to
 * boundaries: match is the last index of an entry (or -1), next is the first index of one.
 */
export class Progress {
  match = EMPTY_INDEX;
  next: number;
  state = ProgressState.Probe;
  /** In snapshot state: the snapshot index the peer was sent. */
  pendingSnapshot = EMPTY_INDEX;
  /** Heard from since the last CheckQuorum round. */
  recentActive = false;
  /** In probe state: an append is outstanding, send no other until a response or a heartbeat. */
  probeSent = false;
  /** Highest heartbeat sequence the peer acknowledged (ReadIndex and leases). */
  heartbeatAck = 0;
  readonly inflights: Inflights;
  isNonVoter: boolean;

  constructor(next: number, inflights: Inflights, isNonVoter: boolean) {
    this.next = next;
    this.inflights = inflights;
    this.isNonVoter = isNonVoter;
  }

  private resetState(state: ProgressState): void {
    this.probeSent = false;
    this.pendingSnapshot = EMPTY_INDEX;
    this.state = state;
    this.inflights.reset();
  }

  becomeProbe(): void {
    if (this.state === ProgressState.Snapshot) {
      const pending = this.pendingSnapshot;
      this.resetState(ProgressState.Probe);
      this.next = Math.max(this.match + 1, pending + 1);
    } else {
      this.resetState(ProgressState.Probe);
      this.next = this.match + 1;
    }
  }

  becomeReplicate(): void {
    this.resetState(ProgressState.Replicate);
    this.next = this.match + 1;
  }

  becomeSnapshot(snapshotIndex: number): void {
    this.resetState(ProgressState.Snapshot);
    this.pendingSnapshot = snapshotIndex;
  }

  /** An acknowledgement through index. Returns whether match moved. */
  maybeUpdate(index: number): boolean {
    let updated = false;
    if (this.match < index) {
      this.match = index;
      updated = true;
      this.probeSent = false;
    }
    this.next = Math.max(this.next, index + 1);
    return updated;
  }

  /** In replicate state, an append through lastIndex was sent: move next ahead of match. */
  optimisticUpdate(lastIndex: number): void {
    this.next = lastIndex + 1;
  }

  /**
   * A rejection of the append that followed `rejected`; newNext (a boundary + 1 below rejected)
   * comes from fast backtracking. Returns false when the rejection is stale.
   */
  maybeDecrTo(rejected: number, newNext: number): boolean {
    if (this.state === ProgressState.Replicate) {
      if (rejected <= this.match) return false;
      this.next = this.match + 1;
      return true;
    }
    if (this.next - 1 !== rejected) return false;
    this.next = Math.max(newNext, this.match + 1);
    this.probeSent = false;
    return true;
  }

  isPaused(): boolean {
    switch (this.state) {
      case ProgressState.Probe:
        return this.probeSent;
      case ProgressState.Replicate:
        return this.inflights.full();
      case ProgressState.Snapshot:
        return true;
    }
  }
}
