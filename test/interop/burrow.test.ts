/**
 * Burrow 1.2.1 (Debian), the lag monitor that reads Kafka's internals: it consumes
 * `__consumer_offsets`, decodes the offset commit records with Kafka's layouts, and computes lag
 * against the broker's high watermarks. A live Sarama consumer group (one member, Stable) has
 * committed what it read and then stopped reading while more records arrived; Burrow must list
 * the group and report, per partition and in total, the same lag as the admin API and
 * `canopy groups describe`. ZooKeeper (Burrow's own state) and Burrow run on loopback from
 * generated configs and are stopped by PID.
 */
import t from 'tap';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { haveClient } from '../helpers/debian-client.js';
import { BROKER_READY_MS_MAX, spawnLineClient, waitUntil } from '../helpers/group-interop.js';
import { buildGoClient, haveGoClient } from '../helpers/go-client.js';
import { BURROW_CLUSTER, burrowGet, startBurrow, startZooKeeper } from '../helpers/burrow.js';
import { runCli } from '../helpers/cli.js';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const TOPIC = 'watched';
const GROUP = 'burrow-watched';
/** Records per partition read and committed before the consumer stops, then the backlog. */
const READ = [10, 6];
const BACKLOG = [7, 3];
const WAIT_MS_MAX = 90_000;

interface LagRow { topic: string; partition: number; committedOffset: number; highWatermark: number; lag: number }

t.test('Burrow sees a live group and reports the same lag as Canopy', async (t) => {
  if (!haveGoClient(t, 'sarama-client') || !haveClient(t, 'burrow') || !haveClient(t, 'zookeeper')) return;
  const [bin, broker] = await Promise.all([
    buildGoClient('sarama-client'),
    spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, args: ['--default-partitions', '2', '--group-initial-rebalance-delay-ms', '0'] }),
  ]);
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  t.teardown(() => producer.disconnect());
  const send = (counts: number[], label: string) =>
    producer.send({ topic: TOPIC, acks: -1, messages: counts.flatMap((n, partition) => Array.from({ length: n }, (_, i) => ({ partition, value: `${label}-${partition}-${i}` }))) });
  await send(READ, 'read');

  const total = READ.reduce((a, b) => a + b, 0);
  const consumer = spawnLineClient(t, bin, ['group', '-bootstrap', broker.bootstrap, '-topic', TOPIC, '-group', GROUP, '-n', String(total), '-hold']);
  t.ok(await consumer.waitFor((e) => e.step === 'holding', WAIT_MS_MAX), `the consumer read ${total} records: ${consumer.stderr()}`);
  await send(BACKLOG, 'backlog');

  const groupView = async () => (await (await fetch(`${broker.adminUrl}/v1/groups/${GROUP}`)).json()) as { state: string; members: unknown[]; totalLag: number; offsets: LagRow[] };
  const expected = READ.map((read, partition) => ({ partition, committedOffset: read, lag: BACKLOG[partition]! }));
  const settled = await waitUntil(async () => {
    const g = await groupView();
    return g.state === 'Stable' && g.offsets.length === 2 && g.offsets.every((o) => o.committedOffset === READ[o.partition] && o.lag === BACKLOG[o.partition]);
  }, WAIT_MS_MAX, 250);
  const canopy = await groupView();
  t.ok(settled, `commits landed and the backlog shows as lag: ${JSON.stringify(canopy)}`);
  t.equal(canopy.members.length, 1, 'the group is live');
  t.same(canopy.offsets.map((o) => ({ partition: o.partition, committedOffset: o.committedOffset, lag: o.lag })), expected);

  const cli = await runCli(['groups', 'describe', GROUP, '--admin', broker.adminUrl!, '--json']);
  t.equal(cli.code, 0, cli.stderr);
  const described = JSON.parse(cli.stdout) as { totalLag: number; offsets: LagRow[] };
  t.same(described.offsets.map((o) => [o.partition, o.lag]), expected.map((e) => [e.partition, e.lag]), 'canopy groups describe: the same lag');

  const zk = await startZooKeeper(t);
  const burrow = await startBurrow(t, { zookeeper: zk.address, bootstrap: broker.bootstrap });
  const lagPath = `/v3/kafka/${BURROW_CLUSTER}/consumer/${GROUP}/lag`;
  let status: any = null;
  const seen = await waitUntil(async () => {
    const list = await burrowGet(burrow, `/v3/kafka/${BURROW_CLUSTER}/consumer`);
    if (!Array.isArray(list.consumers) || !list.consumers.includes(GROUP)) return false;
    status = (await burrowGet(burrow, lagPath)).status;
    return status?.totallag === canopy.totalLag && status.partitions?.length === 2;
  }, WAIT_MS_MAX, 500);
  t.ok(seen, `Burrow lists the group with Canopy's total lag ${canopy.totalLag}: ${JSON.stringify(status)}\n${burrow.output().slice(-4000)}`);
  t.equal(status?.totallag, described.totalLag, 'Burrow total lag = canopy groups describe total lag');
  const burrowRows = (status?.partitions ?? [])
    .filter((p: any) => p.topic === TOPIC)
    .map((p: any) => ({ partition: p.partition, committedOffset: p.end.offset, lag: p.current_lag }))
    .sort((a: any, b: any) => a.partition - b.partition);
  t.same(burrowRows, expected, 'per partition: the committed offset and lag Canopy reports');
  t.notMatch(burrow.output(), /"message_type":"offset"[^\n]*failed to decode|failed to decode[^\n]*"message_type":"offset"/, 'every offset commit record decoded');
});
