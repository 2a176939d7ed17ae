import t from 'tap';
import { TimeIndex, TIME_INDEX_ENTRY_BYTES } from '../../src/journal/time-index.js';

t.test('time index: encode/decode, lastBefore search, damage detection', async (t) => {
  const idx = new TimeIndex();
  for (let i = 0; i < 50; i++) idx.add(1_700_000_000_000 + i * 1000, i * 3, i * 512);
  const buf = idx.encode();
  t.equal(buf.length, 50 * TIME_INDEX_ENTRY_BYTES);
  const b = TimeIndex.decode(buf, 50 * 512) as TimeIndex;
  t.ok(b instanceof TimeIndex);
  t.equal(b.lastBefore(1_700_000_000_000), -1, 'nothing before the first');
  t.equal(b.lastBefore(1_700_000_000_001), 0);
  t.equal(b.lastBefore(1_700_000_049_000), 48);
  t.equal(b.lastBefore(Number.MAX_SAFE_INTEGER), 49);
  t.equal(b.lastTimestamp, 1_700_000_049_000);
  const bad = Buffer.from(buf); bad.writeUInt32BE(0, 16 * 10 + 12);
  t.type(TimeIndex.decode(bad, 50 * 512), 'string', 'positions out of order');
  t.type(TimeIndex.decode(buf.subarray(1), 50 * 512), 'string');
});
