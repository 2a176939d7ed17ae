// First half of the CI seed budget of the deterministic simulation (see ci-budget.ts).
import t from 'tap';
import { CI_SEEDS_PER_FILE, runSeedRange } from './ci-budget.js';

t.test('simulation seeds, first half', (t) => runSeedRange(t, 1, CI_SEEDS_PER_FILE));
