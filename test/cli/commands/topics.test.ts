import t from 'tap';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBroker } from '../../helpers/spawn-broker.js';
import { runCli, runCommand } from '../../helpers/cli.js';
import { run as topics } from '../../../src/cli/commands/topics.js';

// One broker for the file: spawning one costs seconds on a shared 2-core machine. Its config file
// sets one broker-wide topic default, so config tables show all three sources.
const configDir = mkdtempSync(join(tmpdir(), 'canopy-cli-topics-'));
t.teardown(() => rmSync(configDir, { recursive: true, force: true }));
writeFileSync(join(configDir, 'canopy.yaml'), 'topicDefaults:\n  segment.ms: "3600000"\n');
const broker = await spawnBroker(t, { args: ['--config', join(configDir, 'canopy.yaml')] });

t.test('canopy topics against a running broker', async (t) => {
  const admin = broker.adminUrl!;
  t.ok(admin, 'the broker serves the admin API');
  const env = { CANOPY_ADMIN_URL: admin };

  // Through the real CLI process: create with configs, then list as JSON.
  const created = await runCli(['topics', 'create', 'payments', '--partitions', '3', '--config', 'retention.ms=3600000', '--admin', admin]);
  t.equal(created.code, 0, created.stderr);
  t.match(created.stdout, /Created topic payments with 3 partition\(s\)\./);
  const listedJson = await runCommand(topics, ['list', '--json'], env);
  t.equal(listedJson.code, 0, listedJson.stderr);
  const listed = JSON.parse(listedJson.stdout) as Array<{ name: string; internal: boolean }>;
  t.match(listed.filter((x) => !x.internal), [{ name: 'payments', partitions: 3, internal: false }]);
  t.ok(listed.some((x) => x.name === '__consumer_offsets' && x.internal), 'internal topics are listed and marked');

  const table = await runCommand(topics, ['list'], env);
  t.equal(table.code, 0);
  t.match(table.stdout, /^NAME\s+PARTITIONS\s+MESSAGES\s+SIZE\s+INTERNAL$/m);
  t.match(table.stdout, /^payments\s+3\s+0\s+0 B\s*$/m);

  const described = await runCommand(topics, ['describe', 'payments'], env);
  t.equal(described.code, 0, described.stderr);
  t.match(described.stdout, /^Topic:\s+payments$/m);
  t.match(described.stdout, /^PARTITION\s+LEADER\s+REPLICAS\s+ISR\s+LOG START\s+HIGH WATERMARK\s+LOG END\s+SIZE BYTES$/m);
  t.match(described.stdout, /^CONFIG\s+VALUE\s+SOURCE$/m);
  t.match(described.stdout, /^retention\.ms\s+3600000\s+topic override$/m);
  t.match(described.stdout, /^segment\.ms\s+3600000\s+broker$/m);
  t.match(described.stdout, /^retention\.bytes\s+-1\s+default$/m);
  const describedJson = JSON.parse((await runCommand(topics, ['describe', 'payments', '--json'], env)).stdout);
  t.equal(describedJson.partitions.length, 3);

  const altered = await runCommand(topics, ['alter-config', 'payments', '--set', 'retention.bytes=1048576', '--delete', 'retention.ms'], env);
  t.equal(altered.code, 0, altered.stderr);
  t.match(altered.stdout, /retention\.bytes=1048576, retention\.ms=604800000/);
  const after = JSON.parse((await runCommand(topics, ['describe', 'payments', '--json'], env)).stdout);
  t.equal(after.configs['retention.bytes'], '1048576');
  t.equal(after.configs['retention.ms'], '604800000');

  const deleted = await runCommand(topics, ['delete', 'payments'], env);
  t.equal(deleted.code, 0);
  t.match(deleted.stdout, 'Deleted topic payments.');
  t.same(JSON.parse((await runCommand(topics, ['list', '--json'], env)).stdout).filter((x: { internal: boolean }) => !x.internal), []);
});

t.test('create --if-not-exists and add-partitions, through the CLI process', async (t) => {
  const env = { CANOPY_ADMIN_URL: broker.adminUrl! };
  const first = await runCli(['topics', 'create', 'grow', '--partitions', '2', '--if-not-exists'], env);
  t.equal(first.code, 0, first.stderr);
  t.match(first.stdout, /Created topic grow with 2 partition\(s\)\./);
  const again = await runCli(['topics', 'create', 'grow', '--partitions', '5', '--if-not-exists'], env);
  t.equal(again.code, 0, again.stderr);
  t.match(again.stdout, /Topic grow already exists with 2 partition\(s\); nothing changed\./);

  const grown = await runCli(['topics', 'add-partitions', 'grow', '--num', '3'], env);
  t.equal(grown.code, 0, grown.stderr);
  t.match(grown.stdout, /Topic grow now has 5 partition\(s\) \(was 2\)\./);
  const described = JSON.parse((await runCommand(topics, ['describe', 'grow', '--json'], env)).stdout) as { partitions: { partition: number }[] };
  t.same(described.partitions.map((p) => p.partition), [0, 1, 2, 3, 4], 'the broker serves five partitions');

  const cases: Array<[string[], number, RegExp]> = [
    [['add-partitions', 'grow'], 2, /give --num N/],
    [['add-partitions', 'grow', '--num', '0'], 2, /--num expects an integer >= 1/],
    [['add-partitions', 'nope', '--num', '1'], 1, /topic nope does not exist \(CANOPY_ERR_TOPIC_NOT_FOUND\)/],
    [['add-partitions', '__consumer_offsets', '--num', '1'], 1, /CANOPY_ERR_TOPIC_INVALID/],
  ];
  for (const [args, code, message] of cases) {
    const res = await runCommand(topics, args, env);
    t.equal(res.code, code, args.join(' '));
    t.match(res.stderr, message, args.join(' '));
  }
});

t.test('--admin takes host:port as well as a URL', async (t) => {
  const hostPort = new URL(broker.adminUrl!).host;
  const listed = await runCli(['topics', 'list', '--admin', hostPort, '--json']);
  t.equal(listed.code, 0, listed.stderr);
  t.ok((JSON.parse(listed.stdout) as { name: string }[]).some((x) => x.name === '__consumer_offsets'), 'the broker answered');
  const viaEnv = await runCli(['cluster', 'status', '--json'], { CANOPY_ADMIN_URL: hostPort });
  t.equal(viaEnv.code, 0, viaEnv.stderr);
  t.equal(JSON.parse(viaEnv.stdout).nodes.length, 1);
});

t.test('under --json an error is a JSON object on stderr with a stable code and the exit code', async (t) => {
  const env = { CANOPY_ADMIN_URL: broker.adminUrl! };
  const cases: Array<[string[], number, string, RegExp]> = [
    [['topics', 'describe', 'nope', '--json'], 1, 'CANOPY_ERR_TOPIC_NOT_FOUND', /^topic nope does not exist$/],
    [['topics', 'create', '--json'], 2, 'CANOPY_ERR_CLI_USAGE', /^missing TOPIC$/],
    [['groups', 'describe', 'nobody', '--json'], 1, 'CANOPY_ERR_GROUP_NOT_FOUND', /nobody/],
    [['topics', 'list', '--json', '--admin', '127.0.0.1:9'], 1, 'CANOPY_ERR_CLI_FAILED', /cannot reach the Canopy admin API at http:\/\/127\.0\.0\.1:9/],
  ];
  for (const [args, code, errorCode, message] of cases) {
    const res = await runCli(args, env);
    t.equal(res.code, code, args.join(' '));
    t.equal(res.stdout, '', 'nothing on stdout');
    const parsed = JSON.parse(res.stderr) as { error: { code: string; message: string; exitCode: number } };
    t.equal(parsed.error.code, errorCode, args.join(' '));
    t.match(parsed.error.message, message, args.join(' '));
    t.equal(parsed.error.exitCode, code);
  }
});

t.test('canopy topics errors: clear message and non-zero exit', async (t) => {
  const env = { CANOPY_ADMIN_URL: broker.adminUrl! };

  const missing = await runCli(['topics', 'describe', 'nope'], env);
  t.equal(missing.code, 1);
  t.equal(missing.stdout, '');
  t.match(missing.stderr, /canopy topics describe: topic nope does not exist \(CANOPY_ERR_TOPIC_NOT_FOUND\)/);

  const cases: Array<[string[], number, RegExp]> = [
    [['create', 'dup'], 0, /Created topic dup/],
    [['create', 'dup'], 1, /already exists \(CANOPY_ERR_TOPIC_EXISTS\)/],
    [['create', 'x', '--config', 'retention.ms'], 2, /--config expects key=value/],
    [['create', 'x', '--partitions', 'many'], 2, /--partitions expects an integer/],
    [['create', 'x', '--config', 'bogus.key=1'], 1, /unknown topic config \(CANOPY_ERR_TOPIC_INVALID\)/],
    [['create', 'bad name'], 1, /body\.name .*CANOPY_ERR_INVALID_REQUEST/],
    [['create'], 2, /missing TOPIC/],
    [['describe', 'a', 'b'], 2, /unexpected argument "b"/],
    [['list', '--colour'], 2, /Unknown option '--colour'/],
    [['alter-config', 'dup'], 2, /--set key=value or --delete key/],
    [['frobnicate'], 2, /unknown command "frobnicate"/],
    [['list', '--admin', 'not a url'], 2, /is not an http\(s\) URL or host:port/],
    [['list', '--admin', 'ftp://127.0.0.1:21'], 2, /is not an http\(s\) URL or host:port/],
  ];
  for (const [args, code, message] of cases) {
    const res = await runCommand(topics, args, env);
    t.equal(res.code, code, args.join(' '));
    t.match(code === 0 ? res.stdout : res.stderr, message, args.join(' '));
  }
  await broker.stop();
  const down = await runCommand(topics, ['list'], env);
  t.equal(down.code, 1);
  t.match(down.stderr, /cannot reach the Canopy admin API at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
});

t.test('--help at every level exits 0 and documents the options', async (t) => {
  const top = await runCommand(topics, ['--help']);
  t.equal(top.code, 0);
  for (const cmd of ['list', 'describe', 'create', 'delete', 'alter-config']) t.match(top.stdout, new RegExp(`^  ${cmd}\\s`, 'm'));
  const leaf = await runCommand(topics, ['create', '--help']);
  t.equal(leaf.code, 0);
  t.match(leaf.stdout, /Usage: canopy topics create TOPIC \[--partitions N\]/);
  t.match(leaf.stdout, /--admin URL\s+admin API of the broker, a URL or HOST:PORT \(env CANOPY_ADMIN_URL, default http:\/\/127\.0\.0\.1:9644\)/);
  const none = await runCommand(topics, []);
  t.equal(none.code, 2, 'no subcommand is a usage error');
  t.match(none.stderr, /Usage: canopy topics <command>/);
  const root = await runCli(['--help']);
  t.equal(root.code, 0);
  for (const cmd of ['start', 'topics', 'groups', 'cluster']) t.match(root.stdout, new RegExp(`^  ${cmd}\\s`, 'm'));
});
