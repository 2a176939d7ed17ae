import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHistory } from './checker.js';
import { HistoryWriter, readHistory, type HistoryEvent, type Unstamped } from './history.js';

let clock = 0;
const at = (events: Unstamped<HistoryEvent>[]): HistoryEvent[] => events.map((e) => ({ t: clock++, ...e }) as HistoryEvent);

const send = (value: string) => ({ type: 'send' as const, client: 'p', value });
const ack = (value: string, offset: number, partition = 0) => ({ type: 'ack' as const, client: 'p', value, partition, offset });
const poll = (value: string, offset: number, final = false, partition = 0) => ({ type: 'poll' as const, client: final ? 'final' : 'c', partition, offset, value, final });
const hw = (value: number, partition = 0) => ({ type: 'hw' as const, partition, hw: value });

/** Two acked records, read during the run and in the final read: nothing wrong. */
const clean = () => [send('a'), ack('a', 0), send('b'), ack('b', 1), poll('a', 0), poll('b', 1), hw(1), hw(2), poll('a', 0, true), poll('b', 1, true)];

t.test('a clean history is ok and counted', async (t) => {
  const r = checkHistory(at([...clean(), send('c'), { type: 'error', client: 'p', value: 'd', error: 'timeout' }, send('d'), { type: 'fault', target: 'n0', fault: 'kill' }]));
  t.ok(r.ok);
  t.same({ sent: r.sent, acked: r.acked, failed: r.failed, indeterminate: r.indeterminate, finalRead: r.finalRead, faults: r.faults }, { sent: 4, acked: 2, failed: 1, indeterminate: 1, finalRead: 2, faults: 1 });
});

t.test('an acknowledged record missing from the final read is lost', async (t) => {
  const r = checkHistory(at([send('a'), ack('a', 0), send('b'), ack('b', 1), poll('a', 0, true)]));
  t.notOk(r.ok);
  t.same(r.lost, [{ value: 'b', partition: 0, offset: 1 }]);
  t.same(r.unseen, [], 'lost is not also reported unseen');
});

t.test('one value at two offsets is a duplicate', async (t) => {
  const r = checkHistory(at([send('a'), ack('a', 0), poll('a', 0, true), poll('a', 1, true)]));
  t.notOk(r.ok);
  t.same(r.duplicates, [{ value: 'a', at: ['0@0', '0@1'] }]);
});

t.test('one offset holding two values across reads is inconsistent', async (t) => {
  const r = checkHistory(at([send('a'), send('b'), poll('a', 0), ack('b', 0), poll('b', 0, true)]));
  t.notOk(r.ok);
  t.same(r.inconsistent, [{ partition: 0, offset: 0, values: ['a', 'b'] }]);
});

t.test('an ack at an offset another value is read at is inconsistent', async (t) => {
  const r = checkHistory(at([send('a'), ack('a', 5), send('b'), ack('b', 6), poll('a', 5, true), poll('b', 5, true)]));
  t.same(r.inconsistent.map((i) => i.offset), [5]);
  t.same(r.lost, [], 'b was read, at the wrong offset');
});

t.test('a record read during the run but gone after healing is unseen', async (t) => {
  const r = checkHistory(at([send('a'), poll('a', 0), send('b'), ack('b', 1), poll('b', 1, true)]));
  t.notOk(r.ok);
  t.same(r.unseen, [{ value: 'a', partition: 0, offset: 0 }]);
  t.equal(r.indeterminate, 1, 'a was never acked');
});

t.test('a high watermark lower than an earlier sample is a regression, per partition', async (t) => {
  const r = checkHistory(at([...clean(), hw(5, 1), hw(4, 0), hw(3, 0), hw(5, 1), hw(2, 1)]));
  t.notOk(r.ok);
  t.same(r.hwRegressions.map(({ partition, from, to }) => ({ partition, from, to })), [{ partition: 0, from: 4, to: 3 }, { partition: 1, from: 5, to: 2 }]);
});

t.test('a history with sends and no final read cannot be ok', async (t) => {
  const r = checkHistory(at([send('a'), ack('a', 0), poll('a', 0)]));
  t.ok(r.noFinalRead);
  t.notOk(r.ok);
});

t.test('the history file round-trips through the writer and reader', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'chaos-history-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const w = new HistoryWriter(join(dir, 'h.jsonl'));
  for (const e of clean()) w.log(e);
  w.close();
  const back = readHistory(join(dir, 'h.jsonl'));
  t.equal(back.length, clean().length);
  t.same(back.map(({ t: _t, ...rest }) => rest), clean());
  t.ok(checkHistory(back).ok);
});
