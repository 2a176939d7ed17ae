/**
 * A partition reopened from its files knows its idempotent producers again: Partition rebuilds
 * their state with the shared committed-batches scan over the last producerStateRebuildRecordsMax
 * records (real journal files, real PartitionManager).
 */
import t from 'tap';
import { buildBatchUncompressed } from '../../src/protocol/records/batch.js';
import { DEFAULT_LIMITS } from '../../src/config/limits.js';
import { partitionsOnDisk } from '../helpers/partitions-on-disk.js';

const RECORDS = 2;
const idempotent = (producerId: number, baseSequence: number) => buildBatchUncompressed(
  Array.from({ length: RECORDS }, (_, i) => ({ key: null, value: Buffer.from(`p${producerId}-s${baseSequence + i}`) })),
  { producerId, producerEpoch: 0, baseSequence },
);
const APPEND = { acks: -1, timeoutMs: 10_000 };

t.test('a reopened partition answers resends as duplicates and gaps as out of order, within the rebuild window', async (t) => {
  // The window holds the last 6 records: producer 1's batches (offsets 0..3) fall outside it.
  const limits = { ...DEFAULT_LIMITS, producerStateRebuildRecordsMax: 6 };
  const first = await partitionsOnDisk(t, { limits });
  await first.topics.create('idem', { partitions: 1 });
  const p = first.partitions.get('idem', 0)!;
  for (const [producerId, sequence] of [[1, 0], [1, 2], [2, 0], [2, 2], [2, 4]] as const) await p.append(idempotent(producerId, sequence), APPEND);
  t.equal(p.highWatermark, 10);
  await first.partitions.closeAll();

  const again = await partitionsOnDisk(t, { limits, dataDir: first.dataDir });
  const q = again.partitions.get('idem', 0)!;
  t.equal(q.highWatermark, 10, 'data kept');
  const resent = await q.append(idempotent(2, 4), APPEND);
  t.same([resent.duplicate, resent.baseOffset], [true, 8], 'the last batch resent: a duplicate at its original offset');
  await t.rejects(q.append(idempotent(2, 10), APPEND), { code: 'OUT_OF_ORDER_SEQUENCE' }, 'a sequence gap after the rebuilt state');
  const next = await q.append(idempotent(2, 6), APPEND);
  t.same([next.duplicate, next.baseOffset], [false, 10], 'the expected next sequence appends');
  const outside = await q.append(idempotent(1, 8), APPEND);
  t.same([outside.duplicate, outside.baseOffset], [false, 12], 'producer 1 lay before the window: unknown, so accepted as new');
  await again.partitions.closeAll();
});
