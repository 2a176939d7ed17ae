/**
 * resetTo (truncation.ts with reset): every batch goes and the log restarts empty at an offset,
 * also beyond the old end (a Raft follower reset to its leader's log start), durably.
 */
import t from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_JOURNAL_CONFIG, PartitionLog } from '../../src/journal/partition-log.js';
import { patchBaseOffsetAndEpoch } from '../../src/protocol/records/batch-header.js';
import { makeBatch } from '../helpers/journal-batches.js';

const CONFIG = { ...DEFAULT_JOURNAL_CONFIG, segmentBytesMax: 2048, retentionCheckMs: 0 };

function replicated(baseOffset: number, epoch: number, records = 2): Buffer {
  const b = makeBatch({ records, payloadBytes: 300, maxTimestamp: 1000, seed: baseOffset + 1 });
  patchBaseOffsetAndEpoch(b, 0, baseOffset, epoch);
  return b;
}

for (const target of [3, 500]) {
  t.test(`resetTo(${target}) ${target < 10 ? 'inside' : 'beyond'} the log: empty at ${target}, and so after a reopen`, async (t) => {
    const dir = join(await mkdtemp(join(tmpdir(), 'canopy-reset-')), 't-0');
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    const log = await PartitionLog.open(dir, CONFIG);
    for (let o = 0; o < 20; o += 2) await log.appendReplicated(replicated(o, 3));
    t.ok(log.segmentCount > 1, 'several segments before the reset');
    await log.resetTo(target);
    t.equal(log.logStartOffset, target);
    t.equal(log.logEndOffset, target);
    t.equal(log.segmentCount, 1);
    t.same(log.leaderEpochEntries(), [], 'no batch, no epoch');
    await log.appendReplicated(replicated(target, 2));
    t.same(log.leaderEpochEntries(), [{ epoch: 2, startOffset: target }], 'a lower epoch than before the reset is accepted');
    await log.close();
    const again = await PartitionLog.open(dir, CONFIG);
    t.teardown(() => again.close());
    t.equal(again.logStartOffset, target);
    t.equal(again.logEndOffset, target + 2);
    const { chunks } = await again.read(target, 1 << 20);
    t.equal(Buffer.concat(chunks).readBigInt64BE(0), BigInt(target), 'the one batch, at its offset');
  });
}
