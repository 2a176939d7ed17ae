import t from 'tap';
import { NOT_A_BOUNDARY, RaftLog } from '../../src/raft/log.js';
import { MemoryStorage } from '../../src/raft/memory-storage.js';
import { EntryType } from '../../src/raft/messages.js';
import type { Entry } from '../../src/raft/messages.js';

const conf = { voters: [1], nonVoters: [] };
const ent = (index: number, count: number, term: number): Entry => ({
  index,
  count,
  term,
  type: EntryType.Normal,
  data: new Uint8Array(4),
});

function logWith(stored: Entry[], unstable: Entry[] = [], commit = -1): RaftLog {
  const s = new MemoryStorage(conf);
  s.append(stored);
  s.setHardState({ term: 9, vote: 0, commit });
  const log = new RaftLog(s, -1);
  if (unstable.length > 0) log.append(unstable);
  return log;
}

t.test('boundaries: a batch of N records is one entry of N indexes', async (t) => {
  const log = logWith([ent(0, 1, 1), ent(1, 5, 1)], [ent(6, 3, 2)]);
  t.equal(log.lastIndex(), 8);
  t.equal(log.term(4), 1);
  t.equal(log.term(7), 2, 'an unstable entry shadows storage');
  t.equal(log.boundaryTerm(5), 1);
  t.equal(log.boundaryTerm(3), NOT_A_BOUNDARY, 'inside a batch');
  t.equal(log.boundaryTerm(-1), 0, 'the empty prefix');
  t.ok(log.matchTerm(8, 2));
  t.notOk(log.matchTerm(7, 2), 'matching happens only at entry ends');
});

t.test('findConflict compares boundary and term', async (t) => {
  const log = logWith([ent(0, 1, 1), ent(1, 5, 1), ent(6, 2, 1)]);
  t.equal(log.findConflict([ent(1, 5, 1), ent(6, 2, 1)]), null, 'all held already');
  t.equal(log.findConflict([ent(1, 5, 1), ent(6, 1, 1)])?.index, 6, 'same start, different shape');
  t.equal(log.findConflict([ent(1, 5, 1), ent(6, 2, 2)])?.index, 6, 'different term');
  t.equal(log.findConflict([ent(8, 1, 1)])?.index, 8, 'beyond our log');
});

t.test('findConflictByTerm walks back over entries of higher terms', async (t) => {
  const log = logWith([ent(0, 1, 1), ent(1, 5, 1), ent(6, 2, 3), ent(8, 1, 4)]);
  t.same(log.findConflictByTerm(8, 4), { index: 8, term: 4 });
  t.same(log.findConflictByTerm(8, 2), { index: 5, term: 1 }, 'skips the term 3 and 4 entries');
  t.same(log.findConflictByTerm(4, 9), { index: 0, term: 1 }, 'an index inside a batch backs up to the previous boundary');
  t.same(log.findConflictByTerm(8, 0), { index: -1, term: 0 }, 'down to the empty prefix');
});

t.test('append replaces an uncommitted suffix and never a committed one', async (t) => {
  const log = logWith([ent(0, 1, 1), ent(1, 5, 1)], [ent(6, 2, 2), ent(8, 1, 2)], 0);
  log.append([ent(6, 4, 3)]);
  t.equal(log.lastIndex(), 9);
  t.equal(log.term(8), 3);
  log.append([ent(1, 1, 4)]);
  t.equal(log.lastIndex(), 1, 'a suffix reaching into storage is shadowed');
  t.equal(log.term(1), 4);
  t.throws(() => log.append([ent(0, 1, 5)]), 'index 0 is committed');
});

t.test('slice honours the byte budget across storage and unstable entries', async (t) => {
  const log = logWith([ent(0, 1, 1), ent(1, 5, 1)], [ent(6, 2, 2), ent(8, 1, 2)]);
  t.same(log.slice(0, 9, Infinity)!.map((e) => e.index), [0, 1, 6, 8]);
  t.same(log.slice(0, 9, 1)!.map((e) => e.index), [0], 'at least one entry');
  t.same(log.slice(1, 9, 56)!.map((e) => e.index), [1, 6], 'two entries of 28 bytes');
  t.same(log.slice(6, 9, Infinity)!.map((e) => e.index), [6, 8]);
});

t.test('restore resets the log to start after a snapshot', async (t) => {
  const log = logWith([ent(0, 1, 1), ent(1, 5, 1)], [], 0);
  log.restore({ index: 20, term: 3, confState: conf });
  t.equal(log.firstIndex(), 21);
  t.equal(log.lastIndex(), 20);
  t.equal(log.committed, 20);
  t.equal(log.slice(0, 5, Infinity), null, 'the old entries are gone');
  log.stableAll();
  t.equal(log.applied, 20, 'the state machine restarts from the snapshot');
});

t.test('a restart with a commit beyond the stored log is detected', async (t) => {
  const s = new MemoryStorage(conf);
  s.setHardState({ term: 1, vote: 0, commit: 3 });
  t.throws(() => new RaftLog(s, -1), /lost committed entries/);
});
