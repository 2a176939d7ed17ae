/**
 * Three RaftReplicas in one process, each on a real journal in its own temp folder, connected by
 * an in-process network (test/helpers/raft-network.ts) and driven by one real GroupTicker. Every
 * wait is bounded.
 */
import t from 'tap';
import type { Test } from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_JOURNAL_CONFIG, PartitionLog } from '../../src/journal/partition-log.js';
import { readBatchHeader, isControlBatch } from '../../src/protocol/records/batch-header.js';
import { PartitionError } from '../../src/replication/errors.js';
import { GroupTicker } from '../../src/replication/group-ticker.js';
import { RaftReplica } from '../../src/replication/raft-replica.js';
import { raftIdOf } from '../../src/replication/raft-ids.js';
import { makeBatch, splitBatches } from '../helpers/journal-batches.js';
import { committedBytes } from '../helpers/committed-bytes.js';
import { RaftNetwork } from '../helpers/raft-network.js';

const CONFIG = { ...DEFAULT_JOURNAL_CONFIG, retentionCheckMs: 0 };
const TICK_MS = 20;
const ELECTION_TICKS = 20;
const WAIT_MS_MAX = 15_000;
let seed = 1;
const batch = (records = 2) => makeBatch({ records, payloadBytes: 64, maxTimestamp: 1000, seed: seed++ });

async function waitFor(what: string, cond: () => boolean): Promise<void> {
  const deadline = Date.now() + WAIT_MS_MAX;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The promise's outcome (value or error), or a timeout error; keeps the process alive meanwhile (the ticker's timer does not). */
async function outcome<T>(what: string, p: Promise<T>): Promise<T | unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Error>((resolve) => { timer = setTimeout(() => resolve(new Error(`timed out waiting for ${what}`)), WAIT_MS_MAX); });
  try {
    return await Promise.race([p.catch((err: unknown) => err), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

class Cluster {
  readonly net = new RaftNetwork();
  readonly ticker = new GroupTicker(TICK_MS);
  readonly replicas = new Map<number, RaftReplica>(); // by Kafka node id
  constructor(readonly root: string, readonly nodeIds: number[], readonly windowBytesMax?: number) {}

  async start(nodeId: number): Promise<RaftReplica> {
    const log = await PartitionLog.open(join(this.root, `n${nodeId}`, 't-0'), CONFIG);
    const replica = await RaftReplica.open({
      log, name: `t-0@${nodeId}`, nodeId, voters: this.nodeIds, transport: this.net.transport(), ticker: this.ticker.ticker(),
      // 400-800 ms election timeouts: a loaded CI machine should not depose a healthy leader.
      raft: { electionTicks: ELECTION_TICKS },
      ...(this.windowBytesMax === undefined ? {} : { windowBytesMax: this.windowBytesMax }),
    });
    this.net.attach(raftIdOf(nodeId), replica);
    this.replicas.set(nodeId, replica);
    return replica;
  }

  async stop(nodeId: number): Promise<void> {
    this.net.detach(raftIdOf(nodeId));
    await this.replicas.get(nodeId)!.close();
    this.replicas.delete(nodeId);
  }

  /** The one leader all running replicas agree on (waits for it). */
  async leader(exceptNodeId = -1): Promise<RaftReplica> {
    let found: RaftReplica | undefined;
    await waitFor('a leader', () => {
      const running = [...this.replicas.entries()].filter(([id]) => id !== exceptNodeId).map(([, r]) => r);
      found = running.find((r) => r.isLeader);
      return found !== undefined && running.every((r) => r.leader.raftId === found!.raftId);
    });
    return found!;
  }
}

/**
 * Appends through whoever leads, retrying on NOT_LEADER as a Kafka client does (on a loaded
 * machine a leader may step down when a quorum's answers come late). Returns the leader used.
 */
async function appendOnLeader(c: Cluster, bytes: () => Buffer): Promise<RaftReplica> {
  for (let attempt = 0; ; attempt++) {
    const leader = await c.leader();
    try {
      await leader.append(bytes(), { leaderEpoch: 0 });
      return leader;
    } catch (err) {
      if (!(err instanceof PartitionError && err.code === 'NOT_LEADER') || attempt >= 10) throw err;
    }
  }
}

async function cluster(t: Test, nodeIds = [0, 1, 2], windowBytesMax?: number): Promise<Cluster> {
  const root = await mkdtemp(join(tmpdir(), 'canopy-raft-replica-'));
  const c = new Cluster(root, nodeIds, windowBytesMax);
  t.teardown(async () => {
    for (const id of [...c.replicas.keys()]) await c.stop(id);
    await rm(root, { recursive: true, force: true });
  });
  for (const id of nodeIds) await c.start(id);
  return c;
}


function notLeader(t: Test, err: unknown, what: string): void {
  t.ok(err instanceof PartitionError && err.code === 'NOT_LEADER', `${what}: NOT_LEADER (got ${String(err)})`);
}

t.test('a leader is elected; appends commit and read back identically on all three; a follower refuses', async (t) => {
  const c = await cluster(t);
  const leader = await c.leader();
  t.ok(leader.leader.term >= 1, 'term = leader epoch, at least 1');
  t.same(leader.replicaNodeIds.sort(), [0, 1, 2]);

  const first = await leader.append(batch(3), { leaderEpoch: 0 });
  t.same(first, { baseOffset: 0, lastOffset: 2 }, 'a fresh group needs no no-op: offsets start at 0, dense');
  const second = await leader.append(batch(2), { leaderEpoch: 0 });
  t.same(second, { baseOffset: 3, lastOffset: 4 });
  t.ok(leader.highWatermark >= 5, 'committed: the high watermark passed the append');

  await waitFor('every replica to commit offset 4', () => [...c.replicas.values()].every((r) => r.highWatermark === 5));
  const bytes = await Promise.all([...c.replicas.values()].map(committedBytes));
  t.ok(bytes[0]!.length > 0);
  t.ok(bytes.every((b) => b.equals(bytes[0]!)), 'identical bytes at identical offsets on all three');
  const headers = splitBatches(bytes[0]!).map((b) => readBatchHeader(b));
  t.same(headers.map((h) => [h.baseOffset, h.partitionLeaderEpoch, isControlBatch(h.attributes)]), [[0, leader.leader.term, false], [3, leader.leader.term, false]], 'epoch = term');
  t.same(leader.endOffsetForEpoch(leader.leader.term), { epoch: leader.leader.term, endOffset: 5 }, 'endOffsetForEpoch from the journal epoch table');
  t.same(leader.isrNodeIds()!.sort(), [0, 1, 2], 'every voter caught up: all in the ISR');

  const follower = [...c.replicas.values()].find((r) => r !== leader)!;
  t.equal(follower.isrNodeIds(), null, 'the ISR is the leader view');
  t.equal(follower.leader.nodeId, leader.leader.nodeId, 'a follower knows the leader (Kafka node id)');
  await follower.append(batch(), { leaderEpoch: 0 }).then(() => t.fail('a follower accepted an append'), (err) => notLeader(t, err, 'append on a follower'));
});

t.test('an isolated leader: a new leader with a higher term; the old one rejects its pending append and is truncated to the new log', async (t) => {
  const c = await cluster(t);
  const old = await c.leader();
  await old.append(batch(), { leaderEpoch: 0 });
  await waitFor('all replicas at offset 2', () => [...c.replicas.values()].every((r) => r.highWatermark === 2));
  const oldTerm = old.leader.term;
  const oldNodeId = old.leader.nodeId;

  const follower = [...c.replicas.values()].find((r) => r !== old)!;
  const seen: number[] = [];
  follower.onLeaderChange((l) => seen.push(l.nodeId));
  c.net.isolate(old.raftId, [1, 2, 3]);
  const lost = old.append(batch(4), { leaderEpoch: 0 }); // reaches only the old leader's own log
  const lostOutcome = outcome('the old leader\'s append to fail', lost.then(() => 'committed'));
  const fresh = await c.leader(oldNodeId);
  t.ok(fresh.leader.term > oldTerm, `the new leader's term ${fresh.leader.term} is above ${oldTerm}`);
  t.equal(seen[seen.length - 1], fresh.leader.nodeId, 'onLeaderChange told a follower the new leader (Kafka node id)');
  const won = await fresh.append(batch(1), { leaderEpoch: 0 });
  t.equal(won.baseOffset, 2, 'the new leader writes at the offset the old leader used for its uncommitted append');
  notLeader(t, await lostOutcome, 'the old leader\'s uncommitted append');

  c.net.heal();
  await waitFor('the old leader to follow and catch up', () => old.leader.raftId === fresh.raftId && old.highWatermark === fresh.highWatermark);
  const bytes = await Promise.all([...c.replicas.values()].map(committedBytes));
  t.ok(bytes.every((b) => b.equals(bytes[0]!)), 'identical logs after healing');
  const oldHeaders = splitBatches(bytes[0]!).map((b) => readBatchHeader(b));
  t.same(oldHeaders.map((h) => [h.baseOffset, h.lastOffsetDelta + 1]), [[0, 2], [2, 1]], 'the old leader\'s 4-record batch is gone from its log');
  t.equal(old.logEndOffset, fresh.logEndOffset, 'the old leader\'s log was truncated to the new leader\'s');
});

t.test('a replica restarted from its folder catches up', async (t) => {
  const c = await cluster(t);
  const leader = await c.leader();
  await leader.append(batch(), { leaderEpoch: 0 });
  const stopped = leader.leader.nodeId === 0 ? 1 : 0;
  await waitFor('the replica to commit', () => c.replicas.get(stopped)!.highWatermark === 2);
  await c.stop(stopped);
  let current = leader;
  for (let i = 0; i < 5; i++) current = await appendOnLeader(c, () => batch());
  const restarted = await c.start(stopped);
  t.equal(restarted.highWatermark, 2, 'what it committed before is committed at once after the restart');
  await waitFor('the restarted replica to catch up', () => restarted.highWatermark === current.highWatermark);
  t.ok(restarted.highWatermark >= 12, `at least the 6 appends committed (${restarted.highWatermark})`);
  t.ok((await committedBytes(restarted)).equals(await committedBytes(current)), 'same bytes as the leader');
});

t.test('a replica behind the leader\'s Raft log start is reset to it (snap) and follows from there', async (t) => {
  const c = await cluster(t, [0, 1, 2], 2000); // a memory view of ~2 KB: a few batches
  const leader = await c.leader();
  const behind = leader.leader.nodeId === 0 ? 1 : 0;
  await c.stop(behind);
  let current = leader;
  for (let i = 0; i < 30; i++) current = await appendOnLeader(c, () => batch());
  const restarted = await c.start(behind);
  await waitFor('the reset replica to catch up', () => restarted.highWatermark === current.highWatermark);
  t.ok(restarted.logStartOffset > 0, `its journal restarted at the leader's Raft log start (${restarted.logStartOffset})`);
  const tail = await committedBytes(restarted);
  const leaderFrom = await current.read(restarted.logStartOffset, 1 << 20);
  t.ok(tail.length > 0 && Buffer.concat(leaderFrom.chunks).subarray(0, tail.length).equals(tail), 'from there on, the leader\'s bytes at the same offsets');
  const more = await appendOnLeader(c, () => batch());
  await waitFor('the reset replica to take a new append', () => restarted.highWatermark === more.highWatermark);
});

t.test('a single-voter group commits on its own (the same code path)', async (t) => {
  const c = await cluster(t, [0]);
  const only = await c.leader();
  t.equal(only.leader.nodeId, 0);
  t.same(await only.append(batch(2), { leaderEpoch: 0 }), { baseOffset: 0, lastOffset: 1 });
  t.equal(only.highWatermark, 2);
  await c.stop(0);
  const again = await c.start(0);
  await waitFor('the single voter to lead again', () => again.isLeader);
  t.same(await again.append(batch(1), { leaderEpoch: 0 }), { baseOffset: 2, lastOffset: 2 }, 'after a restart: no no-op is needed (its log holds nothing beyond commit), offsets stay dense');
});
