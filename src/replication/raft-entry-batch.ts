/**
 * One Raft entry = one RecordBatch (DESIGN decision 1): the entry's index is the batch's
 * baseOffset, its term the partitionLeaderEpoch (both outside the CRC, so patching them keeps the
 * client's bytes valid). Normal entries are the client's batch itself. The core's own entries are
 * control batches, which every Kafka client skips (protocol/records/control-batch.ts): the leader's
 * no-op is type 2 (leader-change, no value), a membership change type 6 (voters, value = the
 * core's conf-change encoding).
 *
 * The control batch's timestamp is fixed (RAFT_CONTROL_TIMESTAMP_MS), not the clock: each replica
 * encodes the batch itself from the entry, and every replica must hold identical bytes at an offset.
 */
import { BATCH_HEADER_BYTES, patchBaseOffsetAndEpoch, readBatchHeader, isControlBatch } from '../protocol/records/batch-header.js';
import { CONTROL_TYPE_RAFT_CONFIG, CONTROL_TYPE_RAFT_NOOP, encodeControlBatch, readControlRecord } from '../protocol/records/control-batch.js';
import { readRecord } from '../protocol/records/record.js';
import { EntryType } from '../raft/messages.js';
import type { Entry } from '../raft/messages.js';

export const RAFT_CONTROL_TIMESTAMP_MS = 0;

/** The batch bytes stored for an entry. A Normal entry's own bytes are patched in place (idempotent). */
export function entryToBatch(entry: Entry): Buffer {
  if (entry.type === EntryType.Normal) {
    const batch = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    patchBaseOffsetAndEpoch(batch, 0, entry.index, entry.term);
    return batch;
  }
  const config = entry.type === EntryType.Config;
  return encodeControlBatch({
    type: config ? CONTROL_TYPE_RAFT_CONFIG : CONTROL_TYPE_RAFT_NOOP,
    value: config ? Buffer.from(entry.data) : null,
    baseOffset: entry.index,
    leaderEpoch: entry.term,
    timestampMs: RAFT_CONTROL_TIMESTAMP_MS,
  });
}

/**
 * The entry a stored batch holds (the inverse of entryToBatch). Any other batch, a transaction
 * marker included, is a Normal entry: its bytes are replicated as they are. The batch was checked
 * (CRC, framing) by the journal when it was written and when it was recovered.
 */
export function batchToEntry(batch: Buffer): Entry {
  const header = readBatchHeader(batch);
  const base = { index: header.baseOffset, count: header.lastOffsetDelta + 1, term: header.partitionLeaderEpoch };
  if (isControlBatch(header.attributes) && header.recordCount >= 1) {
    const cursor = { buf: batch, pos: BATCH_HEADER_BYTES, end: batch.length };
    const record = readRecord(cursor, { baseOffset: header.baseOffset, baseTimestamp: header.baseTimestamp, timestampOverride: null });
    const type = readControlRecord(record).type;
    if (type === CONTROL_TYPE_RAFT_NOOP) return { ...base, type: EntryType.LeaderNoop, data: new Uint8Array(0) };
    if (type === CONTROL_TYPE_RAFT_CONFIG) return { ...base, type: EntryType.Config, data: new Uint8Array(record.value ?? Buffer.alloc(0)) };
  }
  return { ...base, type: EntryType.Normal, data: batch };
}
