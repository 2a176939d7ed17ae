/**
 * LearnerReplica on real journal files: the root's batches stored byte for byte at the root's
 * offsets and epochs, a high watermark that never passes the upstream's, resent batches skipped,
 * appends refused, a restart that keeps the copy, and truncation on divergence.
 */
import t from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_JOURNAL_CONFIG, PartitionLog } from '../../src/journal/partition-log.js';
import { LocalReplica } from '../../src/replication/local-replica.js';
import { LearnerReplica } from '../../src/replication/learner-replica.js';
import { PartitionError } from '../../src/replication/errors.js';
import { makeBatch } from '../helpers/journal-batches.js';

const CONFIG = { ...DEFAULT_JOURNAL_CONFIG, retentionCheckMs: 0 };

async function all(replica: LocalReplica, from = 0): Promise<Buffer> {
  const r = await replica.read(from, 1 << 20);
  return Buffer.concat(r.chunks);
}

t.test('a learner copy holds the root\'s bytes at the root\'s offsets and epochs', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'canopy-learner-replica-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const root = new LocalReplica(await PartitionLog.open(join(dir, 'root-0'), CONFIG), 'root-0');
  t.teardown(() => root.close());
  for (let i = 0; i < 4; i++) await root.append(makeBatch({ records: 3, payloadBytes: 20, maxTimestamp: 1000 + i, seed: i }), { leaderEpoch: 0 });
  for (let i = 4; i < 6; i++) await root.append(makeBatch({ records: 2, payloadBytes: 20, maxTimestamp: 1000 + i, seed: i }), { leaderEpoch: 3 });
  const rootBytes = await all(root);
  t.equal(root.highWatermark, 16, 'the root holds 16 records');

  let learner = new LearnerReplica(await PartitionLog.open(join(dir, 'learner-0'), CONFIG), 'learner-0');
  const refused = await learner.append().catch((e: unknown) => e);
  t.ok(refused instanceof PartitionError && refused.code === 'READ_ONLY', 'append is refused with READ_ONLY');
  t.equal(learner.logEndOffset, 0, 'nothing was appended');

  // Batches up to 16 with the upstream saying its high watermark is 9: never above the upstream's.
  await learner.store(rootBytes, 9);
  t.equal(learner.highWatermark, 9, 'the high watermark stops at the upstream\'s 9');
  t.equal(learner.logEndOffset, 9, 'batches starting at or past the upstream\'s 9 are not stored');

  // A resend from offset 0 overlaps what is held: nothing is stored twice.
  await learner.store(rootBytes, root.highWatermark);
  t.equal(learner.highWatermark, 16, 'the high watermark reaches the upstream\'s');
  t.same(await all(learner), rootBytes, 'byte for byte the root\'s log (offsets, epochs, CRCs), no batch twice');
  t.equal(learner.lastEpoch, 3, 'the last epoch is the root\'s');
  t.same(learner.endOffsetForEpoch(0), root.endOffsetForEpoch(0), 'OffsetForLeaderEpoch answers as the root');

  await learner.close();
  learner = new LearnerReplica(await PartitionLog.open(join(dir, 'learner-0'), CONFIG), 'learner-0');
  t.teardown(() => learner.close());
  t.equal(learner.highWatermark, 16, 'after a restart the copy and its high watermark are back');

  // Divergence: the upstream's epoch 0 ends at 12, so everything from 12 goes.
  await learner.truncateTo(12);
  t.equal(learner.logEndOffset, 12, 'truncated at the upstream\'s end of epoch 0');
  t.equal(learner.highWatermark, 12, 'the high watermark follows a truncation down');
  t.equal(learner.lastEpoch, 0, 'epoch 3 is gone');
  await learner.store(await all(root, 12), root.highWatermark);
  t.same(await all(learner), rootBytes, 'refetched from 12: the root\'s log again');
});
