/**
 * The Go clients of the interop tests (test/interop/clients/go/<name>/main.go), built with
 * Debian's Go and library packages in GOPATH mode (no module download):
 *
 *   if (!haveGoClient(t, 'sarama-client')) return;             // skip locally, fail under CI=true
 *   const bin = await buildGoClient('sarama-client');          // once per test process
 *   const r = await runGoClient(bin, ['admin', '-bootstrap', b, '-topic', 'x']);
 *   r.lines   // one JSON object per stdout line: { step, ok, error?, ... }
 *
 * Binaries go to a temp dir removed when the test process exits; Go's build cache is one fixed
 * dir under the OS temp dir (canopy-go-build-cache), shared by concurrent test files (Go locks
 * it) and kept between runs, so only a cold build is slow (Sarama with cgo zstd: ~20 s).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEBIAN_GOPATH, haveClient, type DebianClient, type SkippableTest } from './debian-client.js';

export type GoClient = 'sarama-client' | 'kafka-go-client';

const sourceRoot = resolve(import.meta.dirname, '../interop/clients/go');
const packages: Record<GoClient, DebianClient> = {
  'sarama-client': 'golang-github-shopify-sarama-dev',
  'kafka-go-client': 'golang-github-segmentio-kafka-go-dev',
};
/** A cold build of Sarama (cgo zstd) takes ~20 s on an idle core; CI is busier. */
const BUILD_MS_MAX = 240_000;
const RUN_MS_MAX_DEFAULT = 120_000;

export function haveGoClient(t: SkippableTest, which: GoClient): boolean {
  return haveClient(t, 'golang-go') && haveClient(t, packages[which]);
}

export interface GoRun {
  code: number | null;
  lines: Array<Record<string, any>>;
  stderr: string;
}

/** Runs a command with a bound on its run time (killed by PID past it). */
function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string; timeoutMs: number }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((res, rej) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      process.kill(child.pid!, 'SIGKILL');
      rej(new Error(`${command} ${args.join(' ')} ran longer than ${options.timeoutMs} ms; stderr: ${stderr}`));
    }, options.timeoutMs);
    child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      rej(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      res({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

let binDir: string | null = null;
const builds = new Map<GoClient, Promise<string>>();

export function goEnv(): NodeJS.ProcessEnv {
  const cache = join(tmpdir(), 'canopy-go-build-cache');
  mkdirSync(cache, { recursive: true });
  if (binDir === null) {
    binDir = mkdtempSync(join(tmpdir(), 'canopy-go-bin-'));
    const dir = binDir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return { ...process.env, GO111MODULE: 'off', GOPATH: `${DEBIAN_GOPATH}:${join(binDir, 'gopath')}`, GOCACHE: cache, GOFLAGS: '' };
}

export function buildGoClient(which: GoClient): Promise<string> {
  let build = builds.get(which);
  if (build === undefined) {
    const env = goEnv();
    const out = join(binDir!, which);
    build = run('go', ['build', '-o', out, '.'], { cwd: join(sourceRoot, which), env, timeoutMs: BUILD_MS_MAX }).then((r) => {
      if (r.code !== 0) throw new Error(`go build ${which} failed (${r.code}): ${r.stderr}`);
      return out;
    });
    builds.set(which, build);
  }
  return build;
}

/** Runs a built client; stdout lines are parsed as JSON (a non-JSON line fails the run). */
export async function runGoClient(bin: string, args: string[], options: { stdin?: string; timeoutMs?: number } = {}): Promise<GoRun> {
  const r = await run(bin, args, { ...(options.stdin === undefined ? {} : { stdin: options.stdin }), timeoutMs: options.timeoutMs ?? RUN_MS_MAX_DEFAULT });
  const lines = r.stdout.split('\n').filter((l) => l.trim() !== '').map((l) => {
    try {
      return JSON.parse(l) as Record<string, any>;
    } catch {
      throw new Error(`${bin}: non-JSON stdout line: ${l}; stderr: ${r.stderr}`);
    }
  });
  return { code: r.code, lines, stderr: r.stderr };
}

/** The line of a step, or a failure-friendly placeholder naming the missing step. */
export function step(r: GoRun, name: string): Record<string, any> {
  return r.lines.find((l) => l.step === name) ?? { step: name, missing: true, stderr: r.stderr };
}
