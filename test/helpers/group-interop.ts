/**
 * Shared bits of the consumer-group interop tests (test/interop/groups-*.test.ts): bounded
 * polling, record bookkeeping, line-oriented client processes. Missing Debian clients are handled
 * by test/helpers/debian-client.ts (skip locally, fail under CI=true).
 */
import { spawn } from 'node:child_process';
import { DEBIAN_PYTHON } from './debian-client.js';

export const PYTHON = DEBIAN_PYTHON;

/** Polls `check` every pollMs until it returns true or timeoutMs passes; returns the last result. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, pollMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Values "0".."n-1" that were never seen, and those seen more than once. */
export function tally(seen: Iterable<string>, n: number): { missing: number[]; duplicates: number } {
  const counts = new Map<string, number>();
  let duplicates = 0;
  for (const v of seen) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > 1) duplicates++;
  }
  const missing: number[] = [];
  for (let i = 0; i < n; i++) if (!counts.has(String(i))) missing.push(i);
  return { missing, duplicates };
}

/**
 * A client process that prints one JSON object per line (test/interop/clients/*.py) and takes
 * commands on stdin. Killed by PID at teardown if still running.
 */
export interface LineClient {
  readonly events: Array<Record<string, unknown>>;
  readonly pid: number;
  /** Waits until some event satisfies pred; returns it, or null after timeoutMs. */
  waitFor(pred: (e: Record<string, unknown>) => boolean, timeoutMs: number): Promise<Record<string, unknown> | null>;
  send(command: string): void;
  exited: Promise<number | null>;
  stderr(): string;
}

export function spawnLineClient(t: { teardown(fn: () => unknown): void }, cmd: string, args: string[]): LineClient {
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const events: Array<Record<string, unknown>> = [];
  let err = '';
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      try {
        events.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        err += `non-JSON stdout: ${line}\n`;
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => void (err += chunk.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid!, 'SIGKILL');
      await exited;
    }
  });
  return {
    events,
    pid: child.pid!,
    exited,
    stderr: () => err,
    send(command) {
      if (child.stdin!.writable) child.stdin!.write(`${command}\n`);
    },
    async waitFor(pred, timeoutMs) {
      let found: Record<string, unknown> | null = null;
      await waitUntil(() => (found = events.find(pred) ?? null) !== null, timeoutMs);
      return found;
    },
  };
}

/**
 * Start-up bound for the brokers these tests spawn: a broker starts in ~2 s on an idle machine,
 * but CI and shared machines run many test files at once on 2 cores.
 */
export const BROKER_READY_MS_MAX = 120_000;
