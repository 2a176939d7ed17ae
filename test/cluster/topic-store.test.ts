import t, { type Test } from 'tap';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { TopicStore, TopicError, type TopicInfo, type TopicListener } from '../../src/cluster/topic-store.js';
import { DEFAULT_LIMITS } from '../../src/config/limits.js';

const logger = pino({ level: 'silent' });
const limits = { ...DEFAULT_LIMITS, partitionsPerTopicMax: 8, partitionsMax: 10 };

/** Checks the rejection with a predicate (t.rejects matches patterns, not predicates). */
async function rejectsWith(t: Test, p: Promise<unknown>, code: string, message = code): Promise<void> {
  try {
    await p;
    t.fail(`expected ${code}`);
  } catch (err) {
    t.ok(err instanceof TopicError && err.code === code, `${message}: ${String(err)}`);
  }
}

t.test('create, alter, grow, delete; all survive reopening', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'canopy-topics-'));
  const events: string[] = [];
  const listener: TopicListener = {
    topicCreated: async (x) => void events.push(`created ${x.name} ${x.partitionCount}`),
    partitionsAdded: async (x, prev) => void events.push(`grown ${x.name} ${prev}->${x.partitionCount}`),
    topicDeleted: async (x) => void events.push(`deleted ${x.name}`),
    configsChanged: async (x) => void events.push(`configs ${x.name}`),
  };
  const store = await TopicStore.open({ dataDir, limits, logger });
  store.addListener(listener);
  // Visibility: while the listener opens partitions, the new topic (or count) is not published yet.
  const seenDuringCreate: Array<number | undefined> = [];
  store.addListener({
    topicCreated: async (x) => void seenDuringCreate.push(store.get(x.name)?.partitionCount),
    partitionsAdded: async (x) => void seenDuringCreate.push(store.get(x.name)?.partitionCount),
    topicDeleted: async (x) => void seenDuringCreate.push(store.get(x.name)?.partitionCount),
    configsChanged: async () => undefined,
  });
  const a = await store.create('orders', { partitions: 2, configs: { 'retention.ms': '1000' } });
  t.equal(a.id.length, 16);
  t.not(a.id.toString('hex'), '0'.repeat(32));
  await store.create('__consumer_offsets', { partitions: 1, internal: true });
  await store.create('gone', { partitions: 1 });
  await store.addPartitions('orders', 3);
  await store.alterConfigs('orders', { set: { 'cleanup.policy': 'compact' }, remove: ['retention.ms'] });
  await store.delete('gone');
  t.same(seenDuringCreate, [undefined, undefined, undefined, 2, undefined], 'created/grown topics are published after their partitions open; deleted ones vanish first');
  t.same(events, ['created orders 2', 'created __consumer_offsets 1', 'created gone 1', 'grown orders 2->3', 'configs orders', 'deleted gone']);

  const reopened = await TopicStore.open({ dataDir, limits, logger });
  const orders = reopened.get('orders') as TopicInfo;
  t.equal(orders.partitionCount, 3);
  t.same(orders.configs, { 'cleanup.policy': 'compact' });
  t.same(orders.id, a.id);
  t.same(reopened.getById(a.id)?.name, 'orders');
  t.equal(reopened.get('__consumer_offsets')?.internal, true);
  t.equal(reopened.get('gone'), undefined);
});

t.test('typed errors', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'canopy-topics-'));
  const store = await TopicStore.open({ dataDir, limits, logger });
  await store.create('a', { partitions: 1 });
  await rejectsWith(t, store.create('a', { partitions: 1 }), 'TOPIC_EXISTS');
  await rejectsWith(t, store.create('b', { partitions: 0 }), 'INVALID_PARTITIONS');
  await rejectsWith(t, store.create('b', { partitions: 9 }), 'INVALID_PARTITIONS', 'partitionsPerTopicMax');
  await rejectsWith(t, store.create('b', { partitions: 8 }).then(() => store.create('c', { partitions: 8 })), 'INVALID_PARTITIONS', 'partitionsMax');
  await rejectsWith(t, store.create('bad name', { partitions: 1 }), 'INVALID_TOPIC');
  await rejectsWith(t, store.create('..', { partitions: 1 }), 'INVALID_TOPIC');
  await rejectsWith(t, store.create('x'.repeat(250), { partitions: 1 }), 'INVALID_TOPIC');
  await rejectsWith(t, store.create('d', { partitions: 1, configs: { 'retention.ms': 'soon' } }), 'INVALID_CONFIG');
  await rejectsWith(t, store.create('d', { partitions: 1, configs: { 'no.such': '1' } }), 'INVALID_CONFIG');
  await rejectsWith(t, store.delete('nope'), 'UNKNOWN_TOPIC');
  await rejectsWith(t, store.addPartitions('a', 1), 'INVALID_PARTITIONS');
  await rejectsWith(t, store.alterConfigs('a', { set: { 'message.timestamp.type': 'Whenever' } }), 'INVALID_CONFIG');
  const checked = await store.create('e', { partitions: 1, validateOnly: true });
  t.equal(checked.partitionCount, 1);
  t.equal(store.get('e'), undefined, 'validateOnly creates nothing');
});
