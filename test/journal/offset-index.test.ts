import t from 'tap';
import { OffsetIndex, OFFSET_INDEX_ENTRY_BYTES } from '../../src/journal/offset-index.js';

t.test('offset index: encode/decode, floor search, truncation, damage detection', async (t) => {
  const idx = new OffsetIndex();
  for (let i = 0; i < 100; i++) idx.add(i * 10, i * 4096);
  const buf = idx.encode();
  t.equal(buf.length, 100 * OFFSET_INDEX_ENTRY_BYTES, 'fixed-width entries');
  const back = OffsetIndex.decode(buf, 100 * 4096);
  t.ok(back instanceof OffsetIndex);
  const b = back as OffsetIndex;
  t.same([b.floor(0), b.floor(9), b.floor(10), b.floor(995), b.floor(-1)], [0, 0, 1, 99, -1]);
  b.truncateAtPosition(50 * 4096);
  t.equal(b.length, 50);
  t.type(OffsetIndex.decode(buf.subarray(0, buf.length - 3), 100 * 4096), 'string', 'torn entry');
  t.type(OffsetIndex.decode(buf, 4096), 'string', 'points past the log');
  const swapped = Buffer.from(buf); swapped.writeUInt32BE(5, 8 * 3);
  t.type(OffsetIndex.decode(swapped, 100 * 4096), 'string', 'out of order');
  t.type(OffsetIndex.decode(Buffer.alloc(0), 100), 'string', 'empty index for a non-empty log');
});
