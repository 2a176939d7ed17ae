import t from 'tap';
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

const repoRoot = resolve(import.meta.dirname, '../../..');
const RUN_MS_MAX = 30_000;

/** Runs the CLI from source; resolves with exit code and output (kills by PID at the bound). */
function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => void (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => void (stderr += c.toString()));
    const timer = setTimeout(() => process.kill(child.pid!, 'SIGKILL'), RUN_MS_MAX);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}

t.test('bad configuration: exit code 2 and a message naming the field and its source', async (t) => {
  const flag = await runCli(['start', '--listen', 'nowhere']);
  t.equal(flag.code, 2);
  t.match(flag.stderr, /CANOPY_ERR_CONFIG_FIELD: listen \(flag --listen\)/);
  const env = await runCli(['start'], { CANOPY_DATA_DIR: '' , CANOPY_NODE_ID: 'x' });
  t.equal(env.code, 2);
  t.match(env.stderr, /nodeId \(environment variable CANOPY_NODE_ID\)/);
  const dir = mkdtempSync(join(tmpdir(), 'canopy-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'bad.yaml');
  writeFileSync(file, 'listen: 127.0.0.1:0\nfsynk: always\n');
  const viaFile = await runCli(['start'], { CANOPY_CONFIG: file });
  t.equal(viaFile.code, 2);
  t.match(viaFile.stderr, /CANOPY_ERR_CONFIG_UNKNOWN_KEY: unknown key "fsynk" in .*bad\.yaml/);
  const unknown = await runCli(['frobnicate']);
  t.equal(unknown.code, 2);
  t.match(unknown.stderr, /unknown command "frobnicate"/);
});

t.test('config taken silently before is refused at start-up: exit 2 naming the field, with a did-you-mean', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const base = ['start', '--listen', '127.0.0.1:0', '--data-dir', join(dir, 'data'), '--admin-listen', 'off'];
  const typo = join(dir, 'typo.yaml');
  writeFileSync(typo, 'topicDefaults:\n  retention.mss: 1000\n');
  const unknownKey = await runCli([...base, '--config', typo]);
  t.equal(unknownKey.code, 2);
  t.match(unknownKey.stderr, /CANOPY_ERR_CONFIG_UNKNOWN_KEY: unknown key "topicDefaults\.retention\.mss" in .*typo\.yaml \(did you mean "retention\.ms"\?\)/);
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'topicDefaults:\n  retention.ms: soon\n');
  const badValue = await runCli([...base, '--config', bad]);
  t.equal(badValue.code, 2);
  t.match(badValue.stderr, /CANOPY_ERR_CONFIG_FIELD: topicDefaults\.retention\.ms \(.*bad\.yaml\): must be an integer, got "soon"/);
  const env = await runCli(base, { CANOPY_FSINC: 'never' });
  t.equal(env.code, 2);
  t.match(env.stderr, /CANOPY_ERR_CONFIG_UNKNOWN_KEY: unknown environment variable CANOPY_FSINC \(did you mean "CANOPY_FSYNC"\?\)/);
  const extra = await runCli([...base, '9093']);
  t.equal(extra.code, 2);
  t.match(extra.stderr, /CANOPY_ERR_CONFIG_FLAG: unexpected argument "9093": only flags are accepted/);
});

t.test('a start-up failure exits 1 with a fatal JSON line and a stderr line naming the setting', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  // Someone else (a local Kafka) already listens on the Kafka port.
  const taken = createServer();
  await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
  t.teardown(() => new Promise<void>((r) => taken.close(() => r())));
  const port = (taken.address() as AddressInfo).port;
  const busy = await runCli(['start', '--listen', `127.0.0.1:${port}`, '--data-dir', join(dir, 'data'), '--admin-listen', '127.0.0.1:0']);
  t.equal(busy.code, 1, 'exits instead of serving only the admin API');
  t.match(busy.stderr, new RegExp(`Kafka listener 127\\.0\\.0\\.1:${port}: .*EADDRINUSE.*--listen / CANOPY_LISTEN`));
  const fatalLine = busy.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { level: string; msg: string }).find((l) => l.level === 'fatal');
  t.match(fatalLine, { msg: /EADDRINUSE.*--listen/ }, 'a JSON fatal log line too');

  // The data dir is under a regular file: ENOTDIR names --data-dir.
  writeFileSync(join(dir, 'a-file'), '');
  const notDir = await runCli(['start', '--listen', '127.0.0.1:0', '--data-dir', join(dir, 'a-file', 'data'), '--admin-listen', 'off']);
  t.equal(notDir.code, 1);
  t.match(notDir.stderr, /data dir .*a-file.*ENOTDIR.*--data-dir \/ CANOPY_DATA_DIR/);
  t.ok(notDir.stdout.split('\n').some((l) => l.startsWith('{') && (JSON.parse(l) as { level: string }).level === 'fatal'), 'a JSON fatal log line');
});

t.test('CANOPY_* variables alone start a working broker', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-cli-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), 'start'], {
    cwd: repoRoot,
    env: { ...process.env, CANOPY_LISTEN: '127.0.0.1:0', CANOPY_DATA_DIR: dir, CANOPY_ADMIN_LISTEN: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  t.teardown(async () => {
    if (child.exitCode === null) {
      process.kill(child.pid!, 'SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });
  const port = await new Promise<number>((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`not ready: ${out}`)), RUN_MS_MAX);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /"port":(\d+),.*"msg":"canopy listening"/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(Number(m[1]));
      }
    });
  });
  const kafka = new Kafka({ brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const cluster = await admin.describeCluster();
  await admin.disconnect();
  t.same(cluster.brokers.map((b) => [b.host, b.port]), [['127.0.0.1', port]], 'advertises the bound address');
  process.kill(child.pid!, 'SIGINT');
  t.equal(await exited, 0, 'SIGINT stops it cleanly');
});
