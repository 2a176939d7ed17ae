/**
 * npm run chaos -- --minutes N --seed S [--nodes 1] [--faults kill,pause,...] [--history FILE]
 *   [--hold-ms-max MS] [--quiet-ms-max MS] [--result FILE (the check and faults applied, as JSON)]
 *
 * Runs the workload and the nemesis against real broker processes, prints the result table and
 * the history's path, and exits 1 on any anomaly. Every broker is stopped by PID at the end, and
 * the process exits explicitly: after a run with SIGKILLed brokers something not listed by
 * process.getActiveResourcesInfo() kept the event loop alive (not found yet).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatTable, resultRows } from './checker.js';
import { Teardowns } from './cluster.js';
import { FAULT_KINDS, type FaultKind } from './nemesis.js';
import { runChaos } from './run.js';

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got ${JSON.stringify(text)}`);
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '2' },
      seed: { type: 'string', default: '1' },
      nodes: { type: 'string', default: '1' },
      faults: { type: 'string' },
      history: { type: 'string' },
      result: { type: 'string' },
      'hold-ms-max': { type: 'string' },
      'quiet-ms-max': { type: 'string' },
    },
  });
  const kinds = values.faults?.split(',').map((k) => {
    if (!(FAULT_KINDS as readonly string[]).includes(k)) throw new Error(`--faults: unknown fault ${JSON.stringify(k)}; known: ${FAULT_KINDS.join(', ')}`);
    return k as FaultKind;
  });
  const seed = Math.floor(positive('seed', values.seed!));
  const minutes = positive('minutes', values.minutes!);
  const teardowns = new Teardowns();
  try {
    const bound = (name: 'hold-ms-max' | 'quiet-ms-max') => (values[name] === undefined ? undefined : positive(name, values[name]));
    const run = await runChaos({
      seed, durationMs: minutes * 60_000, nodes: Math.floor(positive('nodes', values.nodes!)), kinds, historyPath: values.history,
      holdMsMax: bound('hold-ms-max'), quietMsMax: bound('quiet-ms-max'),
    }, teardowns);
    if (values.result !== undefined) writeFileSync(values.result, JSON.stringify({ result: run.result, applied: Object.fromEntries(run.applied), historyPath: run.historyPath }));
    const faults = [...run.applied].map(([k, n]) => `${k}=${n}`).join(' ');
    console.log(formatTable([['seed', String(seed)], ['minutes', String(minutes)], ['faults by kind', faults], ...resultRows(run.result)]));
    console.log(`history: ${run.historyPath}`);
    if (!run.result.ok) console.log(JSON.stringify({ lost: run.result.lost.slice(0, 20), duplicates: run.result.duplicates.slice(0, 20), inconsistent: run.result.inconsistent.slice(0, 20), unseen: run.result.unseen.slice(0, 20), hwRegressions: run.result.hwRegressions.slice(0, 20) }, null, 2));
    return run.result.ok ? 0 : 1;
  } finally {
    await teardowns.run();
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
