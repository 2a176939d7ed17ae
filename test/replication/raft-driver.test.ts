/**
 * The production Raft driver's ordering (Ready → persist → sync → send → apply → advance) when a
 * sync takes time, as an fsync does: nothing leaves and nothing is applied before the disk says
 * the Ready's writes are durable, inputs meanwhile are held or refused, and a stopped driver
 * ignores a late sync. The seeded simulator (test/raft/sim/) runs the same driver at scale.
 */
import t from 'tap';
import { MemoryStorage } from '../../src/raft/memory-storage.js';
import { makeMessage } from '../../src/raft/messages.js';
import type { ConfState, Entry, HardState, Message, SnapshotMeta } from '../../src/raft/messages.js';
import { RAFT_DEFAULTS, Raft } from '../../src/raft/raft.js';
import { RaftDriver } from '../../src/replication/raft-driver.js';
import type { DriverMutants, RaftDisk } from '../../src/replication/raft-driver.js';

/** A disk over a MemoryStorage whose syncs complete only when the test says so; logs every step. */
class SlowDisk implements RaftDisk {
  readonly storage: MemoryStorage;
  readonly steps: string[] = [];
  private pending: (() => void)[] = [];

  constructor(voters: number[]) {
    this.storage = new MemoryStorage({ voters, nonVoters: [] });
  }

  installSnapshot(snapshot: SnapshotMeta): void {
    this.steps.push(`snapshot ${snapshot.index}`);
    this.storage.applySnapshot(snapshot);
  }
  append(entries: readonly Entry[]): void {
    this.steps.push(`append ${entries.map((e) => e.index).join(',')}`);
    this.storage.append(entries);
  }
  setHardState(hs: HardState): void {
    this.steps.push(`hard-state term=${hs.term} vote=${hs.vote} commit=${hs.commit}`);
    this.storage.setHardState(hs);
  }
  compact(index: number, confState: ConfState): void {
    this.steps.push(`compact ${index}`);
    this.storage.compact(index, confState);
  }
  sync(done: () => void): void {
    this.steps.push('sync');
    this.pending.push(done);
  }
  get syncsPending(): number {
    return this.pending.length;
  }
  /** Completes the oldest sync in flight. */
  completeSync(): void {
    const done = this.pending.shift();
    if (done === undefined) throw new Error('no sync in flight');
    this.steps.push('synced');
    done();
  }
}

function node(id: number, voters: number[], mutants: DriverMutants = {}) {
  const disk = new SlowDisk(voters);
  const raft = new Raft({ ...RAFT_DEFAULTS, id, storage: disk.storage, random: () => 0, preVote: false, checkQuorum: false });
  const sent: Message[] = [];
  const applied: number[] = [];
  let onTick: (() => void) | null = null;
  const driver = new RaftDriver({
    raft,
    disk,
    transport: {
      send: (ms) => {
        disk.steps.push(`send ${ms.map((m) => `${m.type}>${m.to}`).join(',')}`);
        sent.push(...ms);
      },
    },
    ticker: {
      start: (fn) => {
        onTick = fn;
        return () => {
          onTick = null;
        };
      },
    },
    applier: {
      apply: (entries) => {
        disk.steps.push(`apply ${entries.map((e) => e.index).join(',')}`);
        for (const e of entries) applied.push(e.index);
      },
    },
    heldMessagesMax: 2,
    mutants,
  });
  driver.start();
  return { disk, raft, driver, sent, applied, tick: () => onTick?.() };
}

t.test('a single voter applies its entry only after the sync that made it durable', async (t) => {
  const n = node(1, [1]);
  n.raft.campaign();
  t.equal(n.raft.role, 'leader');
  const r = n.driver.propose(new Uint8Array([1]), 2);
  t.same(r, { ok: true, index: 0, term: 1 });
  n.driver.process();
  t.ok(n.driver.persisting, 'waiting for the disk');
  t.same(n.applied, [], 'nothing applied before the sync completed');
  t.same(n.driver.propose(new Uint8Array([2])), { ok: false, reason: 'persisting' }, 'the core is not touched meanwhile');
  n.disk.completeSync();
  t.notOk(n.driver.persisting);
  t.same(n.applied, [0]);
  t.same(n.disk.steps, ['append 0', 'hard-state term=1 vote=1 commit=1', 'sync', 'synced', 'apply 0']);
  t.equal(n.raft.log.applied, 1, 'advanced: applied through the batch of two indexes');
});

t.test('a candidate sends its vote requests only after its term and vote are durable (§5.2)', async (t) => {
  const n = node(1, [1, 2, 3]);
  for (let i = 0; i < RAFT_DEFAULTS.electionTicks * 2 && n.raft.role === 'follower'; i++) n.tick();
  t.equal(n.raft.role, 'candidate');
  t.same(n.sent, [], 'no vote request before the sync');
  t.same(n.disk.steps, ['hard-state term=1 vote=1 commit=-1', 'sync']);
  // Replies and ticks that arrive meanwhile are held (up to heldMessagesMax), not stepped.
  const grant = (from: number) => makeMessage({ type: 'vote-resp', from, to: 1, term: 1 });
  n.driver.step(grant(2));
  n.driver.step(grant(3));
  n.driver.step(grant(2));
  n.tick();
  t.equal(n.raft.role, 'candidate', 'held, not stepped, while persisting');
  n.disk.completeSync();
  t.same(n.sent.slice(0, 2).map((m) => `${m.type}>${m.to}`), ['vote>2', 'vote>3'], 'the votes left first');
  t.equal(n.raft.role, 'leader', 'the held grants were fed in after advance');
  // The loop resumed by itself: the new leader's first appends (no no-op on a fresh log) left too.
  t.same(n.sent.slice(2).map((m) => m.type).sort(), ['app', 'app', 'heartbeat', 'heartbeat']);
  t.notOk(n.driver.persisting);
});

t.test('the send-before-persist mutant breaks exactly that order (this test can fail)', async (t) => {
  const n = node(1, [1, 2, 3], { sendBeforePersist: true });
  for (let i = 0; i < RAFT_DEFAULTS.electionTicks * 2 && n.raft.role === 'follower'; i++) n.tick();
  t.same(n.disk.steps, ['send vote>2,vote>3', 'hard-state term=1 vote=1 commit=-1', 'sync']);
});

t.test('a stopped driver ignores a sync completing late and its ticker stops', async (t) => {
  const n = node(1, [1]);
  n.raft.campaign();
  n.driver.propose(new Uint8Array([1]));
  n.driver.process();
  n.driver.stop();
  n.disk.completeSync();
  t.same(n.applied, [], 'a crashed node applies nothing');
  t.same(n.sent, []);
  const steps = n.disk.steps.length;
  n.tick();
  n.driver.step(makeMessage({ type: 'heartbeat', from: 2, to: 1, term: 5 }));
  n.driver.process();
  t.equal(n.disk.steps.length, steps, 'no more writes');
  t.equal(n.raft.term, 1);
});

t.test('compaction drops the log through the applied index and syncs it', async (t) => {
  const n = node(1, [1]);
  n.raft.campaign();
  t.notOk(n.driver.compactThroughApplied(), 'nothing applied yet');
  n.driver.propose(new Uint8Array([1]));
  n.driver.propose(new Uint8Array([2]));
  n.driver.process();
  n.disk.completeSync();
  t.ok(n.driver.compactThroughApplied());
  t.equal(n.disk.storage.firstIndex(), 2);
  t.same(n.disk.steps.slice(-2), ['compact 1', 'sync']);
});
