/**
 * A partition journal holding what a Raft-replicated partition and compaction leave for clients
 * to skip: Raft's control batches (the leader no-op, type 2, and membership changes, type 6) at
 * the very start, between data batches, back to back and at the very end, and offset gaps of
 * three shapes. Written with the journal API into a partition folder while no broker has it
 * open (the broker opens it on its next start):
 *
 *   offset  batch
 *     0     control no-op                                the log starts with a control batch
 *     1-3   data ×3
 *     4     control config
 *     5-6   data ×2
 *     7     control no-op                                two control batches back to back
 *     8     control config
 *     9-16  data at 9, 12, 13 (lastOffsetDelta 7)       gaps inside a batch (compaction)
 *    17-20  empty batch (no records, lastOffsetDelta 3)  a batch compaction emptied
 *    21    data ×1
 *   22-29   — no batch: a gap between segments, recorded in `offset-gaps` as repair skip does
 *    30-31  data ×2 (second segment)
 *    32     control no-op                                the log ends with a control batch
 *
 * Log end offset 33. Data record at offset o has value `v<o>` and timestamp base + o seconds.
 * Every batch has leader epoch 0, the single-node broker's (src/replication/partition.ts), so the
 * broker can append after them.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assembleBatch, buildBatchUncompressed } from '../../src/protocol/records/batch.js';
import { CONTROL_TYPE_RAFT_CONFIG, CONTROL_TYPE_RAFT_NOOP, encodeControlBatch } from '../../src/protocol/records/control-batch.js';
import { PartitionLog, DEFAULT_JOURNAL_CONFIG } from '../../src/journal/partition-log.js';
import { CLEAN_SHUTDOWN_FILE, LOG_SUFFIX, segmentFileName } from '../../src/journal/file-names.js';
import { OffsetGaps } from '../../src/journal/offset-gaps.js';
import { NODE_FILE_LAYER } from '../../src/journal/file-layer.js';

export interface DataRecord { offset: number; value: string; timestamp: number }

export interface ControlGapLog {
  records: DataRecord[];
  logEnd: number;
  /** Offsets of the control batches. */
  controls: number[];
  /** [from, to) offset ranges holding no record at all. */
  gaps: Array<[number, number]>;
  /** The gap between the segments: no batch covers these offsets. */
  segmentGap: [number, number];
  baseTimestamp: number;
}

const SEGMENT_GAP: [number, number] = [22, 30];
export const CONTROL_GAP_LOG_END = 33;
const EPOCH = 0;

/** Writes the log above into `partitionDir` (an existing, closed partition folder with an empty log). */
export async function writeControlGapLog(partitionDir: string, baseTimestamp: number): Promise<ControlGapLog> {
  const ts = (offset: number) => baseTimestamp + offset * 1000;
  const records: DataRecord[] = [];
  const data = (baseOffset: number, deltas: number[], lastOffsetDelta = deltas[deltas.length - 1]!): Buffer => {
    const rs = deltas.map((d) => ({ offsetDelta: d, key: null, value: Buffer.from(`v${baseOffset + d}`), timestamp: ts(baseOffset + d) }));
    for (const d of deltas) records.push({ offset: baseOffset + d, value: `v${baseOffset + d}`, timestamp: ts(baseOffset + d) });
    return buildBatchUncompressed(rs, { baseOffset, partitionLeaderEpoch: EPOCH, lastOffsetDelta });
  };
  const control = (type: number, baseOffset: number): Buffer =>
    encodeControlBatch({ type, value: Buffer.from(`raft ${type} @${baseOffset}`), baseOffset, leaderEpoch: EPOCH, timestampMs: ts(baseOffset) });
  const first = [
    control(CONTROL_TYPE_RAFT_NOOP, 0),
    data(1, [0, 1, 2]),
    control(CONTROL_TYPE_RAFT_CONFIG, 4),
    data(5, [0, 1]),
    control(CONTROL_TYPE_RAFT_NOOP, 7),
    control(CONTROL_TYPE_RAFT_CONFIG, 8),
    data(9, [0, 3, 4], 7),
    // Compaction keeps an emptied batch's header: its timestamps are those of the records it held.
    assembleBatch(Buffer.alloc(0), { recordCount: 0, lastOffsetDelta: 3, baseTimestamp: ts(17), maxTimestamp: ts(20), attributes: 0 }, { baseOffset: 17, partitionLeaderEpoch: EPOCH }),
    data(21, [0]),
  ];
  let log = await PartitionLog.open(partitionDir, DEFAULT_JOURNAL_CONFIG);
  await log.appendReplicated(Buffer.concat(first));
  if (log.logEndOffset !== SEGMENT_GAP[0]) throw new Error(`first segment ends at ${log.logEndOffset}`);
  await log.close();
  // The second segment starts past a gap, as `canopy journal repair` in skip mode leaves one.
  await writeFile(join(partitionDir, segmentFileName(SEGMENT_GAP[1], LOG_SUFFIX)), data(30, [0, 1]));
  await (await OffsetGaps.read(partitionDir, NODE_FILE_LAYER)).add(SEGMENT_GAP[0], SEGMENT_GAP[1], partitionDir, NODE_FILE_LAYER);
  await rm(join(partitionDir, CLEAN_SHUTDOWN_FILE), { force: true });
  log = await PartitionLog.open(partitionDir, DEFAULT_JOURNAL_CONFIG);
  await log.appendReplicated(control(CONTROL_TYPE_RAFT_NOOP, 32));
  if (log.logEndOffset !== CONTROL_GAP_LOG_END) throw new Error(`log ends at ${log.logEndOffset}`);
  await log.close();
  return {
    records,
    logEnd: CONTROL_GAP_LOG_END,
    controls: [0, 4, 7, 8, 32],
    gaps: [[10, 12], [14, 21], SEGMENT_GAP],
    segmentGap: SEGMENT_GAP,
    baseTimestamp,
  };
}

/** A partition holding only Raft's entries, as a new partition does before any data: [no-op, config]. */
export async function writeControlOnlyLog(partitionDir: string): Promise<{ logEnd: number }> {
  const log = await PartitionLog.open(partitionDir, DEFAULT_JOURNAL_CONFIG);
  const entries = [CONTROL_TYPE_RAFT_NOOP, CONTROL_TYPE_RAFT_CONFIG].map((type, i) => encodeControlBatch({ type, value: Buffer.from('raft'), baseOffset: i, leaderEpoch: EPOCH, timestampMs: Date.now() }));
  await log.appendReplicated(Buffer.concat(entries));
  const logEnd = log.logEndOffset;
  await log.close();
  return { logEnd };
}
