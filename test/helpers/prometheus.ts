/**
 * Debian's `prometheus` as a child process for tests: 127.0.0.1 on a free port, its own temp
 * config and data dir, scraping the given targets every second; stopped by PID in t.teardown.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Scrape interval of the test Prometheus; short so rate() windows fill within seconds. */
export const testScrapeIntervalSeconds = 1;
/** Upper bound for Prometheus to answer /-/ready. */
export const prometheusReadyMsMax = 30_000;

interface Teardown { teardown(fn: () => unknown): void }

export interface TestPrometheus {
  readonly url: string;
  readonly pid: number;
  /** GET /api/v1/query?query=… at the current time; returns the parsed `data`. */
  query(expr: string): Promise<{ resultType: string; result: unknown[] }>;
  output(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.on('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => res(port));
    });
  });
}

export async function startPrometheus(t: Teardown, targets: string[]): Promise<TestPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-prometheus-'));
  const config = [
    'global:',
    `  scrape_interval: ${testScrapeIntervalSeconds}s`,
    `  evaluation_interval: ${testScrapeIntervalSeconds}s`,
    'scrape_configs:',
    '  - job_name: canopy',
    '    metrics_path: /metrics',
    '    static_configs:',
    `      - targets: [${targets.map((x) => `'${x}'`).join(', ')}]`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'prometheus.yml'), config);
  const port = await freePort();
  const child = spawn('prometheus', [
    `--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid!;
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => { if (child.exitCode === null) process.kill(pid, 'SIGKILL'); }, 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + prometheusReadyMsMax;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}:\n${out}`);
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`prometheus not ready within ${prometheusReadyMsMax} ms:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url, pid, output: () => out,
    async query(expr) {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
      const body = await response.json() as { status: string; error?: string; data: { resultType: string; result: unknown[] } };
      if (body.status !== 'success') throw new Error(`prometheus rejected ${expr}: ${body.error}`);
      return body.data;
    },
  };
}
