import t from 'tap';
import { spawn } from 'node:child_process';
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
