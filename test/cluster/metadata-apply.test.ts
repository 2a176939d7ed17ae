// The metadata state machine: records build the image, invalid records are typed errors that
// change nothing (and do not stop the rest of a batch), the delta says what the broker must open
// or close, and a snapshot (encoded to bytes and decoded again) rebuilds an equal image.
import t from 'tap';
import { applyRecord, applyRecords } from '../../src/cluster/metadata-apply.js';
import { EMPTY_METADATA_IMAGE, liveNodes, topicByName, type MetadataImage } from '../../src/cluster/metadata-image.js';
import { isEmptyDelta } from '../../src/cluster/metadata-delta.js';
import { imageToRecords } from '../../src/cluster/metadata-snapshot.js';
import { decodeMetadataRecord, encodeMetadataRecord } from '../../src/cluster/metadata-record-frame.js';
import type { MetadataRecord } from '../../src/protocol/generated/metadata-records.js';
import { Rng } from '../helpers/protocol-random.js';
import { rec, topicIdOf } from '../helpers/metadata-records.js';

const A = topicIdOf(1);
const B = topicIdOf(2);

function build(records: MetadataRecord[]): MetadataImage {
  const out = applyRecords(EMPTY_METADATA_IMAGE, records);
  if (out.refused.length > 0) throw new Error(`refused: ${JSON.stringify(out.refused)}`);
  return out.image;
}

/** Everything an image holds, as plain data (to compare images). */
function plain(image: MetadataImage): unknown {
  return {
    clusterId: image.clusterId,
    metadataVersion: image.metadataVersion,
    nodes: [...image.nodes.values()].sort((a, b) => a.id - b.id).map((n) => ({ ...n, incarnationId: n.incarnationId.toString('hex'), endpoints: n.endpoints.map((e) => ({ ...e })) })),
    topics: [...image.topics.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, topic]) => ({
      key, name: topic.name, id: topic.id.toString('hex'), internal: topic.internal,
      partitions: topic.partitions.map((p) => ({ ...p, replicas: [...p.replicas], addingReplicas: [...p.addingReplicas], removingReplicas: [...p.removingReplicas] })),
      configs: [...topic.configs].sort(([a], [b]) => (a < b ? -1 : 1)),
    })),
    byName: [...image.topicIdByName].sort(([a], [b]) => (a < b ? -1 : 1)),
  };
}

const base = (): MetadataImage => build([
  rec.cluster('c-1'), rec.register(0, { rack: 'a' }), rec.register(1, { rack: 'b' }), rec.register(2, { rack: 'c' }),
  rec.topic('orders', A), rec.partition(A, 0, [0, 1, 2]), rec.partition(A, 1, [1, 2, 0]), rec.config(A, 'retention.ms', '1000'),
]);

t.test('records build the image; the delta lists what appeared', async (t) => {
  const out = applyRecords(EMPTY_METADATA_IMAGE, [
    rec.cluster('c-1'), rec.register(0, { rack: 'a' }), rec.register(1, { rack: 'b', fenced: true }),
    rec.topic('orders', A), rec.partition(A, 0, [0, 1]), rec.config(A, 'retention.ms', '1000'),
  ]);
  t.strictSame(out.refused, []);
  const image = out.image;
  t.equal(image.clusterId, 'c-1');
  t.equal(image.metadataVersion, 1);
  t.strictSame([...image.nodes.keys()], [0, 1]);
  t.strictSame(liveNodes(image).map((n) => n.id), [0], 'a fenced node is not live');
  t.strictSame(image.nodes.get(0)!.endpoints, [{ name: 'kafka', host: '127.0.0.1', port: 9092 }, { name: 'internal', host: '127.0.0.1', port: 9192 }]);
  const topic = topicByName(image, 'orders')!;
  t.ok(topic.id.equals(A));
  t.strictSame(topic.partitions.map((p) => p.replicas), [[0, 1]]);
  t.equal(topic.configs.get('retention.ms'), '1000');
  t.strictSame(out.delta.nodesChanged, [0, 1]);
  t.strictSame(out.delta.topicsAdded.map((x) => x.name), ['orders']);
  t.ok(out.delta.clusterChanged);
  t.strictSame(EMPTY_METADATA_IMAGE.topics.size + EMPTY_METADATA_IMAGE.nodes.size, 0, 'the empty image is untouched');
});

t.test('invalid records are typed errors and change nothing', async (t) => {
  const image = base();
  const before = plain(image);
  const cases: Array<[string, MetadataRecord, string, RegExp]> = [
    ['another cluster id', rec.cluster('c-2'), 'INCONSISTENT_CLUSTER_ID', /c-2 differs from this cluster's c-1/],
    ['metadata version going down', rec.cluster('c-1', 0), 'INVALID_REQUEST', /metadata version 0/],
    ['duplicate topic name', rec.topic('orders', B), 'TOPIC_ALREADY_EXISTS', /topic orders already exists/],
    ['duplicate topic id', rec.topic('other', A), 'TOPIC_ALREADY_EXISTS', /already used by orders/],
    ['all-zero topic id', rec.topic('zero', Buffer.alloc(16)), 'INVALID_REQUEST', /all-zero id/],
    ['bad topic name', rec.topic('a/b', B), 'INVALID_TOPIC_EXCEPTION', /may contain only/],
    ['partition of an unknown topic id', rec.partition(B, 0, [0]), 'UNKNOWN_TOPIC_ID', /does not exist/],
    ['partition out of order', rec.partition(A, 3, [0]), 'INVALID_PARTITIONS', /partition 3 is not the next one \(2\)/],
    ['replica on an unknown node', rec.partition(A, 2, [0, 7]), 'INVALID_REPLICA_ASSIGNMENT', /replica 7 is not a registered node/],
    ['a node twice in one partition', rec.partition(A, 2, [1, 1]), 'INVALID_REPLICA_ASSIGNMENT', /name a node twice/],
    ['no replicas', rec.partition(A, 2, []), 'INVALID_REPLICA_ASSIGNMENT', /no replicas/],
    ['adding replica outside the replicas', rec.partition(A, 2, [0, 1], [2]), 'INVALID_REPLICA_ASSIGNMENT', /adding replica 2 is not among/],
    ['adding and removing the same replica', rec.change(A, 0, { adding: [1], removing: [1] }), 'INVALID_REPLICA_ASSIGNMENT', /both adding and removing/],
    ['removing every replica', rec.change(A, 0, { removing: [0, 1, 2] }), 'INVALID_REPLICA_ASSIGNMENT', /every replica is being removed/],
    ['change of a missing partition', rec.change(A, 5, { replicas: [0] }), 'UNKNOWN_TOPIC_OR_PARTITION', /orders has no partition 5/],
    ['change naming an unknown node', rec.change(A, 0, { replicas: [0, 1, 2, 9], adding: [9] }), 'INVALID_REPLICA_ASSIGNMENT', /replica 9 is not a registered node/],
    ['bad config value', rec.config(A, 'retention.ms', 'soon'), 'INVALID_CONFIG', /retention\.ms/],
    ['unknown config name', rec.config(A, 'no.such.config', '1'), 'INVALID_CONFIG', /no\.such\.config/],
    ['config of an unknown topic', rec.config(B, 'retention.ms', '1'), 'UNKNOWN_TOPIC_ID', /does not exist/],
    ['removing an unknown topic', rec.removeTopic(B), 'UNKNOWN_TOPIC_ID', /does not exist/],
    ['stale re-registration', rec.register(1, { epoch: 1 }), 'STALE_BROKER_EPOCH', /epoch 1 is not above the current 1/],
    ['unregistering an unknown node', rec.unregister(5), 'BROKER_ID_NOT_REGISTERED', /node 5 is not registered/],
    ['unregistering a node that holds replicas', rec.unregister(2), 'INVALID_REPLICA_ASSIGNMENT', /node 2 still holds a replica of orders-0/],
    ['fencing with a stale epoch', rec.fence(0, true, 0), 'STALE_BROKER_EPOCH', /epoch 0 is not the current 1/],
    ['a listener named twice', { ...rec.register(4), data: { ...(rec.register(4).data as object), endpoints: [{ name: 'kafka', host: 'h', port: 1 }, { name: 'kafka', host: 'h', port: 2 }] } } as MetadataRecord,
      'INVALID_REQUEST', /names listener kafka twice/],
    ['port 0', rec.register(4, { port: 0 }), 'INVALID_REQUEST', /bad endpoint 127\.0\.0\.1:0/],
    ['negative node id', rec.register(-1), 'INVALID_REQUEST', /node id -1 is negative/],
  ];
  for (const [what, record, code, message] of cases) {
    const out = applyRecord(image, record);
    t.notOk(out.ok, `${what} is refused`);
    if (!out.ok) {
      t.equal(out.error.code, code, what);
      t.match(out.error.message, message, what);
    }
  }
  t.strictSame(plain(image), before, 'the image did not change');
});

t.test('a refused record in a batch is skipped and the others apply, the same on every node', async (t) => {
  const batch = [rec.topic('logs', B), rec.partition(B, 0, [0, 9]), rec.partition(B, 0, [2, 0]), rec.partition(A, 2, [0])];
  const one = applyRecords(base(), batch);
  const two = applyRecords(base(), batch);
  t.strictSame(one.refused.map((r) => [r.index, r.error.code]), [[1, 'INVALID_REPLICA_ASSIGNMENT']]);
  t.strictSame(topicByName(one.image, 'logs')!.partitions.map((p) => p.replicas), [[2, 0]]);
  t.equal(topicByName(one.image, 'orders')!.partitions.length, 3);
  t.strictSame(plain(one.image), plain(two.image), 'deterministic');
});

t.test('the delta: partitions added and changed, configs, removals; the old image is untouched', async (t) => {
  const image = base();
  const grow = applyRecords(image, [rec.partition(A, 2, [2, 0, 1])]);
  t.strictSame(grow.delta.partitionsAdded.map((x) => [x.topic.name, x.partition.partition]), [['orders', 2]]);
  t.equal(topicByName(image, 'orders')!.partitions.length, 2, 'the old image still has 2 partitions');

  const reassign = applyRecords(image, [rec.register(3, { rack: 'd' }), rec.change(A, 0, { replicas: [3, 1, 2, 0], adding: [3], removing: [0] })]);
  t.strictSame(reassign.refused, []);
  t.strictSame(reassign.delta.partitionsChanged.map((c) => [c.topic.name, c.after.partition, [...c.before.replicas], [...c.after.replicas], [...c.after.addingReplicas], [...c.after.removingReplicas]]),
    [['orders', 0, [0, 1, 2], [3, 1, 2, 0], [3], [0]]]);
  t.strictSame(reassign.delta.nodesChanged, [3]);
  const complete = applyRecords(reassign.image, [rec.change(A, 0, { replicas: [3, 1, 2], adding: [], removing: [] }), rec.change(A, 1, { replicas: [1, 2, 3] }), rec.unregister(0)]);
  t.strictSame(complete.refused, [], 'node 0 may leave once it holds no replica');
  t.strictSame(topicByName(complete.image, 'orders')!.partitions[0]!.replicas, [3, 1, 2]);
  t.strictSame(complete.delta.nodesChanged, [0]);

  const conf = applyRecords(image, [rec.config(A, 'retention.ms', null), rec.config(A, 'cleanup.policy', 'compact')]);
  t.strictSame([...topicByName(conf.image, 'orders')!.configs], [['cleanup.policy', 'compact']]);
  t.strictSame(conf.delta.topicsReconfigured.map((x) => x.name), ['orders']);
  t.strictSame(conf.delta.partitionsChanged, []);

  const removed = applyRecords(image, [rec.removeTopic(A), rec.partition(A, 2, [0])]);
  t.strictSame(removed.refused.map((r) => r.error.code), ['UNKNOWN_TOPIC_ID'], 'a partition of a removed topic is refused');
  t.strictSame(removed.delta.topicsRemoved.map((x) => [x.name, x.partitions.length]), [['orders', 2]], 'the removed topic comes with its partitions');
  t.equal(topicByName(removed.image, 'orders'), undefined);

  const flash = applyRecords(image, [rec.topic('tmp', B), rec.partition(B, 0, [0]), rec.removeTopic(B)]);
  t.ok(isEmptyDelta(flash.delta), 'a topic created and removed in one batch is in no list');
  const same = applyRecords(image, [rec.fence(0, false)]);
  t.ok(isEmptyDelta(same.delta), 'unfencing an unfenced node changes nothing');
});

/** A random valid history: nodes come and go, topics are created, grown, reassigned, reconfigured, removed. */
function randomHistory(rng: Rng, steps: number): MetadataRecord[] {
  const out: MetadataRecord[] = [rec.cluster(`c-${rng.int(0, 99)}`)];
  let image = applyRecords(EMPTY_METADATA_IMAGE, out).image;
  let nextTopic = 1;
  const push = (r: MetadataRecord): void => {
    const res = applyRecord(image, r);
    if (res.ok) {
      image = res.image;
      out.push(r);
    }
  };
  for (let i = 0; i < 4; i++) push(rec.register(i, { rack: rng.chance(0.5) ? `r${i % 2}` : null }));
  for (let s = 0; s < steps; s++) {
    const nodes = [...image.nodes.keys()];
    const topics = [...image.topics.values()];
    const pick = (n: number): number[] => [...nodes].sort(() => rng.next() - 0.5).slice(0, Math.max(1, Math.min(n, nodes.length)));
    const topic = topics.length > 0 ? rng.pick(topics) : undefined;
    switch (rng.int(0, 7)) {
      case 0: push(rec.register(rng.int(0, 6), { epoch: rng.int(1, 40), rack: rng.chance(0.5) ? 'r1' : null, fenced: rng.chance(0.3) })); break;
      case 1: { const n = image.nodes.get(rng.int(0, 6)); if (n) push(rec.fence(n.id, rng.chance(0.5), n.epoch)); break; }
      case 2: { const id = topicIdOf(nextTopic++); push(rec.topic(`t${nextTopic}`, id, rng.chance(0.1))); push(rec.partition(id, 0, pick(3))); break; }
      case 3: if (topic) push(rec.partition(topic.id, topic.partitions.length, pick(rng.int(1, 3)))); break;
      case 4: if (topic) push(rec.config(topic.id, rng.pick(['retention.ms', 'segment.bytes', 'cleanup.policy']), rng.chance(0.3) ? null : rng.pick(['1000', '2000000']))); break;
      case 5: if (topic && rng.chance(0.3)) push(rec.removeTopic(topic.id)); break;
      case 6: if (topic) {
        const p = rng.int(0, topic.partitions.length - 1);
        const target = pick(rng.int(1, 3));
        const current = topic.partitions[p]!.replicas;
        const adding = target.filter((x) => !current.includes(x));
        const removing = current.filter((x) => !target.includes(x));
        push(rec.change(topic.id, p, { replicas: [...target, ...removing], adding, removing }));
      } break;
      default: { const n = image.nodes.get(rng.int(0, 6)); if (n) push(rec.unregister(n.id, n.epoch)); }
    }
  }
  return out;
}

t.test('snapshot: the image as records, through bytes, rebuilds an equal image (200 random histories)', async (t) => {
  const rng = new Rng(99);
  let topicsSeen = 0;
  let reassigning = 0;
  let fenced = 0;
  let configs = 0;
  for (let i = 0; i < 200; i++) {
    const history = randomHistory(rng, 60);
    const image = build(history);
    topicsSeen += image.topics.size;
    for (const topic of image.topics.values()) for (const p of topic.partitions) if (p.addingReplicas.length > 0 || p.removingReplicas.length > 0) reassigning++;
    for (const n of image.nodes.values()) if (n.fenced) fenced++;
    configs += [...image.topics.values()].reduce((sum, x) => sum + x.configs.size, 0);
    const records = imageToRecords(image).map((r) => {
      const back = decodeMetadataRecord(encodeMetadataRecord(r));
      if (!back.ok) throw new Error(back.error.message);
      return back.value;
    });
    const rebuilt = applyRecords(EMPTY_METADATA_IMAGE, records);
    if (rebuilt.refused.length > 0) {
      t.fail(`history ${i}: snapshot records refused: ${JSON.stringify(rebuilt.refused)}`);
      continue;
    }
    t.strictSame(plain(rebuilt.image), plain(image), `history ${i}`);
  }
  t.ok(topicsSeen > 200 && reassigning > 0 && fenced > 0 && configs > 0, `the histories held topics (${topicsSeen}), reassignments (${reassigning}), fenced nodes (${fenced}), configs (${configs})`);
});
