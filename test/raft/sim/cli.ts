/**
 * `npm run sim -- --seeds N [--seed S] [--mutant NAME] [--start K] [--stop-at-first] [--progress K] [--no-sync-latency]`
 * Runs seeds K..K+N-1 (or replays one seed with its event trace), prints one line per failing seed
 * with how to replay it, then `seeds=N violations=V events=E simulated_ms=T`, and exits non-zero on
 * any violation.
 */
import { MUTANTS, runSeed } from './simulate.js';
import type { FaultCounts } from './simulate.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const mutant = arg('mutant');
if (mutant !== undefined && MUTANTS[mutant] === undefined) {
  console.error(`unknown mutant ${mutant}; known: ${Object.keys(MUTANTS).join(', ')}`);
  process.exit(2);
}
const one = arg('seed');
/** Every sync completes at once, as before sync latency was simulated (replays older runs). */
const syncLatency = !process.argv.includes('--no-sync-latency');
const mutantFlag = (mutant === undefined ? '' : ` --mutant ${mutant}`) + (syncLatency ? '' : ' --no-sync-latency');

if (one !== undefined) {
  const r = runSeed(Number(one), { mutant, trace: true, syncLatency });
  for (const line of r.trace) console.log(line);
  console.log(`seed=${r.seed} violation=${r.violation ?? 'none'} events=${r.events} simulated_ms=${r.simulatedMs}`);
  console.log(`seeds=1 violations=${r.violation === null ? 0 : 1} events=${r.events} simulated_ms=${r.simulatedMs}`);
  process.exit(r.violation === null ? 0 : 1);
}

const seeds = Number(arg('seeds') ?? '100');
const start = Number(arg('start') ?? '1');
const stopAtFirst = process.argv.includes('--stop-at-first');
/** With --progress K, a cumulative line goes to stderr every K seeds (long runs). */
const progressEvery = Number(arg('progress') ?? '0');
let violations = 0;
let events = 0;
let simulatedMs = 0;
const faults: Record<string, number> = {};
const t0 = performance.now();
let ran = 0;
for (let s = start; s < start + seeds; s++) {
  const r = runSeed(s, { mutant, syncLatency });
  ran++;
  events += r.events;
  simulatedMs += r.simulatedMs;
  for (const [k, v] of Object.entries(r.faults as unknown as Record<keyof FaultCounts, number>)) faults[k] = (faults[k] ?? 0) + v;
  if (progressEvery > 0 && ran % progressEvery === 0) {
    console.error(
      `progress seeds=${ran} last_seed=${s} violations=${violations + (r.violation === null ? 0 : 1)} events=${events} simulated_ms=${simulatedMs} ` +
        Object.entries(faults)
          .map(([k, v]) => `${k}=${v}`)
          .join(' '),
    );
  }
  if (r.violation !== null) {
    violations++;
    console.log(`seed ${s} FAILED: ${r.violation.split('\n')[0]}  (replay: npm run sim -- --seed ${s}${mutantFlag})`);
    if (stopAtFirst) break;
  }
}
const wallMs = Math.round(performance.now() - t0);
console.error(`faults ${Object.entries(faults).map(([k, v]) => `${k}=${v}`).join(' ')} wall_ms=${wallMs}`);
console.log(`seeds=${ran} violations=${violations} events=${events} simulated_ms=${simulatedMs}`);
process.exit(violations === 0 ? 0 : 1);
