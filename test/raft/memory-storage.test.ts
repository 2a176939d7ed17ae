import t from 'tap';
import { MemoryStorage } from '../../src/raft/memory-storage.js';
import { EntryType } from '../../src/raft/messages.js';
import type { Entry } from '../../src/raft/messages.js';
import { TERM_COMPACTED } from '../../src/raft/storage.js';

const conf = { voters: [1, 2, 3], nonVoters: [] };
const ent = (index: number, count: number, term: number): Entry => ({
  index,
  count,
  term,
  type: EntryType.Normal,
  data: new Uint8Array(10),
});

t.test('multi-index entries: positions, terms and ranges', async (t) => {
  const s = new MemoryStorage(conf);
  t.equal(s.firstIndex(), 0, 'a fresh log starts at offset 0');
  t.equal(s.lastIndex(), -1);
  t.equal(s.term(-1), 0, 'the empty prefix has term 0');
  s.append([ent(0, 1, 1), ent(1, 5, 1), ent(6, 2, 2)]);
  t.equal(s.lastIndex(), 7);
  t.equal(s.term(3), 1, 'an index inside a batch has the batch term');
  t.equal(s.term(7), 2);
  t.same(s.entries(3, 7, Infinity)!.map((e) => e.index), [1, 6], 'entries overlapping the range, first one starting before lo');
  t.same(s.entries(0, 8, 1)!.map((e) => e.index), [0], 'at least one entry even over budget');
  t.same(s.entries(0, 8, 70)!.map((e) => e.index), [0, 1], 'stops before the byte budget is exceeded');
});

t.test('append truncates a conflicting suffix on a boundary', async (t) => {
  const s = new MemoryStorage(conf);
  s.append([ent(0, 1, 1), ent(1, 5, 1), ent(6, 2, 1)]);
  s.append([ent(1, 2, 2)]);
  t.equal(s.lastIndex(), 2);
  t.equal(s.term(2), 2);
  t.throws(() => s.append([ent(2, 1, 3)]), 'appending inside an entry is a bug');
  t.throws(() => s.append([ent(9, 1, 3)]), 'a gap is a bug');
});

t.test('compaction moves the log start (retention) and keeps the membership', async (t) => {
  const s = new MemoryStorage(conf);
  s.append([ent(0, 1, 1), ent(1, 5, 1), ent(6, 2, 2)]);
  t.throws(() => s.compact(3, conf), 'compaction is on entry boundaries');
  s.compact(5, { voters: [1, 2], nonVoters: [] });
  t.equal(s.firstIndex(), 6);
  t.equal(s.term(5), 1, 'the snapshot index keeps its term');
  t.equal(s.term(4), TERM_COMPACTED);
  t.equal(s.entries(0, 8, Infinity), null, 'compacted range');
  t.same(s.initialState().confState.voters, [1, 2]);
  s.applySnapshot({ index: 20, term: 3, confState: conf });
  t.equal(s.firstIndex(), 21);
  t.equal(s.lastIndex(), 20);
});
