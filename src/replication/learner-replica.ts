import { PartitionError } from './errors.js';
import { LocalReplica } from './local-replica.js';
import type { Replica } from './replica.js';

/** RecordBatch v2 header: baseOffset int64 at 0, batchLength int32 at 8 (bytes after offset and length). */
const BATCH_LENGTH_AT = 8;
const BATCH_LOG_OVERHEAD = 12;

/**
 * A learner's copy of one partition: a LocalReplica whose appends come from the upstream only,
 * holding the upstream's committed batches at the root's offsets and epochs (the journal's
 * replicated append keeps baseOffset and partitionLeaderEpoch). Everything stored is committed upstream, so the high watermark is the log
 * end: it moves only when `store()` adds what the upstream sent, never past the upstream's high
 * watermark, and survives a restart (what recovery kept was committed upstream).
 *
 * `append()` refuses with READ_ONLY: Produce belongs to the root (forwarding is a later step).
 * `truncateTo()` is for divergence only (the upstream's epochs say this copy holds batches the
 * upstream does not: the upstream lost committed data, or the learner moved to another history);
 * it is the one case where the high watermark goes back, and the caller logs it.
 */
export class LearnerReplica extends LocalReplica implements Replica {
  /** The epoch of the last batch held, -1 when none (LearnerFetch's LastFetchedEpoch). */
  get lastEpoch(): number {
    return this.log.leaderEpochEntries().at(-1)?.epoch ?? -1;
  }

  override append(): Promise<{ baseOffset: number; lastOffset: number }> {
    return Promise.reject(new PartitionError('READ_ONLY', `${this.name} is a learner's read-only copy: produce to the root`));
  }

  /**
   * Stores committed batches the upstream sent (the first may start below the log end: those
   * already held are skipped) and moves the high watermark to the new log end, capped at
   * `upstreamHighWatermark`. Returns the new log end.
   */
  async store(records: Buffer, upstreamHighWatermark: number): Promise<number> {
    // Batches at or past the upstream's high watermark are not stored either: a restart would
    // otherwise expose them (the high watermark is the log end at open).
    const fresh = this.#before(this.#from(records, this.log.logEndOffset), upstreamHighWatermark);
    if (fresh.length > 0) await this.mapped(() => this.log.appendReplicated(fresh));
    this.advance(Math.min(this.log.logEndOffset, upstreamHighWatermark));
    return this.log.logEndOffset;
  }

  /** Drops everything at and after `offset` (divergence); the high watermark follows it down. */
  async truncateTo(offset: number): Promise<void> {
    await this.mapped(() => this.log.truncateFrom(offset));
    this.lowerToLogEnd();
  }

  /** Empties the copy and restarts it at `offset`, past its end (the upstream's log start moved on). */
  async resetTo(offset: number): Promise<void> {
    await this.mapped(() => this.log.resetTo(offset));
    this.advance(offset);
  }

  /** The part of `records` before the first batch whose baseOffset is >= `offset`. */
  #before(records: Buffer, offset: number): Buffer {
    let at = 0;
    while (at + BATCH_LOG_OVERHEAD <= records.length && Number(records.readBigInt64BE(at)) < offset) {
      at += BATCH_LOG_OVERHEAD + records.readInt32BE(at + BATCH_LENGTH_AT);
    }
    return records.subarray(0, Math.min(at, records.length));
  }

  /** The part of `records` from the first batch whose baseOffset is >= `offset` (whole batches only). */
  #from(records: Buffer, offset: number): Buffer {
    let at = 0;
    while (at + BATCH_LOG_OVERHEAD <= records.length && Number(records.readBigInt64BE(at)) < offset) {
      at += BATCH_LOG_OVERHEAD + records.readInt32BE(at + BATCH_LENGTH_AT);
    }
    return at >= records.length ? Buffer.alloc(0) : records.subarray(at);
  }
}
