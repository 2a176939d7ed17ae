/**
 * The simulator can fail: every deliberately broken variant of the core (raft.ts `Mutants`) and of
 * the production driver (raft-driver.ts `DriverMutants`) must be caught within the CI seed budget.
 * Also: a seed replays identically.
 */
import t from 'tap';
import { CI_SEEDS } from './ci-budget.js';
import { MUTANTS, runSeed } from './simulate.js';

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
