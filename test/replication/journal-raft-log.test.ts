/**
 * JournalRaftLog: the Storage cases every implementation passes (shared with MemoryStorage), then
 * what only a disk adds: a reopened log holds the same state (hard state, snapshot, entries of every
 * type, terms), and the journal holds the entries as Kafka batches at their offsets.
 */
import t from 'tap';
import type { Test } from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_JOURNAL_CONFIG, PartitionLog } from '../../src/journal/partition-log.js';
import { EntryType } from '../../src/raft/messages.js';
import type { ConfState, Entry } from '../../src/raft/messages.js';
import { JournalRaftLog } from '../../src/replication/journal-raft-log.js';
import { readBatchHeader, isControlBatch } from '../../src/protocol/records/batch-header.js';
import { CONTROL_TYPE_RAFT_CONFIG, CONTROL_TYPE_RAFT_NOOP, controlTypeOf } from '../../src/protocol/records/control-batch.js';
import { makeBatch, splitBatches } from '../helpers/journal-batches.js';
import { storageCases } from '../helpers/raft-storage-cases.js';

const CONFIG = { ...DEFAULT_JOURNAL_CONFIG, retentionCheckMs: 0 };
const conf: ConfState = { voters: [1, 2, 3], nonVoters: [] };
let seed = 1;
const ent = (index: number, count: number, term: number): Entry => ({
  index, count, term, type: EntryType.Normal, data: makeBatch({ records: count, payloadBytes: 40, maxTimestamp: 1000, seed: seed++ }),
});

async function tempDir(t: Test): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'canopy-raft-log-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function openAt(dir: string, genesis: ConfState, windowBytesMax = 1 << 30): Promise<{ log: PartitionLog; raftLog: JournalRaftLog }> {
  const log = await PartitionLog.open(join(dir, 't-0'), CONFIG);
  return { log, raftLog: await JournalRaftLog.open({ log, genesis, windowBytesMax }) };
}

function synced(raftLog: JournalRaftLog): Promise<void> {
  return new Promise((resolve) => raftLog.sync(resolve));
}

storageCases(t, {
  open: async (t, genesis) => {
    const { log, raftLog } = await openAt(await tempDir(t), genesis);
    t.teardown(() => log.close());
    return raftLog;
  },
  entry: ent,
  installSnapshot: (s, snap) => (s as JournalRaftLog).installSnapshot(snap),
});

const shape = (es: Entry[] | null) => (es ?? []).map((e) => ({ index: e.index, count: e.count, term: e.term, type: e.type, data: Buffer.from(e.data).toString('hex') }));

t.test('reopened: the same hard state, membership, entries of every type and terms', async (t) => {
  const dir = await tempDir(t);
  const first = await openAt(dir, conf);
  const ents: Entry[] = [
    { index: 0, count: 1, term: 1, type: EntryType.LeaderNoop, data: new Uint8Array(0) },
    ent(1, 3, 1),
    { index: 4, count: 1, term: 2, type: EntryType.Config, data: new Uint8Array([1, 2, 3, 4]) },
    ent(5, 2, 2),
    ent(7, 1, 2),
  ];
  first.raftLog.append(ents);
  first.raftLog.append([ent(7, 2, 3)]); // replaces 7 (a conflicting suffix)
  first.raftLog.setHardState({ term: 3, vote: 2, commit: 6 });
  await synced(first.raftLog);
  const before = shape(first.raftLog.entries(0, 9, Infinity));
  await first.log.close();

  const again = await openAt(dir, { voters: [9], nonVoters: [] });
  t.teardown(() => again.log.close());
  const s = again.raftLog;
  t.same(s.initialState(), { hardState: { term: 3, vote: 2, commit: 6 }, confState: conf }, 'hard state from the state file, membership from the genesis it was created with');
  t.equal(s.firstIndex(), 0);
  t.equal(s.lastIndex(), 8);
  t.same(shape(s.entries(0, 9, Infinity)), before, 'every entry back with its type, term, span and bytes');
  t.equal(s.term(8), 3);
  t.same(again.log.leaderEpochEntries(), [{ epoch: 1, startOffset: 0 }, { epoch: 2, startOffset: 4 }, { epoch: 3, startOffset: 7 }], 'the journal epoch table follows the terms');

  const stored = splitBatches(Buffer.concat((await again.log.read(0, 1 << 20)).chunks));
  t.same(stored.map(controlTypeOf), [CONTROL_TYPE_RAFT_NOOP, null, CONTROL_TYPE_RAFT_CONFIG, null, null], 'no-op = control type 2, membership = control type 6');
  const batches = stored.map((b) => readBatchHeader(b));
  t.same(batches.map((h) => [h.baseOffset, h.lastOffsetDelta + 1, h.partitionLeaderEpoch, isControlBatch(h.attributes)]),
    [[0, 1, 1, true], [1, 3, 1, false], [4, 1, 2, true], [5, 2, 2, false], [7, 2, 3, false]],
    'on disk: one batch per entry at offset = index, epoch = term; the no-op and the config entry are control batches');
});

t.test('compaction and an installed snapshot survive a reopen', async (t) => {
  const dir = await tempDir(t);
  const first = await openAt(dir, conf);
  first.raftLog.append([ent(0, 2, 1), ent(2, 2, 1), ent(4, 1, 2)]);
  first.raftLog.setHardState({ term: 2, vote: 1, commit: 4 });
  first.raftLog.compact(3, { voters: [1, 2], nonVoters: [] });
  await synced(first.raftLog);
  await first.log.close();
  const second = await openAt(dir, conf);
  t.same(second.raftLog.snapshot(), { index: 3, term: 1, confState: { voters: [1, 2], nonVoters: [] } }, 'the Raft log start and its membership');
  t.same(shape(second.raftLog.entries(4, 5, Infinity)).map((e) => e.index), [4]);
  t.equal(second.log.logStartOffset, 0, 'the journal keeps its batches: Kafka retention decides when they go');

  second.raftLog.installSnapshot({ index: 40, term: 5, confState: conf });
  second.raftLog.setHardState({ term: 5, vote: 0, commit: 40 });
  await synced(second.raftLog);
  t.equal(second.log.logStartOffset, 41, 'a follower reset to the leader log start: the journal restarts there');
  t.equal(second.log.logEndOffset, 41);
  second.raftLog.append([ent(41, 1, 5)]);
  await synced(second.raftLog);
  await second.log.close();
  const third = await openAt(dir, conf);
  t.teardown(() => third.log.close());
  t.equal(third.raftLog.firstIndex(), 41);
  t.equal(third.raftLog.lastIndex(), 41);
  t.equal(third.raftLog.term(40), 5);
  t.equal(third.raftLog.term(41), 5);
});

t.test('the memory view is bounded: trimWindow moves the Raft log start, never past the applied index', async (t) => {
  const dir = await tempDir(t);
  const { log, raftLog } = await openAt(dir, conf, 1000);
  t.teardown(() => log.close());
  const ents: Entry[] = [];
  for (let i = 0; i < 20; i++) ents.push(ent(i, 1, 1));
  raftLog.append(ents);
  const full = raftLog.windowBytes;
  t.ok(full > 1000, `holds ${full} bytes`);
  t.equal(raftLog.trimWindow(4, conf), true, 'over the bound: trims');
  t.equal(raftLog.firstIndex(), 5, 'not past the applied index');
  t.equal(raftLog.trimWindow(19, conf), true);
  t.ok(raftLog.windowBytes <= 500, `at most half the bound after a trim (${raftLog.windowBytes})`);
  t.equal(raftLog.trimWindow(19, conf), false, 'under the bound: nothing to do');
  await synced(raftLog);
  t.equal(log.logStartOffset, 0, 'the journal still holds every batch');
});
