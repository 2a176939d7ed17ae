/**
 * Sarama 1.22 (Debian) against the real broker, configured as Kafka 2.1 and otherwise with
 * Sarama's defaults: a SyncProducer with each codec (zstd refused cleanly: Sarama 1.22 sends it
 * on Produce v3, which Kafka refuses too), a partition consumer reading everything back, a
 * consumer group whose commits (OffsetCommit v1, Sarama's default) land, and ClusterAdmin
 * create/describe/list/delete topic. The client is test/interop/clients/go/sarama-client/main.go.
 */
import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { BROKER_READY_MS_MAX } from '../helpers/group-interop.js';
import { buildGoClient, haveGoClient, runGoClient, step } from '../helpers/go-client.js';

const TOPIC = 'sarama-records';
const PER_CODEC = 5;
const CODECS = ['none', 'gzip', 'snappy', 'lz4'] as const;

t.test('Sarama 1.22: produce with each codec, consume, consumer group commits, cluster admin', async (t) => {
  if (!haveGoClient(t, 'sarama-client')) return;
  const [bin, broker] = await Promise.all([
    buildGoClient('sarama-client'),
    spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, args: ['--group-initial-rebalance-delay-ms', '0'] }),
  ]);
  const b = broker.bootstrap;
  const expected: string[] = [];

  for (const codec of CODECS) {
    await t.test(`produce with ${codec}`, async (t) => {
      const r = await runGoClient(bin, ['produce', '-bootstrap', b, '-topic', TOPIC, '-codec', codec, '-n', String(PER_CODEC)]);
      t.match(step(r, 'produce'), { ok: true, codec }, r.stderr);
      t.same(step(r, 'produce').offsets, Array.from({ length: PER_CODEC }, (_, i) => expected.length + i), 'offsets follow the partition');
      for (let i = 0; i < PER_CODEC; i++) expected.push(`${codec}-${i}`);
    });
  }

  await t.test('zstd on Produce v3 is refused with a clear error, nothing is written', async (t) => {
    const r = await runGoClient(bin, ['produce', '-bootstrap', b, '-topic', TOPIC, '-codec', 'zstd', '-n', '2']);
    t.match(step(r, 'produce'), { ok: false, error: /compression type/ }, 'UNSUPPORTED_COMPRESSION_TYPE');
  });

  await t.test('a partition consumer reads every record back in order', async (t) => {
    const r = await runGoClient(bin, ['consume', '-bootstrap', b, '-topic', TOPIC, '-partition', '0', '-offset', '0', '-n', String(expected.length)]);
    t.match(step(r, 'consume'), { ok: true }, r.stderr);
    t.same(step(r, 'consume').values, expected);
    t.same(step(r, 'consume').offsets, expected.map((_, i) => i));
  });

  await t.test('a consumer group with default settings commits (OffsetCommit v1)', async (t) => {
    const r = await runGoClient(bin, ['group', '-bootstrap', b, '-topic', TOPIC, '-group', 'sarama-g', '-n', String(expected.length)]);
    t.match(step(r, 'group'), { ok: true, consumed: expected.length, positions: { 0: expected.length } }, r.stderr);
    const res = await fetch(`${broker.adminUrl}/v1/groups/sarama-g`);
    const group = (await res.json()) as { offsets: Array<{ topic: string; partition: number; committedOffset: number; lag: number }> };
    t.same(group.offsets.map((o) => [o.topic, o.partition, o.committedOffset, o.lag]), [[TOPIC, 0, expected.length, 0]], 'the commit landed');
    const again = await runGoClient(bin, ['consume', '-bootstrap', b, '-topic', TOPIC, '-partition', '0', '-offset', '0', '-n', '1']);
    t.match(step(again, 'consume'), { ok: true }, 'the broker still serves');
  });

  await t.test('ClusterAdmin: create, describe, list, delete a topic', async (t) => {
    const r = await runGoClient(bin, ['admin', '-bootstrap', b, '-topic', 'sarama-admin']);
    t.match(step(r, 'createTopic'), { ok: true }, r.stderr);
    t.match(step(r, 'createTopicAgain'), { ok: false, error: /already exists/ });
    t.match(step(r, 'describeTopics'), { ok: true, partitions: 3 });
    t.match(step(r, 'listTopics'), { ok: true, listed: true });
    t.match(step(r, 'deleteTopic'), { ok: true });
    t.match(step(r, 'listTopicsAfterDelete'), { ok: true, listed: false });
  });
});
