/**
 * The behaviours every Raft `Storage` implementation must have, written once and run against each
 * (test/raft/memory-storage.test.ts: MemoryStorage; test/replication/journal-raft-log.test.ts: the
 * journal). A subject supplies a fresh storage, its write methods, and entries of the right shape
 * (the journal needs real record batches).
 */
import type { Test } from 'tap';
import { entryBytes } from '../../src/raft/messages.js';
import type { ConfState, Entry, SnapshotMeta } from '../../src/raft/messages.js';
import { TERM_COMPACTED } from '../../src/raft/storage.js';
import type { Storage } from '../../src/raft/storage.js';

export interface WritableStorage extends Storage {
  append(entries: readonly Entry[]): void;
  compact(index: number, confState: ConfState): void;
}

export interface StorageSubject {
  /** A fresh, empty storage whose genesis membership is `conf`. */
  open(t: Test, conf: ConfState): Promise<WritableStorage>;
  /** A Normal entry at [index, index + count - 1] of `term`. */
  entry(index: number, count: number, term: number): Entry;
  /** Replaces the whole log by a snapshot. */
  installSnapshot(s: WritableStorage, snap: SnapshotMeta): void;
}

const conf: ConfState = { voters: [1, 2, 3], nonVoters: [] };

export function storageCases(t: Test, subject: StorageSubject): void {
  const ent = subject.entry;

  t.test('multi-index entries: positions, terms and ranges', async (t) => {
    const s = await subject.open(t, conf);
    t.equal(s.firstIndex(), 0, 'a fresh log starts at offset 0');
    t.equal(s.lastIndex(), -1);
    t.equal(s.term(-1), 0, 'the empty prefix has term 0');
    const ents = [ent(0, 1, 1), ent(1, 5, 1), ent(6, 2, 2)];
    s.append(ents);
    t.equal(s.lastIndex(), 7);
    t.equal(s.term(3), 1, 'an index inside a batch has the batch term');
    t.equal(s.term(7), 2);
    t.same(s.entries(3, 7, Infinity)!.map((e) => e.index), [1, 6], 'entries overlapping the range, first one starting before lo');
    t.same(s.entries(0, 8, 1)!.map((e) => e.index), [0], 'at least one entry even over budget');
    const two = entryBytes(ents[0]!) + entryBytes(ents[1]!);
    t.same(s.entries(0, 8, two)!.map((e) => e.index), [0, 1], 'stops before the byte budget is exceeded');
    t.same(s.entries(0, 8, two - 1)!.map((e) => e.index), [0], 'one byte less: one entry');
  });

  t.test('append truncates a conflicting suffix on a boundary', async (t) => {
    const s = await subject.open(t, conf);
    s.append([ent(0, 1, 1), ent(1, 5, 1), ent(6, 2, 1)]);
    s.append([ent(1, 2, 2)]);
    t.equal(s.lastIndex(), 2);
    t.equal(s.term(2), 2);
    t.same(s.entries(0, 3, Infinity)!.map((e) => [e.index, e.count, e.term]), [[0, 1, 1], [1, 2, 2]]);
    t.throws(() => s.append([ent(2, 1, 3)]), 'appending inside an entry is a bug');
    t.throws(() => s.append([ent(9, 1, 3)]), 'a gap is a bug');
    t.equal(s.lastIndex(), 2, 'a refused append changes nothing');
  });

  t.test('compaction moves the log start (retention) and keeps the membership', async (t) => {
    const s = await subject.open(t, conf);
    s.append([ent(0, 1, 1), ent(1, 5, 1), ent(6, 2, 2)]);
    t.throws(() => s.compact(3, conf), 'compaction is on entry boundaries');
    s.compact(5, { voters: [1, 2], nonVoters: [] });
    t.equal(s.firstIndex(), 6);
    t.equal(s.term(5), 1, 'the snapshot index keeps its term');
    t.equal(s.term(4), TERM_COMPACTED);
    t.equal(s.entries(0, 8, Infinity), null, 'compacted range');
    t.same(s.initialState().confState.voters, [1, 2]);
    subject.installSnapshot(s, { index: 20, term: 3, confState: conf });
    t.equal(s.firstIndex(), 21);
    t.equal(s.lastIndex(), 20);
  });
}
