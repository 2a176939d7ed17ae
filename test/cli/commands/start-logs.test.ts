/**
 * The broker's log lines as a user sees them (#15 item 6): JSON with level names and ISO times when
 * stdout is not a terminal, readable lines with --log-format pretty or on a terminal.
 */
import t, { type Test } from 'tap';
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnBroker } from '../../helpers/spawn-broker.js';
import { runCli, cliRunMsMax, type CliResult } from '../../helpers/cli.js';

const repoRoot = resolve(import.meta.dirname, '../../..');
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** A port someone else holds, so `canopy start` logs its start-up, then a fatal line, and exits 1. */
async function takenPort(t: Test): Promise<number> {
  const taken = createServer();
  await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
  t.teardown(() => new Promise<void>((r) => taken.close(() => r())));
  return (taken.address() as AddressInfo).port;
}

function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-logs-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs the CLI with its stdout on a pseudo-terminal (util-linux `script`), as a user at a shell. */
function runCliOnTerminal(args: string[]): Promise<CliResult> {
  const command = [process.execPath, '--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  return new Promise((res, rej) => {
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => { process.kill(child.pid!, 'SIGKILL'); rej(new Error(`canopy ${args.join(' ')} ran longer than ${cliRunMsMax} ms`)); }, cliRunMsMax);
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', (e) => { clearTimeout(timer); rej(e); });
    child.on('close', (code) => { clearTimeout(timer); res({ code, stdout: stdout.replaceAll('\r\n', '\n'), stderr }); });
  });
}

t.test('stdout not a terminal: JSON lines with level names and ISO times', async (t) => {
  const broker = await spawnBroker(t);
  await broker.stop();
  const lines = broker.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  const ready = lines.find((l) => l.msg === 'canopy listening');
  t.match(ready, { level: 'info', port: broker.port }, 'the ready line says "info"');
  t.match(String(ready?.time), ISO_TIME, 'an ISO 8601 UTC time');
  t.ok(lines.length >= 3 && lines.every((l) => typeof l.level === 'string' && ISO_TIME.test(String(l.time))), `all ${lines.length} lines have a level name and an ISO time`);
});

t.test('--log-format pretty and CANOPY_LOG_FORMAT=pretty: readable lines, no JSON', async (t) => {
  const dir = tempDir(t);
  const port = await takenPort(t);
  for (const [how, args, env] of [
    ['flag', ['--log-format', 'pretty'], {}],
    ['variable', [], { CANOPY_LOG_FORMAT: 'pretty' }],
  ] as const) {
    const run = await runCli(['start', '--listen', `127.0.0.1:${port}`, '--data-dir', join(dir, how), '--admin-listen', 'off', ...args], env);
    t.equal(run.code, 1, `${how}: the busy port still exits 1`);
    t.notMatch(run.stdout, /^\{/m, `${how}: no JSON line`);
    t.match(run.stdout, /^\d{4}-\d\d-\d\dT[\d:.]+Z INFO  data dir opened .*dataDir=\S+/m, `${how}: time, level, message, then key=value`);
    t.match(run.stdout, new RegExp(`^\\S+Z FATAL Kafka listener 127\\.0\\.0\\.1:${port}: .*EADDRINUSE.* err="[^"]*EADDRINUSE[^"]*"\\n {4}Error: .*EADDRINUSE`, 'm'), `${how}: the fatal line, its error, then the stack indented`);
  }
});

t.test('a terminal gets pretty lines by default, --log-format json keeps JSON there', async (t) => {
  const dir = tempDir(t);
  const port = await takenPort(t);
  const base = ['start', '--listen', `127.0.0.1:${port}`, '--admin-listen', 'off'];
  const pretty = await runCliOnTerminal([...base, '--data-dir', join(dir, 'a')]);
  t.equal(pretty.code, 1);
  t.match(pretty.stdout, /^\S+Z INFO  data dir opened /m, 'pretty by default');
  t.notMatch(pretty.stdout, /^\{"level"/m, 'no JSON');
  const json = await runCliOnTerminal([...base, '--data-dir', join(dir, 'b'), '--log-format', 'json']);
  t.equal(json.code, 1);
  t.match(json.stdout, /^\{"level":"fatal","time":"[^"]+Z",.*"msg":"Kafka listener/m, 'JSON when asked');
});

t.test('a bad --log-format names the field and its choices', async (t) => {
  const run = await runCli(['start', '--log-format', 'jsn']);
  t.equal(run.code, 2);
  t.match(run.stderr, /CANOPY_ERR_CONFIG_FIELD: logFormat \(flag --log-format\): expected one of auto, pretty, json, got "jsn" \(did you mean "json"\?\)/);
});
