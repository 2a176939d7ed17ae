import type { PartitionLog } from '../journal/partition-log.js';
import { JournalError } from '../journal/errors.js';
import { PartitionError } from './errors.js';
import type { ReadOutcome } from './committed-batches.js';
import type { Replica, ReplicaStorageSettings, ReplicaStorageView } from './replica.js';

/**
 * The single-node Replica: one local PartitionLog, where an append is committed as soon as the
 * journal's append resolved (after fsync under fsync=always). Everything recovered from disk at
 * open is committed too: the journal's recovery truncated torn tails. Owns the log; closed by its
 * Partition. Journal errors leave here as PartitionError.
 */
export class LocalReplica implements Replica {
  readonly #log: PartitionLog;
  readonly #name: string;
  #highWatermark: number;
  readonly #listeners: ((highWatermark: number) => void)[] = [];

  constructor(log: PartitionLog, name: string) {
    this.#log = log;
    this.#name = name;
    this.#highWatermark = log.logEndOffset;
    log.highWatermark = this.#highWatermark;
  }

  get logStartOffset(): number {
    return this.#log.logStartOffset;
  }

  get logEndOffset(): number {
    return this.#log.logEndOffset;
  }

  get highWatermark(): number {
    return this.#highWatermark;
  }

  get storage(): ReplicaStorageView {
    const log = this.#log;
    return {
      get sizeBytes() { return log.sizeBytes; },
      get segmentCount() { return log.segmentCount; },
      get settings() { return storageSettingsOf(log.config); },
    };
  }

  onCommit(listener: (highWatermark: number) => void): void {
    this.#listeners.push(listener);
  }

  append(batch: Buffer, options: { leaderEpoch: number }): Promise<{ baseOffset: number; lastOffset: number }> {
    // One reaction on the journal's promise, so the high watermark moves in the same microtask as
    // the append resolves: a request handled right after (ListOffsets after an acks=0 Produce on
    // the same connection) already sees it.
    return this.#log.append(batch, { leaderEpoch: options.leaderEpoch }).then(
      (result) => {
        this.#advance(result.lastOffset + 1);
        return { baseOffset: result.baseOffset, lastOffset: result.lastOffset };
      },
      (err: unknown) => {
        throw mapJournalError(err, this.#name);
      },
    );
  }

  read(offset: number, maxBytes: number): Promise<ReadOutcome> {
    return this.#mapped(() => this.#log.read(offset, maxBytes, { maxOffset: this.#highWatermark }));
  }

  offsetForTimestamp(timestampMs: number): Promise<{ offset: number; batch: Buffer } | null> {
    return this.#mapped(() => this.#log.offsetForTimestamp(timestampMs));
  }

  endOffsetForEpoch(epoch: number): { epoch: number; endOffset: number } {
    return this.#log.endOffsetForEpoch(epoch);
  }

  deleteBefore(offset: number): Promise<void> {
    return this.#mapped(() => this.#log.deleteBefore(offset));
  }

  reconfigure(settings: ReplicaStorageSettings): void {
    this.#log.reconfigure(storageSettingsOf(settings));
  }

  async enforceRetention(nowMs: number): Promise<number> {
    return (await this.#mapped(() => this.#log.enforceRetention(nowMs))).segmentsDeleted;
  }

  async close(): Promise<void> {
    await this.#log.flush().catch(() => undefined);
    await this.#log.close();
  }

  destroy(): Promise<void> {
    return this.#log.destroy();
  }

  #advance(next: number): void {
    if (next <= this.#highWatermark) return;
    this.#highWatermark = next;
    this.#log.highWatermark = next;
    for (const listener of this.#listeners) listener(next);
  }

  async #mapped<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      throw mapJournalError(err, this.#name);
    }
  }
}

function storageSettingsOf(c: ReplicaStorageSettings): ReplicaStorageSettings {
  return { segmentBytesMax: c.segmentBytesMax, segmentMsMax: c.segmentMsMax, batchBytesMax: c.batchBytesMax, retentionBytes: c.retentionBytes, retentionMs: c.retentionMs };
}

function mapJournalError(err: unknown, name: string): Error {
  if (err instanceof PartitionError) return err;
  if (err instanceof JournalError) {
    switch (err.code) {
      case 'CORRUPT_BATCH': return new PartitionError('CORRUPT', `${name}: ${err.message}`, { cause: err });
      case 'BATCH_TOO_LARGE': return new PartitionError('TOO_LARGE', `${name}: ${err.message}`, { cause: err });
      case 'OFFSET_OUT_OF_RANGE': return new PartitionError('OFFSET_OUT_OF_RANGE', `${name}: ${err.message}`, { cause: err });
      case 'CLOSED': return new PartitionError('SHUTTING_DOWN', `${name}: ${err.message}`, { cause: err });
      case 'STORAGE': case 'CORRUPT_LOG': return new PartitionError('STORAGE', `${name}: ${err.message}`, { cause: err });
    }
  }
  return err instanceof Error ? err : new Error(String(err));
}
