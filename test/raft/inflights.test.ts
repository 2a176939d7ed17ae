import t from 'tap';
import { Inflights } from '../../src/raft/inflights.js';

t.test('bounded by count', async (t) => {
  const f = new Inflights(2, 1000);
  f.add(5, 10);
  t.notOk(f.full());
  f.add(9, 10);
  t.ok(f.full());
  t.throws(() => f.add(12, 1), 'adding to a full window is a bug');
  f.freeLE(5);
  t.equal(f.count, 1);
  t.equal(f.bytes, 10);
  t.notOk(f.full());
});

t.test('bounded by bytes', async (t) => {
  const f = new Inflights(100, 50);
  f.add(1, 30);
  t.notOk(f.full());
  f.add(2, 30);
  t.ok(f.full(), 'over the byte bound');
  f.freeFirstOne();
  t.equal(f.count, 1);
  t.notOk(f.full());
  f.freeLE(100);
  t.equal(f.count, 0);
  t.equal(f.bytes, 0);
});

t.test('many adds and frees keep the window consistent', async (t) => {
  const f = new Inflights(8, 1 << 20);
  let acked = 0;
  for (let i = 1; i <= 1000; i++) {
    if (f.full()) f.freeLE((acked += 4));
    f.add(i * 1, 1);
  }
  t.ok(f.count <= 8);
  t.equal(f.bytes, f.count);
});
