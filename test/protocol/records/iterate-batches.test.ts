import t from 'tap';
import { buildBatch } from '../../../src/protocol/records/batch.js';
import { BATCH_HEADER_BYTES, Compression, writeBatchCrc } from '../../../src/protocol/records/batch-header.js';
import { RecordDecodeError } from '../../../src/protocol/records/errors.js';
import { iterateBatches } from '../../../src/protocol/records/iterate-batches.js';

async function threeBatches(): Promise<Buffer[]> {
  return [
    await buildBatch([{ key: null, value: Buffer.from('a') }], { baseOffset: 0 }),
    await buildBatch([{ key: null, value: Buffer.from('b') }, { key: null, value: Buffer.from('c') }], { baseOffset: 1, compression: Compression.Gzip }),
    await buildBatch([{ key: Buffer.from('k'), value: Buffer.from('d'.repeat(500)) }], { baseOffset: 3 }),
  ];
}

t.test('walks concatenated batches with their positions and sizes', async (t) => {
  const batches = await threeBatches();
  const all = Buffer.concat(batches);
  const seen = [...iterateBatches(all)];
  t.same(seen.map((b) => b.pos), [0, batches[0]!.length, batches[0]!.length + batches[1]!.length]);
  t.same(seen.map((b) => b.totalBytes), batches.map((b) => b.length));
  t.same(seen.map((b) => b.header.baseOffset), [0, 1, 3]);
  t.same(seen.map((b) => b.header.recordCount), [1, 2, 1]);
  t.same([...iterateBatches(Buffer.alloc(0))], []);
});

t.test('a partial trailing batch (as fetch responses may end) stops iteration cleanly', async (t) => {
  const batches = await threeBatches();
  const all = Buffer.concat(batches);
  const cutInBody = all.subarray(0, all.length - 10);
  t.same([...iterateBatches(cutInBody)].map((b) => b.header.baseOffset), [0, 1]);
  const cutInHeader = all.subarray(0, batches[0]!.length + BATCH_HEADER_BYTES - 1);
  t.same([...iterateBatches(cutInHeader)].map((b) => b.header.baseOffset), [0]);
  const cutInLength = all.subarray(0, batches[0]!.length + 5);
  t.same([...iterateBatches(cutInLength)].map((b) => b.header.baseOffset), [0]);
});

t.test('a length or magic that cannot be a v2 batch throws RecordDecodeError', async (t) => {
  const batches = await threeBatches();
  const badLength = Buffer.concat(batches);
  badLength.writeInt32BE(-1, batches[0]!.length + 8);
  const it = iterateBatches(badLength);
  t.equal(it.next().value?.header.baseOffset, 0, 'batches before the damage are still yielded');
  t.throws(() => it.next(), RecordDecodeError);
  const badMagic = Buffer.concat(batches);
  badMagic.writeInt8(1, 16);
  writeBatchCrc(badMagic, 0);
  t.throws(() => [...iterateBatches(badMagic)], { name: 'RecordDecodeError', reason: 'bad-magic' });
  const hugeOffset = Buffer.concat(batches);
  hugeOffset.writeInt32BE(0x7fffffff, 0);
  t.throws(() => [...iterateBatches(hugeOffset)], { name: 'RecordDecodeError', reason: 'bad-record' });
});
