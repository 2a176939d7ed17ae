import t from 'tap';
import { readInt64, writeInt64, Int64RangeError } from '../../src/util/int64.js';

t.test('int64 round-trips safe values and agrees with BigInt encoding', async (t) => {
  const values = [0, 1, -1, 255, 2 ** 32, -(2 ** 32), 2 ** 32 + 7, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1_700_000_000_000];
  for (const v of values) {
    const buf = Buffer.alloc(8);
    writeInt64(buf, 0, v);
    const ref = Buffer.alloc(8);
    ref.writeBigInt64BE(BigInt(v));
    t.same(buf, ref, `bytes of ${v}`);
    t.equal(readInt64(buf, 0), v, `value ${v}`);
  }
});

t.test('int64 outside the safe range is a typed error', async (t) => {
  const buf = Buffer.alloc(8);
  buf.writeBigInt64BE(2n ** 60n);
  t.throws(() => readInt64(buf, 0), Int64RangeError);
  t.throws(() => writeInt64(buf, 0, 2 ** 60), Int64RangeError);
});
