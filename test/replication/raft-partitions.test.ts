/**
 * Three nodes in one process, each with its own PeerTransport on 127.0.0.1 (real sockets), its own
 * GroupTicker and temp data dir, hosting 12 partitions (RF 3) placed by cluster/placement.ts through
 * RaftPartitions; produce and read through Partition. Every wait is bounded.
 */
import t from 'tap';
import type { Test } from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { placePartitions } from '../../src/cluster/placement.js';
import { buildBatchUncompressed } from '../../src/protocol/records/batch.js';
import { readBatchHeader } from '../../src/protocol/records/batch-header.js';
import { PartitionError } from '../../src/replication/errors.js';
import { PARTITIONS_DIR } from '../../src/replication/partition-manager.js';
import type { NodePlacement } from '../../src/replication/raft-partitions.js';
import { PartitionNodes, topicSettings, waitFor, type PartitionNode } from '../helpers/raft-partition-nodes.js';
import { splitBatches } from '../helpers/journal-batches.js';
import { committedBytes } from '../helpers/committed-bytes.js';

const APPEND = { acks: -1, timeoutMs: 10_000 };
const PARTITIONS = 12;

/** A client-shaped batch (the record codec producers use) from idempotent producer `producerId`. */
const produced = (producerId: number, baseSequence: number, tag: string) => buildBatchUncompressed(
  [0, 1].map((i) => ({ key: Buffer.from(`k${i}`), value: Buffer.from(`${tag}-p${producerId}-s${baseSequence + i}`), timestamp: Date.now() })),
  { producerId, producerEpoch: 0, baseSequence },
);

function assignments(count: number, startIndex: number): number[][] {
  const r = placePartitions({ nodes: [0, 1, 2].map((id) => ({ id, rack: null })), existing: [], partitionCount: count, replicationFactor: 3, startIndex });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.assignments.map((a) => [...a]);
}

const placementOf = (topics: Record<string, number[][]>): NodePlacement =>
  new Map(Object.entries(topics).map(([name, partitions]) => [name, { partitions, settings: topicSettings() }]));

/** The leader of topic-index all running nodes agree on (waits for it). */
async function agreedLeader(c: PartitionNodes, topic: string, index: number): Promise<PartitionNode> {
  let leader: PartitionNode | undefined;
  await waitFor(`one agreed leader for ${topic}-${index}`, () => {
    const states = c.running().map((n) => n.partitions.state(topic, index));
    const leaders = c.running().filter((n) => n.partitions.state(topic, index)?.isLeader);
    leader = leaders[0];
    return leaders.length === 1 && states.every((s) => s !== undefined && s.leader === leader!.nodeId);
  });
  return leader!;
}

/** Appends on whoever leads, retrying NOT_LEADER as a Kafka client does after a metadata refresh. */
async function produce(c: PartitionNodes, topic: string, index: number, batch: () => Buffer) {
  for (let attempt = 0; ; attempt++) {
    const leader = await agreedLeader(c, topic, index);
    try {
      return await leader.partitions.get(topic, index)!.append(batch(), APPEND);
    } catch (err) {
      if (!(err instanceof PartitionError && err.code === 'NOT_LEADER') || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}


/** Waits until every running node holds the same committed bytes of topic-index as `hw`; returns them. */
async function sameEverywhere(t: Test, c: PartitionNodes, topic: string, index: number, hw: number): Promise<Buffer> {
  // Nothing else writes meanwhile, so every node's commit settles on the same offset.
  await waitFor(`${topic}-${index} committed to the same offset >= ${hw} on every running node`, () => {
    const hws = c.running().map((n) => n.partitions.get(topic, index)!.highWatermark);
    return hws.every((h) => h >= hw && h === hws[0]);
  });
  const bytes = await Promise.all(c.running().map((n) => committedBytes(n.partitions.get(topic, index)!)));
  t.ok(bytes.every((b) => b.equals(bytes[0]!)), `${topic}-${index}: identical committed bytes on nodes ${c.running().map((n) => n.nodeId).join(',')}`);
  return bytes[0]!;
}

const leadersOn = (c: PartitionNodes, nodeId: number, topic: string) =>
  Array.from({ length: PARTITIONS }, (_, i) => i).filter((i) => c.nodes[nodeId]!.partitions.state(topic, i)?.isLeader);

async function preferredLead(c: PartitionNodes, topic: string, assigned: number[][]): Promise<void> {
  await waitFor(`every ${topic} partition led by its preferred replica`, () => assigned.every((replicas, i) =>
    c.running().every((n) => n.partitions.state(topic, i)?.leader === replicas[0]) && c.nodes[replicas[0]!]!.partitions.state(topic, i)?.isLeader === true)).catch((err: Error) => {
    const views = assigned.map((replicas, i) => `${topic}-${i} preferred ${replicas[0]}: ` + c.running().map((n) => {
      const s = n.partitions.state(topic, i);
      const h = n.partitions.all().find((x) => x.topic === topic && x.index === i);
      return `n${n.nodeId} leader=${s?.leader} epoch=${s?.leaderEpoch}${s?.isLeader ? ` caughtUp=${h?.replica.caughtUp(replicas[0]!)}` : ''}`;
    }).join(' '));
    throw new Error(`${err.message}\n${views.join('\n')}`);
  });
}

t.test('12 partitions RF 3 on 3 nodes: preferred leaders, replication, a crash and its healing, placement changes', async (t) => {
  const c = await PartitionNodes.start(t, 3);
  const assigned = assignments(PARTITIONS, 0);
  t.same([0, 1, 2].map((id) => assigned.filter((r) => r[0] === id).length), [4, 4, 4], 'placement spreads preferred leaders 4 per node');
  await c.apply(placementOf({ orders: assigned }));

  for (let i = 0; i < PARTITIONS; i++) await agreedLeader(c, 'orders', i);
  t.pass('every partition has a leader all three agree on');
  await preferredLead(c, 'orders', assigned);
  t.same([0, 1, 2].map((id) => leadersOn(c, id, 'orders').length), [4, 4, 4], 'leaders on the preferred replicas: 4 per node');
  for (let i = 0; i < PARTITIONS; i++) {
    const s = c.nodes[assigned[i]![0]!]!.partitions.state('orders', i)!;
    t.same(s.replicas, assigned[i], `orders-${i}: replicas in placement order`);
    t.ok(s.leaderEpoch >= 1, 'leader epoch = the Raft term');
  }

  // Produce on each leader through Partition (Kafka's rules); commits replicate identically.
  const hw: number[] = [];
  for (let i = 0; i < PARTITIONS; i++) {
    const leader = c.nodes[assigned[i]![0]!]!;
    const p = leader.partitions.get('orders', i)!;
    const first = await p.append(produced(100 + i, 0, 'a'), APPEND);
    await p.append(produced(100 + i, 2, 'a'), APPEND);
    t.equal(p.leaderEpoch, leader.partitions.state('orders', i)!.leaderEpoch, 'Partition.leaderEpoch is the term');
    hw[i] = p.highWatermark;
    t.ok(hw[i]! >= first.baseOffset + 4, 'the high watermark passed both appends (commit)');
    const bytes = await sameEverywhere(t, c, 'orders', i, hw[i]!);
    const epochs = splitBatches(bytes).map((b) => readBatchHeader(b)).filter((h) => h.producerId === 100 + i).map((h) => h.partitionLeaderEpoch);
    t.same(epochs, [p.leaderEpoch, p.leaderEpoch], 'batches carry the leader epoch');
  }
  t.same(c.nodes[assigned[0]![0]!]!.partitions.state('orders', 0)!.isr!.slice().sort(), [0, 1, 2], 'every replica caught up: all in the ISR');

  // A follower refuses appends: NOT_LEADER (Kafka NOT_LEADER_OR_FOLLOWER).
  const follower = c.nodes[assigned[0]![1]!]!;
  t.equal(follower.partitions.state('orders', 0)!.isr, null, 'the ISR is known on the leader only');
  await t.rejects(follower.partitions.get('orders', 0)!.append(produced(999, 0, 'f'), APPEND), { code: 'NOT_LEADER' }, 'append on a follower');
  await t.rejects(follower.partitions.get('orders', 0)!.append(buildBatchUncompressed([{ key: null, value: Buffer.from('x'), timestamp: Date.now() }]), APPEND), { code: 'NOT_LEADER' }, 'non-idempotent append on a follower');

  // Node 0 crashes: its partitions get new leaders with higher epochs; nothing acknowledged is lost.
  const led0 = leadersOn(c, 0, 'orders');
  const epochsBefore = led0.map((i) => c.nodes[0]!.partitions.state('orders', i)!.leaderEpoch);
  const before = await Promise.all(Array.from({ length: PARTITIONS }, (_, i) => committedBytes(c.nodes[1]!.partitions.get('orders', i)!)));
  await c.stop(0);
  for (const [k, i] of led0.entries()) {
    const leader = await agreedLeader(c, 'orders', i);
    t.not(leader.nodeId, 0);
    t.ok(leader.partitions.state('orders', i)!.leaderEpoch > epochsBefore[k]!, `orders-${i}: the new leader's epoch is higher`);
    // The producer's retry of its last batch is recognised on the new leader (state rebuilt from
    // the committed log), and its next batch is accepted in sequence.
    const p = leader.partitions.get('orders', i)!;
    const resent = await produce(c, 'orders', i, () => produced(100 + i, 2, 'a'));
    t.equal(resent.duplicate, true, `orders-${i}: a resent batch is a duplicate on the new leader`);
    // A Fetch long-poll on the other survivor, at the offset the next batch gets, wakes on its commit.
    const longPoll = c.running().find((n) => n !== leader)!.partitions.get('orders', i)!;
    const nextOffset = p.logEndOffset;
    const woke = longPoll.waitForData(nextOffset, Date.now() + 20_000);
    const next = await produce(c, 'orders', i, () => produced(100 + i, 4, 'b'));
    t.equal(next.duplicate, false);
    await woke;
    t.ok(longPoll.highWatermark > nextOffset, `orders-${i}: the follower's long-poll woke once the batch committed`);
    t.ok(p.highWatermark > next.baseOffset);
  }
  for (let i = 0; i < PARTITIONS; i++) {
    const bytes = await sameEverywhere(t, c, 'orders', i, hw[i]!);
    t.ok(bytes.subarray(0, before[i]!.length).equals(before[i]!), `orders-${i}: everything committed before the crash is still there`);
  }

  // Node 0 comes back: it catches up, and preferred leadership returns to it.
  await c.restart(0);
  await preferredLead(c, 'orders', assigned);
  t.same([0, 1, 2].map((id) => leadersOn(c, id, 'orders').length), [4, 4, 4], 'preferred leaders again: 4 per node');
  for (let i = 0; i < PARTITIONS; i++) {
    const top = Math.max(...c.running().map((n) => n.partitions.get('orders', i)!.highWatermark));
    await sameEverywhere(t, c, 'orders', i, top);
  }

  // A placement without `orders` and with `payments`: groups close (data deleted) and open.
  const paying = assignments(3, 1);
  await c.apply(placementOf({ payments: paying }));
  for (const n of c.nodes) {
    t.equal(n.partitions.get('orders', 0), undefined, `node ${n.nodeId}: orders closed`);
    t.notOk(existsSync(join(n.dataDir, PARTITIONS_DIR, 'orders-0')), `node ${n.nodeId}: orders-0 deleted`);
    t.equal(n.partitions.all().length, 3, `node ${n.nodeId}: hosts the 3 payments partitions`);
  }
  for (let i = 0; i < 3; i++) {
    const r = await produce(c, 'payments', i, () => produced(200 + i, 0, 'p'));
    await sameEverywhere(t, c, 'payments', i, r.baseOffset + 2);
  }
});
