/**
 * What every Replica on a local journal does the same way, whatever decides commitment (LocalReplica:
 * the journal's own append; RaftReplica: the Raft commit index): committed reads below the high
 * watermark, lookups, DeleteRecords, retention and settings, with journal errors mapped to
 * PartitionError. Subclasses own the high watermark, appends and the lifecycle.
 */
import type { PartitionLog } from '../journal/partition-log.js';
import { JournalError } from '../journal/errors.js';
import type { ReadOutcome } from './committed-batches.js';
import { PartitionError } from './errors.js';
import type { ReplicaStorageSettings, ReplicaStorageView } from './replica.js';

export abstract class JournalReplica {
  protected constructor(protected readonly log: PartitionLog, protected readonly name: string) {}

  abstract get highWatermark(): number;

  get logStartOffset(): number {
    return this.log.logStartOffset;
  }

  get storage(): ReplicaStorageView {
    const log = this.log;
    return {
      get sizeBytes() { return log.sizeBytes; },
      get segmentCount() { return log.segmentCount; },
      get settings() { return storageSettingsOf(log.config); },
    };
  }

  read(offset: number, maxBytes: number): Promise<ReadOutcome> {
    return this.mapped(() => this.log.read(offset, maxBytes, { maxOffset: this.highWatermark }));
  }

  offsetForTimestamp(timestampMs: number): Promise<{ offset: number; batch: Buffer } | null> {
    return this.mapped(() => this.log.offsetForTimestamp(timestampMs));
  }

  endOffsetForEpoch(epoch: number): { epoch: number; endOffset: number } {
    return this.log.endOffsetForEpoch(epoch);
  }

  deleteBefore(offset: number): Promise<void> {
    return this.mapped(() => this.log.deleteBefore(offset));
  }

  reconfigure(settings: ReplicaStorageSettings): void {
    this.log.reconfigure(storageSettingsOf(settings));
  }

  async enforceRetention(nowMs: number): Promise<number> {
    return (await this.mapped(() => this.log.enforceRetention(nowMs))).segmentsDeleted;
  }

  protected async mapped<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      throw mapJournalError(err, this.name);
    }
  }
}

export function storageSettingsOf(c: ReplicaStorageSettings): ReplicaStorageSettings {
  return { segmentBytesMax: c.segmentBytesMax, segmentMsMax: c.segmentMsMax, batchBytesMax: c.batchBytesMax, retentionBytes: c.retentionBytes, retentionMs: c.retentionMs };
}

export function mapJournalError(err: unknown, name: string): Error {
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
