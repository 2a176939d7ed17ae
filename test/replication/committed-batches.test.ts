import t from 'tap';
import { committedBatches } from '../../src/replication/committed-batches.js';
import { buildBatchUncompressed } from '../../src/protocol/records/batch.js';
import { partitionsOnDisk } from '../helpers/partitions-on-disk.js';

const RECORDS_PER_BATCH = 3;
const BATCHES = 10;
const batch = (tag: number) => buildBatchUncompressed(Array.from({ length: RECORDS_PER_BATCH }, (_, i) => ({ key: null, value: Buffer.from(`b${tag}-r${i}`) })));

/** A real partition on real files (PartitionManager over a temp data dir), holding BATCHES batches. */
async function filledPartition(t: { teardown(fn: () => unknown): void }) {
  const { topics, partitions } = await partitionsOnDisk(t);
  await topics.create('scan', { partitions: 1 });
  const p = partitions.get('scan', 0)!;
  for (let i = 0; i < BATCHES; i++) await p.append(batch(i), { acks: -1, timeoutMs: 10_000 });
  return p;
}

async function baseOffsets(scan: AsyncIterable<{ header: { baseOffset: number } }>): Promise<number[]> {
  const out: number[] = [];
  for await (const b of scan) out.push(b.header.baseOffset);
  return out;
}

t.test('scans every committed batch from an offset inside a batch, one step per batch when steps are tiny', async (t) => {
  const p = await filledPartition(t);
  t.equal(p.highWatermark, BATCHES * RECORDS_PER_BATCH);
  // Offset 14 lies in the batch 12..14: that batch comes first, then every later one exactly once.
  const expected = Array.from({ length: BATCHES - 4 }, (_, i) => (i + 4) * RECORDS_PER_BATCH);
  t.same(await baseOffsets(p.committedBatches(14, 1)), expected, '1-byte steps still yield whole batches, each once');
  t.same(await baseOffsets(p.committedBatches(14)), expected, 'the default step gives the same batches');
  const bytes: Buffer[] = [];
  for await (const b of p.committedBatches(0)) bytes.push(b.bytes);
  const whole = Buffer.concat((await p.read(0, 1 << 20)).chunks);
  t.same(Buffer.concat(bytes), whole, 'the yielded bytes are the stored batches, back to back');
});

t.test('starts at the log start, ends at the high watermark, and sees batches committed meanwhile', async (t) => {
  const p = await filledPartition(t);
  t.equal(await p.deleteBefore(6), 6);
  t.same((await baseOffsets(p.committedBatches(0))).slice(0, 2), [6, 9], 'an offset below the log start starts at the log start');
  t.same(await baseOffsets(p.committedBatches(p.highWatermark)), [], 'nothing at the high watermark');

  const seen: number[] = [];
  for await (const b of p.committedBatches(24, 1)) {
    seen.push(b.header.baseOffset);
    if (seen.length === 1) await p.append(batch(99), { acks: -1, timeoutMs: 10_000 });
  }
  t.same(seen, [24, 27, 30], 'a batch committed during the scan is included');
});

t.test('never yields past the source\'s high watermark', async (t) => {
  const p = await filledPartition(t);
  // A source that commits only the first four batches, over the real partition's bytes.
  const COMMITTED = 4 * RECORDS_PER_BATCH;
  const source = {
    logStartOffset: 0,
    highWatermark: COMMITTED,
    read: async (offset: number, maxBytes: number) => (offset >= COMMITTED ? { chunks: [], bytes: 0 } : p.read(offset, maxBytes)),
  };
  t.same(await baseOffsets(committedBatches(source, 0, 1)), [0, 3, 6, 9], 'one batch per step: stops at the high watermark');
  // A read that returns more than is committed (a source's bug, or a log ahead of its commit index).
  const eager = { ...source, read: (offset: number, maxBytes: number) => p.read(offset, maxBytes) };
  t.same(await baseOffsets(committedBatches(eager, 0)), [0, 3, 6, 9], 'a big step over uncommitted bytes still stops there');
});
