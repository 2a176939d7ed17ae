import t from 'tap';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../../helpers/spawn-broker.js';
import { runCli, runCommand } from '../../helpers/cli.js';
import { run as groups } from '../../../src/cli/commands/groups.js';
import { run as topics } from '../../../src/cli/commands/topics.js';

/** Upper bound for the consumer to read what was produced. */
const consumeMsMax = 30_000;

t.test('canopy groups against a running broker with a real kafkajs consumer group', async (t) => {
  const broker = await spawnBroker(t, { args: ['--group-initial-rebalance-delay-ms', '0'] });
  const env = { CANOPY_ADMIN_URL: broker.adminUrl! };
  const kafka = new Kafka({ clientId: 'cli-groups-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  t.teardown(() => admin.disconnect());
  const created = await runCommand(topics, ['create', 'orders', '--partitions', '2'], env);
  t.equal(created.code, 0, created.stderr);
  const producer = kafka.producer();
  await producer.connect();
  t.teardown(() => producer.disconnect());
  const send = (from: number, count: number) => producer.send({
    topic: 'orders',
    messages: Array.from({ length: count }, (_, i) => ({ key: `k${from + i}`, value: `v${from + i}`, partition: (from + i) % 2 })),
  });
  await send(0, 10);

  // The group reads all 10 records and commits, then leaves: the group is Empty with offsets 5/5.
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  let seen = 0;
  await consumer.subscribe({ topic: 'orders', fromBeginning: true });
  await consumer.run({ eachMessage: async () => { seen += 1; } });
  const deadline = Date.now() + consumeMsMax;
  while (seen < 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  t.equal(seen, 10, 'the consumer read every record');

  const live = JSON.parse((await runCommand(groups, ['describe', 'billing', '--json'], env)).stdout);
  t.equal(live.state, 'Stable');
  t.equal(live.members.length, 1);
  t.same(live.members[0].assignments.map((a: { topic: string; partitions: number[] }) => [a.topic, [...a.partitions].sort()]), [['orders', [0, 1]]]);
  const busy = await runCommand(groups, ['reset-offsets', 'billing', '--to-earliest', '--topic', 'orders', '--execute'], env);
  t.equal(busy.code, 1, 'no reset while the group has members');
  t.match(busy.stderr, /CANOPY_ERR_GROUP_NOT_EMPTY/);

  await consumer.disconnect();
  await send(10, 6);

  const listed = await runCli(['groups', 'list'], env);
  t.equal(listed.code, 0, listed.stderr);
  t.match(listed.stdout, /^GROUP\s+STATE\s+MEMBERS\s+PROTOCOL TYPE$/m);
  t.match(listed.stdout, /^billing\s+Empty\s+0\s+consumer$/m);
  const listedJson = JSON.parse((await runCommand(groups, ['list', '--json'], env)).stdout);
  t.same(listedJson, [{ groupId: 'billing', state: 'Empty', protocolType: 'consumer', members: 0 }]);

  const described = await runCommand(groups, ['describe', 'billing'], env);
  t.equal(described.code, 0, described.stderr);
  t.match(described.stdout, /^Total lag:\s+6$/m);
  t.match(described.stdout, /^orders\s+0\s+5\s+8\s+3/m);
  t.match(described.stdout, /^orders\s+1\s+5\s+8\s+3/m);
  t.match(described.stdout, /No active members\./);

  const dry = await runCommand(groups, ['reset-offsets', 'billing', '--to-earliest', '--dry-run'], env);
  t.equal(dry.code, 0, dry.stderr);
  t.match(dry.stdout, /^orders\s+0\s+5\s+0$/m);
  t.match(dry.stdout, /Plan only: nothing was committed \(add --execute to commit it\)\./);
  t.equal(JSON.parse((await runCommand(groups, ['describe', 'billing', '--json'], env)).stdout).totalLag, 6, 'dry run changed nothing');
  // As Kafka's tool: without --execute the command only shows the plan (through the real process).
  const plan = await runCli(['groups', 'reset-offsets', 'billing', '--to-earliest'], env);
  t.equal(plan.code, 0, plan.stderr);
  t.match(plan.stdout, /^orders\s+1\s+5\s+0$/m);
  t.match(plan.stdout, /Plan only: nothing was committed/);
  const unchanged = await admin.fetchOffsets({ groupId: 'billing', topics: ['orders'] });
  t.same(unchanged[0]!.partitions.map((p) => [p.partition, p.offset]).sort(), [[0, '5'], [1, '5']], 'no --execute, no change');

  const toOffset = await runCommand(groups, ['reset-offsets', 'billing', '--to-offset', '2', '--topic', 'orders', '--partitions', '1', '--execute', '--json'], env);
  t.equal(toOffset.code, 0, toOffset.stderr);
  t.same(JSON.parse(toOffset.stdout).partitions, [{ topic: 'orders', partition: 1, previousOffset: 5, newOffset: 2 }]);
  const committed = await admin.fetchOffsets({ groupId: 'billing', topics: ['orders'] });
  t.same(committed[0]!.partitions.map((p) => [p.partition, p.offset]).sort(), [[0, '5'], [1, '2']], 'kafkajs sees the reset offsets');

  const latest = await runCommand(groups, ['reset-offsets', 'billing', '--to-latest', '--execute'], env);
  t.equal(latest.code, 0, latest.stderr);
  t.match(latest.stdout, /Committed 2 offset\(s\) for group billing\./);
  t.equal(JSON.parse((await runCommand(groups, ['describe', 'billing', '--json'], env)).stdout).totalLag, 0);

  const byTime = await runCommand(groups, ['reset-offsets', 'billing', '--to-datetime', '2000-01-01T00:00:00Z', '--topic', 'orders', '--json'], env);
  t.same(JSON.parse(byTime.stdout).partitions.map((p: { newOffset: number }) => p.newOffset), [0, 0], 'a time before every record is the start');

  const deleted = await runCommand(groups, ['delete', 'billing'], env);
  t.equal(deleted.code, 0, deleted.stderr);
  t.match(deleted.stdout, 'Deleted group billing.');
  const gone = await runCommand(groups, ['describe', 'billing'], env);
  t.equal(gone.code, 1);
  t.match(gone.stderr, /CANOPY_ERR_GROUP_NOT_FOUND/);
});

t.test('groups describe --all and --watch, through the CLI process', async (t) => {
  const broker = await spawnBroker(t);
  const env = { CANOPY_ADMIN_URL: broker.adminUrl! };
  const kafka = new Kafka({ clientId: 'cli-groups-watch-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  t.teardown(() => admin.disconnect());
  await admin.createTopics({ topics: [{ topic: 'audit', numPartitions: 1 }] });
  // Two groups with committed offsets and no members (a simple commit, as a stopped consumer leaves).
  for (const [groupId, offset] of [['alpha', '0'], ['beta', '0']] as const) {
    await admin.setOffsets({ groupId, topic: 'audit', partitions: [{ partition: 0, offset }] });
  }

  const all = await runCli(['groups', 'describe', '--all'], env);
  t.equal(all.code, 0, all.stderr);
  t.match(all.stdout, /^Group:\s+alpha$/m);
  t.match(all.stdout, /^Group:\s+beta$/m);
  const allJson = await runCli(['groups', 'describe', '--all', '--json'], env);
  t.same((JSON.parse(allJson.stdout) as { groupId: string }[]).map((g) => g.groupId).sort(), ['alpha', 'beta']);

  const watched = await runCli(['groups', 'describe', 'alpha', '--watch', '--interval', '1', '--count', '2'], env);
  t.equal(watched.code, 0, watched.stderr);
  t.equal(watched.stdout.match(/^Every 1s \(refresh \d of 2\), \d{4}-\d\d-\d\dT/gm)?.length, 2, 'two refreshes, then exit');
  t.equal(watched.stdout.match(/^Group:\s+alpha$/gm)?.length, 2);
  const watchedJson = await runCli(['groups', 'describe', '--all', '-w', '--interval', '1', '--count', '2', '--json'], env);
  t.equal(watchedJson.code, 0, watchedJson.stderr);
  const lines = watchedJson.stdout.trim().split('\n').map((l) => JSON.parse(l) as { groupId: string }[]);
  t.equal(lines.length, 2, 'one JSON document per refresh');
  for (const line of lines) t.same(line.map((g) => g.groupId).sort(), ['alpha', 'beta']);
});

t.test('canopy groups usage errors and help', async (t) => {
  const env = { CANOPY_ADMIN_URL: 'http://127.0.0.1:9' };
  const cases: Array<[string[], number, RegExp]> = [
    [['reset-offsets', 'g'], 2, /exactly one of --to-earliest/],
    [['reset-offsets', 'g', '--to-earliest', '--to-latest'], 2, /exactly one of/],
    [['reset-offsets', 'g', '--to-offset', '-3'], 2, /--to-offset/],
    [['reset-offsets', 'g', '--to-datetime', 'yesterday'], 2, /--to-datetime expects an ISO-8601/],
    [['reset-offsets', 'g', '--to-earliest', '--partitions', '0'], 2, /--partitions needs --topic/],
    [['reset-offsets', 'g', '--to-earliest', '--dry-run', '--execute'], 2, /--dry-run or --execute, not both/],
    [['describe'], 2, /give a GROUP or --all \(not both\)/],
    [['describe', 'g', '--all'], 2, /give a GROUP or --all/],
    [['describe', 'g', '--count', '2'], 2, /--interval and --count go with --watch/],
  ];
  for (const [args, code, message] of cases) {
    const res = await runCommand(groups, args, env);
    t.equal(res.code, code, args.join(' '));
    t.match(res.stderr, message, args.join(' '));
  }
  const help = await runCommand(groups, ['--help']);
  t.equal(help.code, 0);
  for (const cmd of ['list', 'describe', 'delete', 'reset-offsets']) t.match(help.stdout, new RegExp(`^  ${cmd}\\s`, 'm'));
  const leaf = await runCommand(groups, ['reset-offsets', '--help']);
  t.equal(leaf.code, 0);
  t.match(leaf.stdout, /--dry-run\s+show the new offsets without committing them \(the default\)/);
  t.match(leaf.stdout, /--execute\s+commit the new offsets/);
});
