/**
 * The CI seed budget of the deterministic simulation, and proof that it can fail: every broken
 * variant of the core must be caught within the same budget.
 */
import t from 'tap';
import { MUTANTS, runSeed } from './simulate.js';

/** Seeds run in CI (the issue asks for at least 2,000). */
const CI_SEEDS = 2000;

t.test(`${CI_SEEDS} seeds find no violation`, async (t) => {
  const failures: string[] = [];
  let events = 0;
  for (let seed = 1; seed <= CI_SEEDS; seed++) {
    const r = runSeed(seed);
    events += r.events;
    if (r.violation !== null) failures.push(`seed ${seed}: ${r.violation.split('\n')[0]} (npm run sim -- --seed ${seed})`);
  }
  t.same(failures, [], 'no violations');
  t.ok(events > CI_SEEDS * 100, 'the seeds did real work');
});

t.test('a run is deterministic', async (t) => {
  const a = runSeed(42, { trace: true });
  const b = runSeed(42, { trace: true });
  t.equal(a.events, b.events);
  t.same(a.trace, b.trace);
});

for (const mutant of Object.keys(MUTANTS)) {
  t.test(`mutant ${mutant} is caught within the CI budget`, async (t) => {
    let caught: string | null = null;
    let seed = 1;
    for (; seed <= CI_SEEDS && caught === null; seed++) caught = runSeed(seed, { mutant }).violation;
    t.ok(caught !== null, `caught at seed ${seed - 1}: ${caught?.split('\n')[0]}`);
  });
}
