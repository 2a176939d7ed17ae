/**
 * spawnBroker(t, options?): start the real broker as a child process for a test.
 *
 *   const broker = await spawnBroker(t);                     // fresh temp data dir, free port
 *   const kafka = new Kafka({ brokers: [`${broker.host}:${broker.port}`] });
 *   await broker.stop();                                     // SIGTERM, waits for exit (graceful)
 *   const again = await spawnBroker(t, { dataDir: broker.dataDir });  // restart on the same data
 *
 * - Runs `canopy start --listen 127.0.0.1:0 --data-dir <dir> --admin-listen 127.0.0.1:0` plus
 *   `args` (a later flag wins, e.g. `--admin-listen off`), with `env` added to the environment.
 *   `limits` are written to a temp config file (`limits:` section) passed with `--config`.
 *   The CLI is the source through tsx (no build needed), or dist/ when it is newer than every
 *   src/ file (CI builds first; see cliCommand). `adminUrl` is the admin API's address, read from
 *   the ready line.
 * - Ready when the broker logs its "canopy listening" line on stdout (the bound port is read
 *   from it), or rejects with the broker's output if it exits or takes longer than readyMsMax.
 * - t.teardown kills the process by PID (SIGKILL if still running) and removes the temp data dir
 *   it created (never a dataDir you passed in).
 * - `output()` returns everything the broker printed (JSON log lines), for assertions and
 *   failure messages; `kill(signal)` sends a signal by PID; `exited` resolves with the exit code once stdout and stderr are drained ('close', not 'exit').
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');
const READY_MESSAGE = 'canopy listening';
const DIST_MAIN = join(repoRoot, 'dist/cli/main.js');

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(p) : entry.name.endsWith('.ts') ? statSync(p).mtimeMs : 0);
  }
  return newest;
}

/**
 * How to run the CLI: the compiled dist/ when it is newer than every src/ file (CI builds first,
 * and a compiled start skips ~3 s of transpiling per broker), else the source through tsx.
 * CANOPY_TEST_RUNTIME=tsx or =dist forces one.
 */
function cliCommand(): string[] {
  const forced = process.env.CANOPY_TEST_RUNTIME;
  if (forced === 'tsx') return ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts')];
  if (forced === 'dist') return [DIST_MAIN];
  try {
    if (statSync(DIST_MAIN).mtimeMs > newestMtimeMs(join(repoRoot, 'src'))) return [DIST_MAIN];
  } catch {
    // no dist/: run the source
  }
  return ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts')];
}
/** Generous: CI has 2 cores and tap runs several test files (each spawning brokers) at once. */
const READY_MS_MAX = 60_000;
const STOP_MS_MAX = 15_000;

export interface SpawnBrokerOptions {
  /** Data dir to use (kept at teardown); default: a fresh temp dir removed at teardown. */
  dataDir?: string;
  /** Extra CLI flags for `start`, e.g. ['--default-partitions', '3']. */
  args?: string[];
  env?: Record<string, string>;
  /** Overrides of config/limits.ts, e.g. { frameReceiveMsMax: 2000 } (through a temp config file). */
  limits?: Record<string, number>;
  /** Port to listen on; default 0 (a free port chosen by the OS). */
  port?: number;
  readyMsMax?: number;
  /** Soft and hard open file limit of the broker process (`ulimit -n`, set by bash before exec). */
  fdLimit?: number;
  /**
   * Run the broker in a network namespace of its own (`unshare -n`: only a loopback, which no
   * other process shares), so a test may bind 0.0.0.0 without listening on the machine's
   * interfaces. The test process cannot connect to it: only its output is observable.
   */
  isolatedNetwork?: boolean;
}

export interface SpawnedBroker {
  host: string;
  port: number;
  pid: number;
  dataDir: string;
  /** "127.0.0.1:PORT" */
  bootstrap: string;
  /** Admin HTTP port (a free port by default), null with --admin-listen off. */
  adminPort: number | null;
  /** Internal listener port (with --internal-listen), else null. */
  internalPort: number | null;
  /** "http://127.0.0.1:PORT" of the admin API (a free port by default), null with --admin-listen off. */
  adminUrl: string | null;
  /** SIGTERM, then waits for exit; resolves with the exit code (SIGKILL after STOP_MS_MAX). */
  stop(): Promise<number | null>;
  kill(signal?: NodeJS.Signals): void;
  exited: Promise<number | null>;
  output(): string;
  /**
   * Everything printed so far, once it matches `pattern` (waits up to LOGGED_WAIT_MS_MAX): a log
   * line crosses the child's stdout pipe and may land just after the event a test observed.
   */
  outputMatching(pattern: RegExp): Promise<string>;
}

const LOGGED_WAIT_MS_MAX = 5_000;

/** Minimal slice of tap's Test used here, so the helper does not depend on tap's types. */
interface Teardownable {
  teardown(fn: () => unknown): void;
}

export async function spawnBroker(t: Teardownable, options: SpawnBrokerOptions = {}): Promise<SpawnedBroker> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'canopy-broker-'));
  const configArgs: string[] = [];
  if (options.limits !== undefined) {
    const configDir = mkdtempSync(join(tmpdir(), 'canopy-config-'));
    t.teardown(() => rmSync(configDir, { recursive: true, force: true }));
    writeFileSync(join(configDir, 'canopy.json'), JSON.stringify({ limits: options.limits }));
    configArgs.push('--config', join(configDir, 'canopy.json'));
  }
  const args = [...cliCommand(), 'start', '--listen', `127.0.0.1:${options.port ?? 0}`, '--data-dir', dataDir, '--admin-listen', '127.0.0.1:0', ...configArgs, ...(options.args ?? [])];
  // `exec` keeps the pid, so teardown by pid still reaches the broker itself.
  const prelude = [
    ...(options.fdLimit === undefined ? [] : [`ulimit -n ${options.fdLimit}`]),
    ...(options.isolatedNetwork ? ['ip link set lo up'] : []),
  ];
  const wrapped = prelude.length === 0 ? [process.execPath, ...args]
    : ['bash', '-c', `${prelude.join(' && ')} && exec "$@"`, 'bash', process.execPath, ...args];
  // unshare without --fork execs its command: the pid stays the broker's.
  const [command, ...commandArgs] = options.isolatedNetwork ? ['unshare', '--net', ...wrapped] : wrapped;
  const child: ChildProcess = spawn(command!, commandArgs, {
    cwd: repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid!;
  let out = '';
  const exited = new Promise<number | null>((res) => child.once('close', (code) => res(code)));
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(pid, 'SIGKILL');
      await exited;
    }
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  });

  let adminPort: number | null = null;
  let internalPort: number | null = null;
  const port = await new Promise<number>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`broker not ready within ${options.readyMsMax ?? READY_MS_MAX} ms:\n${out}`)), options.readyMsMax ?? READY_MS_MAX);
    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      pending += chunk.toString();
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (!line.includes(READY_MESSAGE)) continue;
        try {
          const parsed = JSON.parse(line) as { msg?: string; port?: number; admin?: { port?: number } | null; internal?: { port?: number } | null };
          if (parsed.msg === READY_MESSAGE && typeof parsed.port === 'number') {
            adminPort = typeof parsed.admin?.port === 'number' ? parsed.admin.port : null;
            internalPort = typeof parsed.internal?.port === 'number' ? parsed.internal.port : null;
            clearTimeout(timer);
            res(parsed.port);
          }
        } catch {
          // not a JSON log line; keep waiting
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => void (out += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      rej(new Error(`broker exited with code ${code} before it was ready:\n${out}`));
    });
  });

  return {
    host: '127.0.0.1',
    port,
    pid,
    dataDir,
    bootstrap: `127.0.0.1:${port}`,
    adminPort,
    internalPort,
    adminUrl: adminPort === null ? null : `http://127.0.0.1:${adminPort}`,
    exited,
    output: () => out,
    async outputMatching(pattern: RegExp) {
      for (let waited = 0; waited < LOGGED_WAIT_MS_MAX && !pattern.test(out); waited += 50) await new Promise((r) => setTimeout(r, 50));
      return out;
    },
    kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, signal);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => {
        if (child.exitCode === null) process.kill(pid, 'SIGKILL');
      }, STOP_MS_MAX);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
