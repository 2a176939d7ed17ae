import t from 'tap';
import { ProducerState, nextSequence, BATCHES_PER_PRODUCER_REMEMBERED } from '../../src/replication/producer-state.js';

const remembered = (first: number, last: number, offset: number) => ({ firstSequence: first, lastSequence: last, baseOffset: Promise.resolve(offset) });

t.test('the decision table of producer-state.ts, row by row', async (t) => {
  const s = new ProducerState(100);
  t.same(s.check(1, 0, 17, 17), { kind: 'append' }, 'unknown producer: any sequence');
  s.record(1, 3, remembered(0, 4, 100));
  t.same(s.check(1, 2, 5, 5).kind, 'error', 'older epoch');
  t.equal((s.check(1, 2, 5, 5) as { code: string }).code, 'INVALID_PRODUCER_EPOCH');
  t.same(s.check(1, 4, 0, 0), { kind: 'append' }, 'newer epoch from 0');
  t.equal((s.check(1, 4, 1, 1) as { code: string }).code, 'OUT_OF_ORDER_SEQUENCE', 'newer epoch not from 0');
  const dup = s.check(1, 3, 0, 4);
  t.equal(dup.kind, 'duplicate');
  t.equal(await (dup as { batch: { baseOffset: Promise<number> } }).batch.baseOffset, 100);
  t.same(s.check(1, 3, 5, 9), { kind: 'append' }, 'next sequence');
  t.equal((s.check(1, 3, 6, 9) as { code: string }).code, 'OUT_OF_ORDER_SEQUENCE', 'gap');
  t.equal((s.check(1, 3, 4, 9) as { code: string }).code, 'OUT_OF_ORDER_SEQUENCE', 'overlap that is not a duplicate');
});

t.test('sequences wrap at int32 max; only the last few batches are remembered; LRU bound', async (t) => {
  t.equal(nextSequence(0x7fffffff, 1), 0);
  t.equal(nextSequence(0x7ffffffe, 3), 1);
  const s = new ProducerState(2);
  for (let i = 0; i < BATCHES_PER_PRODUCER_REMEMBERED + 1; i++) s.record(7, 0, remembered(i, i, i));
  t.equal(s.check(7, 0, 0, 0).kind, 'error', 'the oldest batch fell out: a resend of it is out of order');
  t.equal(s.check(7, 0, 1, 1).kind, 'duplicate');
  s.record(8, 0, remembered(0, 0, 50));
  s.record(9, 0, remembered(0, 0, 60));
  t.equal(s.size, 2, 'bounded by producersMax');
  t.same(s.check(7, 0, 99, 99), { kind: 'append' }, 'the least recently used producer was evicted');
});

t.test('a failed append marks its batch, never forgets the producer (storage errors with batches in flight)', async (t) => {
  const s = new ProducerState(10);
  const [a, b, c] = [remembered(0, 0, 0), remembered(1, 1, 1), remembered(2, 2, 2)];
  s.record(1, 0, a);
  s.record(1, 0, b);
  s.record(1, 0, c);
  s.failed(1, b);
  t.equal((s.check(1, 0, 1, 1) as { code: string }).code, 'OUT_OF_ORDER_SEQUENCE', 'c is in flight and may land: a resend of b would go behind it');
  t.same(s.check(1, 0, 3, 3), { kind: 'append' }, 'the batch after c is expected');
  s.failed(1, c);
  t.same(s.check(1, 0, 1, 1), { kind: 'append' }, 'b and c both failed: the producer resends from b');
  t.equal((s.check(1, 0, 2, 2) as { code: string }).code, 'OUT_OF_ORDER_SEQUENCE', 'not from c');
  t.equal((s.check(1, 0, 5, 5) as { code: string }).code, 'OUT_OF_ORDER_SEQUENCE', 'a gap is still a gap');
  t.equal(s.check(1, 0, 0, 0).kind, 'duplicate', 'a is still known');
  s.record(1, 0, remembered(1, 1, 1));
  t.same(s.check(1, 0, 2, 2), { kind: 'append' }, 'the resent b replaced the failed ones');
  s.record(2, 0, remembered(0, 0, 9));
  s.failed(2, remembered(0, 0, 9));
  t.equal(s.check(2, 0, 0, 0).kind, 'duplicate', 'failed() of a batch that is not remembered changes nothing');
});
