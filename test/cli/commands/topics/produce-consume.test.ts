import t from 'tap';
import { spawnSync } from 'node:child_process';
import { Kafka, logLevel } from 'kafkajs';
import { haveClient } from '../../../helpers/debian-client.js';
import { spawnBroker } from '../../../helpers/spawn-broker.js';
import { runCli, startCli } from '../../../helpers/cli.js';

// One broker for the file; every CLI call is a real `canopy` process speaking Kafka to it.
const broker = await spawnBroker(t);
const b = ['-b', broker.bootstrap];
const kafka = new Kafka({ clientId: 'cli-produce-consume-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
const admin = kafka.admin();
await admin.connect();
t.teardown(() => admin.disconnect());

t.test('produce reads stdin lines with keys, headers and a partition; consume prints them with a kcat format', async (t) => {
  await admin.createTopics({ topics: [{ topic: 'events', numPartitions: 2 }] });
  const produced = await runCli(['topics', 'produce', 'events', ...b, '-K', ':', '-H', 'source=cli', '--header', 'v=2', '-p', '1'], {},
    { input: 'k1:v1\nk2:a:b\nnokey\n' });
  t.equal(produced.code, 0, produced.stderr);
  t.equal(produced.stdout, 'Produced 3 record(s) to events.\n');
  // Checked with another client: all three records are in partition 1.
  const offsets = await admin.fetchTopicOffsets('events');
  t.same(offsets.map((o) => [o.partition, o.high]).sort(), [[0, '0'], [1, '3']]);

  const consumed = await runCli(['topics', 'consume', 'events', ...b, '-e', '-f', '%t|%p|%o|%k|%s|%h|%K|%S\\n']);
  t.equal(consumed.code, 0, consumed.stderr);
  t.equal(consumed.stdout, [
    'events|1|0|k1|v1|source=cli,v=2|2|2',
    'events|1|1|k2|a:b|source=cli,v=2|2|3',
    'events|1|2||nokey|source=cli,v=2|-1|5',
    '',
  ].join('\n'));

  // Without -p the key picks the partition the way Kafka clients do (kafkajs agrees with itself).
  const byKey = await runCli(['topics', 'produce', 'events', ...b, '-K', '=', '--json'], {}, { input: 'same=1\nsame=2\n' });
  t.equal(byKey.code, 0, byKey.stderr);
  const result = JSON.parse(byKey.stdout) as { records: number; partitions: { partition: number }[] };
  t.equal(result.records, 2);
  t.equal(result.partitions.length, 1, 'one key, one partition');
});

t.test('consume starts at beginning, end, N, -N or a timestamp and stops at --count or --exit', async (t) => {
  await admin.createTopics({ topics: [{ topic: 'times', numPartitions: 1 }] });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: 'times', messages: [['a', '1000'], ['b', '2000'], ['c', '3000']].map(([value, timestamp]) => ({ key: `key-${value}`, value, timestamp })) });
  await producer.disconnect();

  const cases: Array<[string[], string]> = [
    [['-e'], 'a\nb\nc\n'],
    [['-o', 'beginning', '-e', '-f', '%o %T %k=%s\\n'], '0 1000 key-a=a\n1 2000 key-b=b\n2 3000 key-c=c\n'],
    [['-o', '1', '-c', '1'], 'b\n'],
    [['-o', '-1', '-e'], 'c\n'],
    [['-o', 'end', '-e'], ''],
    [['--from-timestamp', '2000', '-e', '-f', '%s,'], 'b,c,'],
    [['--from-timestamp', '1970-01-01T00:00:02.500Z', '-e'], 'c\n'],
    [['-p', '0', '-c', '2', '--json'], [
      '{"topic":"times","partition":0,"offset":0,"timestamp":1000,"key":"key-a","value":"a","headers":{}}',
      '{"topic":"times","partition":0,"offset":1,"timestamp":2000,"key":"key-b","value":"b","headers":{}}', ''].join('\n')],
  ];
  for (const [args, expected] of cases) {
    const res = await runCli(['topics', 'consume', 'times', ...b, ...args]);
    t.equal(res.code, 0, `${args.join(' ')}: ${res.stderr}`);
    t.equal(res.stdout, expected, args.join(' '));
  }
  const viaEnv = await runCli(['topics', 'consume', 'times', '-e'], { CANOPY_BOOTSTRAP: broker.bootstrap });
  t.equal(viaEnv.code, 0, viaEnv.stderr);
  t.equal(viaEnv.stdout, 'a\nb\nc\n', 'CANOPY_BOOTSTRAP stands in for -b');
});

t.test('consume without --exit follows new records until Ctrl-C, then exits 0', async (t) => {
  await admin.createTopics({ topics: [{ topic: 'live', numPartitions: 1 }] });
  const follower = startCli(['topics', 'consume', 'live', ...b, '-f', '%o:%s\\n']);
  t.teardown(() => {
    try { process.kill(follower.pid, 'SIGKILL'); } catch { /* already exited */ }
  });
  // Produced through the CLI while the consumer waits at the end of the (empty) partition.
  const first = await runCli(['topics', 'produce', 'live', ...b], {}, { input: 'one\ntwo\n' });
  t.equal(first.code, 0, first.stderr);
  await follower.waitFor(/^0:one\n1:two\n$/);
  const second = await runCli(['topics', 'produce', 'live', ...b], {}, { input: 'three\n' });
  t.equal(second.code, 0, second.stderr);
  await follower.waitFor(/2:three\n$/);
  process.kill(follower.pid, 'SIGINT');
  const done = await follower.exited;
  t.equal(done.code, 0, done.stderr);
  t.equal(done.stdout, '0:one\n1:two\n2:three\n');
});

t.test('kcat agrees: canopy consume reads what kcat produced (compressed), kcat reads what canopy produced', async (t) => {
  if (!haveClient(t, 'kcat')) return;
  await admin.createTopics({ topics: [{ topic: 'interop', numPartitions: 1 }] });
  const format = '%p %o %k %s %h\\n'; // the same -f string for both tools
  const kcat = (args: string[], input?: string) => spawnSync('kcat', ['-b', broker.bootstrap, '-t', 'interop', ...args], { input, encoding: 'utf8', timeout: 30_000 });
  for (const codec of ['lz4', 'zstd']) {
    const sent = kcat(['-P', '-K', ':', '-H', `codec=${codec}`, '-z', codec], `a:${codec}-1\nb:${codec}-2\n`);
    t.equal(sent.status, 0, sent.stderr);
  }
  const produced = await runCli(['topics', 'produce', 'interop', ...b, '-K', ':', '-H', 'codec=none'], {}, { input: 'c:plain\n' });
  t.equal(produced.code, 0, produced.stderr);
  const expected = '0 0 a lz4-1 codec=lz4\n0 1 b lz4-2 codec=lz4\n0 2 a zstd-1 codec=zstd\n0 3 b zstd-2 codec=zstd\n0 4 c plain codec=none\n';
  const ours = await runCli(['topics', 'consume', 'interop', ...b, '-e', '-f', format]);
  t.equal(ours.code, 0, ours.stderr);
  t.equal(ours.stdout, expected, 'canopy consume');
  const theirs = kcat(['-C', '-e', '-q', '-f', format]);
  t.equal(theirs.status, 0, theirs.stderr);
  t.equal(theirs.stdout, expected, 'kcat -C prints the same');
});

t.test('produce and consume errors: a clear line and an exit code', async (t) => {
  const cases: Array<[string[], number, RegExp]> = [
    [['consume', 'nope', ...b, '-e'], 1, /consume: .*nope.*UNKNOWN_TOPIC_OR_PARTITION|topic nope does not exist/],
    [['consume', 'times', ...b, '-f', '%x'], 2, /--format: unknown token "%x"/],
    [['consume', 'times', ...b, '-o', 'middle'], 2, /--offset expects beginning, end, N or -N/],
    [['consume', 'times', ...b, '-p', '7', '-e'], 1, /topic times has no partition 7/],
    [['consume', 'times', '-b', 'localhost'], 2, /--bootstrap expects host:port/],
    [['consume', 'times', '-b', '127.0.0.1:9', '-e'], 1, /cannot reach the Kafka listener at 127\.0\.0\.1:9 \(ECONNREFUSED\)/],
    [['produce', 'times', ...b, '-H', 'novalue'], 2, /--header expects key=value/],
    [['consume', 'times', ...b, '--admin', '127.0.0.1:9644'], 2, /Unknown option '--admin'/],
  ];
  for (const [args, code, message] of cases) {
    const res = await runCli(['topics', ...args], {}, { input: '' });
    t.equal(res.code, code, `${args.join(' ')}: ${res.stderr}`);
    t.match(res.stderr, message, args.join(' '));
  }
});
