import t from 'tap';
import { MemoryStorage } from '../../src/raft/memory-storage.js';
import { EntryType, makeMessage } from '../../src/raft/messages.js';
import type { Entry, Message, NodeId } from '../../src/raft/messages.js';
import { RAFT_DEFAULTS, Raft } from '../../src/raft/raft.js';
import type { Mutants } from '../../src/raft/raft.js';

const ent = (index: number, count: number, term: number, type = EntryType.Normal): Entry => ({
  index,
  count,
  term,
  type,
  data: new Uint8Array(1),
});

function node(id: NodeId, voters: NodeId[], opts: { entries?: Entry[]; term?: number; commit?: number; mutants?: Mutants } = {}) {
  const storage = new MemoryStorage({ voters, nonVoters: [] });
  if (opts.entries) storage.append(opts.entries);
  storage.setHardState({ term: opts.term ?? 0, vote: 0, commit: opts.commit ?? -1 });
  const raft = new Raft({
    ...RAFT_DEFAULTS,
    id,
    storage,
    random: () => 0,
    checkQuorum: false,
    preVote: false,
    mutants: opts.mutants,
  });
  return { raft, storage };
}

/** Runs one Ready through a MemoryStorage and returns it. */
function drain(n: { raft: Raft; storage: MemoryStorage }) {
  const rd = n.raft.ready();
  if (rd.entries.length > 0) n.storage.append(rd.entries);
  if (rd.hardState) n.storage.setHardState(rd.hardState);
  n.raft.advance();
  return rd;
}

const reply = (m: Partial<Message> & Pick<Message, 'type' | 'from' | 'to' | 'term'>) => makeMessage(m);

t.test('a single voter elects itself, keeps offset 0 and commits at once (§5.2)', async (t) => {
  const n = node(1, [1]);
  n.raft.campaign();
  t.equal(n.raft.role, 'leader');
  t.equal(n.raft.log.lastIndex(), -1, 'no no-op: the log held nothing uncommitted');
  const r = n.raft.propose(new Uint8Array([7]), 3);
  t.same(r, { ok: true, index: 0, term: 1 });
  const rd = drain(n);
  t.ok(rd.mustSync, 'new entries and a new term must be synced before anything is sent');
  t.same(rd.entries.map((e) => [e.index, e.count]), [[0, 3]]);
  t.same(rd.committedEntries.map((e) => e.index), [0], 'persisted and applied in the same Ready');
  t.equal(rd.hardState?.commit, 2);
});

t.test('a new leader appends a no-op only when it holds entries beyond its commit', async (t) => {
  const a = node(1, [1, 2, 3], { entries: [ent(0, 2, 1), ent(2, 1, 1)], term: 1, commit: 1 });
  a.raft.campaign();
  a.raft.step(reply({ type: 'vote-resp', from: 2, to: 1, term: 2 }));
  t.equal(a.raft.role, 'leader');
  const last = a.raft.log.entryAt(3);
  t.equal(last?.type, EntryType.LeaderNoop, 'entry 2 was not known committed: a no-op of term 2 follows it');

  const b = node(1, [1, 2, 3], { entries: [ent(0, 2, 1)], term: 1, commit: 1 });
  b.raft.campaign();
  b.raft.step(reply({ type: 'vote-resp', from: 2, to: 1, term: 2 }));
  t.equal(b.raft.log.lastIndex(), 1, 'everything known committed: no no-op, offsets stay dense');
});

function leaderWithOldEntry(mutants?: Mutants) {
  // Entry 0 of term 1 is in our log only; we become leader of term 3 and append a no-op at 1.
  const n = node(1, [1, 2, 3], { entries: [ent(0, 1, 1)], term: 2, mutants });
  n.raft.campaign();
  n.raft.step(reply({ type: 'vote-resp', from: 2, to: 1, term: 3 }));
  drain(n);
  // Follower 2 acknowledges entry 0 only (the no-op has not reached it yet).
  n.raft.step(reply({ type: 'app-resp', from: 2, to: 1, term: 3, index: 0 }));
  return n;
}

t.test('only entries of the current term are committed by counting replicas (§5.4.2)', async (t) => {
  t.equal(leaderWithOldEntry().raft.log.committed, -1, 'entry 0 (term 1) on a majority is not committed');
  t.equal(leaderWithOldEntry({ commitOldTerm: true }).raft.log.committed, 0, 'the commit-old-term mutant commits it');
  const n = leaderWithOldEntry();
  n.raft.step(reply({ type: 'app-resp', from: 2, to: 1, term: 3, index: 1 }));
  t.equal(n.raft.log.committed, 1, 'the no-op commits, and entry 0 with it');
});

t.test('one vote per term (§5.2), unless the double-vote mutant is on', async (t) => {
  for (const [mutants, expected] of [
    [undefined, true],
    [{ doubleVote: true }, false],
  ] as const) {
    const n = node(3, [1, 2, 3], { mutants });
    n.raft.step(reply({ type: 'vote', from: 1, to: 3, term: 1, index: -1, logTerm: 0 }));
    n.raft.step(reply({ type: 'vote', from: 2, to: 3, term: 1, index: -1, logTerm: 0 }));
    const votes = drain(n).messages.filter((m) => m.type === 'vote-resp');
    t.same(
      votes.map((m) => m.reject),
      [false, expected],
      mutants ? 'mutant grants both' : 'the second candidate is refused',
    );
  }
});

t.test('votes and appends must be synced before they are sent, unless send-before-sync', async (t) => {
  const ok = node(3, [1, 2, 3]);
  ok.raft.step(reply({ type: 'vote', from: 1, to: 3, term: 1, index: -1, logTerm: 0 }));
  t.ok(drain(ok).mustSync);
  const bad = node(3, [1, 2, 3], { mutants: { sendBeforeSync: true } });
  bad.raft.step(reply({ type: 'vote', from: 1, to: 3, term: 1, index: -1, logTerm: 0 }));
  t.notOk(drain(bad).mustSync);
});

t.test('a follower rejects an append that follows an index inside one of its batches', async (t) => {
  const n = node(2, [1, 2, 3], { entries: [ent(0, 5, 1)], term: 1 });
  n.raft.step(reply({ type: 'app', from: 1, to: 2, term: 2, index: 2, logTerm: 1, entries: [ent(3, 1, 2)] }));
  const resp = drain(n).messages.find((m) => m.type === 'app-resp')!;
  t.ok(resp.reject);
  t.equal(resp.rejectHint, -1, 'hint: the last boundary at or below 2 with term <= 1 is the empty prefix');
  n.raft.step(reply({ type: 'app', from: 1, to: 2, term: 2, index: -1, logTerm: 0, entries: [ent(0, 3, 2)], commit: 2 }));
  const rd = drain(n);
  t.same(rd.entries.map((e) => [e.index, e.count, e.term]), [[0, 3, 2]], 'the conflicting batch is replaced');
  t.equal(n.raft.log.committed, 2);
});

t.test('ReadIndex waits for a quorum to confirm the leadership', async (t) => {
  const n = node(1, [1, 2, 3], {});
  n.raft.campaign();
  n.raft.step(reply({ type: 'vote-resp', from: 2, to: 1, term: 1 }));
  t.ok(n.raft.readIndex(77), 'a leader elected with nothing uncommitted knows the commit index');
  const rd = drain(n);
  const hb = rd.messages.find((m) => m.type === 'heartbeat')!;
  t.same(rd.readStates, [], 'not before the quorum answers');
  n.raft.step(reply({ type: 'heartbeat-resp', from: 3, to: 1, term: 1, context: hb.context }));
  t.same(drain(n).readStates, [{ requestId: 77, index: -1 }]);
  const f = node(2, [1, 2, 3]);
  t.notOk(f.raft.readIndex(1), 'followers refuse');
});

t.test('proposals are bounded while a leader cannot commit', async (t) => {
  const storage = new MemoryStorage({ voters: [1, 2, 3], nonVoters: [] });
  const raft = new Raft({ ...RAFT_DEFAULTS, id: 1, storage, random: () => 0, uncommittedIndexesMax: 4 });
  raft.campaign();
  raft.step(reply({ type: 'pre-vote-resp', from: 2, to: 1, term: 1 }));
  raft.step(reply({ type: 'vote-resp', from: 2, to: 1, term: 1 }));
  t.equal(raft.role, 'leader');
  t.ok(raft.propose(new Uint8Array(1), 4).ok);
  t.same(raft.propose(new Uint8Array(1)), { ok: false, reason: 'overloaded' });
});
