/** Deterministic batches for the crash test: the content at each offset is a function of the offset. */
import { DEFAULT_JOURNAL_CONFIG, type JournalConfig } from '../../src/journal/partition-log.js';
import { makeBatch, batchIdentity } from './journal-batches.js';

export const CRASH_CONFIG: JournalConfig = { ...DEFAULT_JOURNAL_CONFIG, segmentBytesMax: 32 * 1024, indexIntervalBytes: 1024, fsync: { mode: 'always' } };

export function crashRecords(offset: number): number { return 1 + (offset % 3); }

export function crashBatch(offset: number): Buffer {
  return makeBatch({ records: crashRecords(offset), payloadBytes: 100 + ((offset * 37) % 900), maxTimestamp: offset, seed: offset + 1 });
}

export function crashBatchId(offset: number): string { return batchIdentity(crashBatch(offset)); }

/** One append at `offset`: one batch, or two when offset % 5 == 0 (multi-batch appends). */
export function crashAppend(offset: number): { records: Buffer; count: number } {
  const first = crashBatch(offset);
  const n1 = crashRecords(offset);
  if (offset % 5 !== 0) return { records: first, count: n1 };
  return { records: Buffer.concat([first, crashBatch(offset + n1)]), count: n1 + crashRecords(offset + n1) };
}
