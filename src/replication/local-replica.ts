import type { PartitionLog } from '../journal/partition-log.js';
import { JournalReplica, mapJournalError } from './journal-replica.js';
import type { Replica } from './replica.js';
import { SINGLE_NODE_LEADER_EPOCH } from './partition.js';

/**
 * The single-node Replica: one local PartitionLog, where an append is committed as soon as the
 * journal's append resolved (after fsync under fsync=always). Everything recovered from disk at
 * open is committed too: the journal's recovery truncated torn tails. Owns the log; closed by its
 * Partition. Journal errors leave here as PartitionError (journal-replica.ts).
 */
export class LocalReplica extends JournalReplica implements Replica {
  #highWatermark: number;
  readonly #listeners: ((highWatermark: number) => void)[] = [];

  constructor(log: PartitionLog, name: string) {
    super(log, name);
    this.#highWatermark = log.logEndOffset;
    log.highWatermark = this.#highWatermark;
  }

  get logEndOffset(): number {
    return this.log.logEndOffset;
  }

  get highWatermark(): number {
    return this.#highWatermark;
  }

  /** One node leads forever, in one epoch. */
  get leaderEpoch(): number {
    return SINGLE_NODE_LEADER_EPOCH;
  }

  onLeaderReady(): void {
    // Never fires: a single node's producer state is complete once rebuilt at open.
  }

  onCommit(listener: (highWatermark: number) => void): void {
    this.#listeners.push(listener);
  }

  append(batch: Buffer, options: { leaderEpoch: number }): Promise<{ baseOffset: number; lastOffset: number }> {
    // One reaction on the journal's promise, so the high watermark moves in the same microtask as
    // the append resolves: a request handled right after (ListOffsets after an acks=0 Produce on
    // the same connection) already sees it.
    return this.log.append(batch, { leaderEpoch: options.leaderEpoch }).then(
      (result) => {
        this.advance(result.lastOffset + 1);
        return { baseOffset: result.baseOffset, lastOffset: result.lastOffset };
      },
      (err: unknown) => {
        throw mapJournalError(err, this.name);
      },
    );
  }

  async close(): Promise<void> {
    await this.log.flush().catch(() => undefined);
    await this.log.close();
  }

  destroy(): Promise<void> {
    return this.log.destroy();
  }

  /** Lowers the high watermark to the log end after a truncation (a learner's divergence only). */
  protected lowerToLogEnd(): void {
    this.#highWatermark = Math.min(this.#highWatermark, this.log.logEndOffset);
    this.log.highWatermark = this.#highWatermark;
  }

  /** Moves the high watermark forward to `next` (never back) and tells the listeners. */
  protected advance(next: number): void {
    if (next <= this.#highWatermark) return;
    this.#highWatermark = next;
    this.log.highWatermark = next;
    for (const listener of this.#listeners) listener(next);
  }
}
