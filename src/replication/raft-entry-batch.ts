/**
 * One Raft entry = one RecordBatch (DESIGN decision 1): the entry's index is the batch's
 * baseOffset, its term the partitionLeaderEpoch (both outside the CRC, so patching them keeps the
 * client's bytes valid). Normal entries are the client's batch itself. The core's own entries (the
 * leader's no-op, membership changes) are leader-change control batches, which every Kafka client
 * skips; their value is [version int16 = 0][entry type int8][the core's data].
 *
 * The control batch's timestamp is fixed (RAFT_CONTROL_TIMESTAMP_MS), not the clock: each replica
 * encodes the batch itself from the entry, and every replica must hold identical bytes at an offset.
 */
import { patchBaseOffsetAndEpoch, readBatchHeader, isControlBatch } from '../protocol/records/batch-header.js';
import { decodeBatchRecords } from '../protocol/records/batch.js';
import { controlBatch, readControlRecord } from '../protocol/records/control-batch.js';
import { EntryType } from '../raft/messages.js';
import type { Entry } from '../raft/messages.js';

const RAFT_VALUE_VERSION = 0;
const RAFT_VALUE_HEADER_BYTES = 3;
export const RAFT_CONTROL_TIMESTAMP_MS = 0;

/** The batch bytes stored for an entry. A Normal entry's own bytes are patched in place (idempotent). */
export function entryToBatch(entry: Entry): Buffer {
  if (entry.type === EntryType.Normal) {
    const batch = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    patchBaseOffsetAndEpoch(batch, 0, entry.index, entry.term);
    return batch;
  }
  const value = Buffer.alloc(RAFT_VALUE_HEADER_BYTES + entry.data.byteLength);
  value.writeInt16BE(RAFT_VALUE_VERSION, 0);
  value.writeInt8(entry.type, 2);
  value.set(entry.data, RAFT_VALUE_HEADER_BYTES);
  return controlBatch('leader-change', {
    value,
    baseOffset: entry.index,
    partitionLeaderEpoch: entry.term,
    timestamp: RAFT_CONTROL_TIMESTAMP_MS,
  });
}

/**
 * The entry a stored batch holds (the inverse of entryToBatch). A control batch that is not one of
 * ours (e.g. a transaction marker) is a Normal entry: its bytes are replicated as they are.
 */
export async function batchToEntry(batch: Buffer): Promise<Entry> {
  const header = readBatchHeader(batch);
  const base = { index: header.baseOffset, count: header.lastOffsetDelta + 1, term: header.partitionLeaderEpoch };
  if (isControlBatch(header.attributes)) {
    const [record] = await decodeBatchRecords(batch);
    const value = record?.value ?? null;
    if (record !== undefined && readControlRecord(record).name === 'leader-change' && value !== null
      && value.length >= RAFT_VALUE_HEADER_BYTES && value.readInt16BE(0) === RAFT_VALUE_VERSION) {
      const type = value.readInt8(2);
      if (type === EntryType.LeaderNoop || type === EntryType.Config) {
        return { ...base, type, data: new Uint8Array(value.subarray(RAFT_VALUE_HEADER_BYTES)) };
      }
    }
  }
  return { ...base, type: EntryType.Normal, data: batch };
}
