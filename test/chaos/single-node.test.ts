/**
 * The short seeded chaos run CI keeps: `npm run chaos` against the single-node broker
 * (fsync=always) with every fault kind at least once (SIGKILL and restart, SIGSTOP, client-link
 * partition / one-way / delay / blackhole / reset, and lost unsynced, torn and bit-flipped tails
 * past what was acknowledged), kafkajs and librdkafka idempotent producers, a kafkajs consumer and
 * a librdkafka final read. Nothing acknowledged may be lost, duplicated or found at an offset
 * holding another value. The run is a child process (cli.ts), bounded and stopped by PID.
 */
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { haveClient } from '../helpers/debian-client.js';
import { runProcess } from '../helpers/run-process.js';
import type { CheckResult } from './checker.js';
import { FAULT_KINDS } from './nemesis.js';

const SEED = 20261202;
const RUN_MS_MAX = 240_000;

t.test(`seed ${SEED}: every fault kind once, nothing acknowledged lost`, async (t) => {
  if (!haveClient(t, 'python3-confluent-kafka')) return;
  const dir = mkdtempSync(join(tmpdir(), 'canopy-chaos-ci-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const args = ['--import', 'tsx', 'test/chaos/cli.ts', '--seed', String(SEED), '--minutes', '0.75', '--hold-ms-max', '1500', '--quiet-ms-max', '800',
    '--history', join(dir, 'history.jsonl'), '--result', join(dir, 'result.json')];
  const run = await runProcess(process.execPath, args, { cwd: resolve(import.meta.dirname, '../..'), timeoutMs: RUN_MS_MAX, group: true });
  t.comment(run.stdout);
  t.notOk(run.timedOut, 'the run ended within its bound');
  t.equal(run.code, 0, `npm run chaos reported no anomaly\n${run.stderr.slice(-2000)}`);
  const { result: r, applied } = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as { result: CheckResult; applied: Record<string, number> };
  t.same(FAULT_KINDS.filter((k) => (applied[k] ?? 0) === 0), [], 'every fault kind was applied');
  t.ok(r.acked > 100, `the workload made progress (${r.acked} acknowledged)`);
  t.same(r.lost, [], 'no acknowledged record lost');
  t.same(r.duplicates, [], 'no value at two offsets');
  t.same(r.inconsistent, [], 'no offset with two values');
  t.same(r.unseen, [], 'nothing seen and then gone');
  t.same(r.hwRegressions, [], 'the high watermark never went back');
  t.notOk(r.noFinalRead, 'the final read happened');
  t.ok(r.finalRead >= r.acked, 'the final read saw at least every acknowledged value');
});
