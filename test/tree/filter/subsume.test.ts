import t from 'tap';
import { compileFilter, type CompiledFilter } from '../../../src/tree/filter/compile.js';
import { validateFilter, type EdgeFilter } from '../../../src/tree/filter/spec.js';
import { isNarrowerOrEqual, type Subsumption } from '../../../src/tree/filter/subsume.js';
import { Rng } from '../../helpers/protocol-random.js';
import { randomFilter, randomPredicate, randomRecord } from '../../helpers/random-filters.js';

function valid(spec: unknown): EdgeFilter {
  const v = validateFilter(spec);
  if (!v.ok) throw new Error(v.errors.join('; '));
  return v.filter;
}

const RECORDS = (() => {
  const rng = new Rng(77);
  return Array.from({ length: 400 }, () => randomRecord(rng));
})();

/** A record the child lets through that the parent does not, or with more of it: a counterexample. */
function counterexample(child: CompiledFilter, parent: CompiledFilter): string | null {
  for (const r of RECORDS) {
    if (!child.matches(r)) continue;
    if (!parent.matches(r)) return `selected by the child only: ${JSON.stringify({ key: r.key?.toString(), value: r.value?.toString() })}`;
    const c = child.project(r);
    const p = parent.project(r);
    if (!c.headers.every((h) => p.headers.some((x) => x.key === h.key))) return 'a header the parent removes';
    if (c.value !== null && (p.value === null || c.value.length > p.value.length)) return 'more value than the parent lets through';
  }
  return null;
}

/** Pairs where the child is often, but not always, narrower: the parent's predicate ANDed/ORed with more. */
function pairs(rng: Rng, n: number): [Record<string, unknown>, Record<string, unknown>][] {
  return Array.from({ length: n }, () => {
    const parent = randomFilter(rng);
    const { project, ...where } = parent;
    const roll = rng.next();
    const childWhere = roll < 0.3 ? { and: [where, randomPredicate(rng)].filter((x) => Object.keys(x).length > 0) }
      : roll < 0.5 ? { or: [where, randomPredicate(rng)].filter((x) => Object.keys(x).length > 0) }
      : roll < 0.6 ? where : randomPredicate(rng);
    const child: Record<string, unknown> = (childWhere as { and?: unknown[]; or?: unknown[] }).and?.length === 0 ? {} : childWhere;
    if (rng.chance(0.7) && project !== undefined) child.project = project;
    else if (rng.chance(0.3)) child.project = { value: 'drop', headers: [] };
    return [child, parent];
  });
}

function check(decide: (c: EdgeFilter, p: EdgeFilter) => Subsumption, seed: number): { proven: number; unsound: string[] } {
  const rng = new Rng(seed);
  let proven = 0;
  const unsound: string[] = [];
  for (const [childSpec, parentSpec] of pairs(rng, 600)) {
    const child = valid(childSpec);
    const parent = valid(parentSpec);
    if (!decide(child, parent).narrower) continue;
    proven++;
    const bad = counterexample(compileFilter(child), compileFilter(parent));
    if (bad !== null) unsound.push(`${JSON.stringify(childSpec)} ⊑ ${JSON.stringify(parentSpec)}: ${bad}`);
  }
  return { proven, unsound };
}

t.test('property: when isNarrowerOrEqual says yes, no sampled record crosses the child but not the parent', async (t) => {
  const { proven, unsound } = check(isNarrowerOrEqual, 2024);
  t.same(unsound, []);
  t.ok(proven > 100, `proved ${proven} of 600 pairs (the check is not vacuous)`);
});

t.test('the sampler catches an unsound check (a checker that can fail)', async (t) => {
  const { unsound } = check(() => ({ narrower: true }), 2024);
  t.ok(unsound.length > 0, `${unsound.length} counterexamples against "always yes"`);
});

t.test('known implications are proven; wider or unprovable children are not', async (t) => {
  const yes: [unknown, unknown][] = [
    [{ key: { equals: 'eu-1' } }, { key: { prefix: 'eu-' } }],
    [{ key: { in: ['eu-1', 'eu-2'] } }, { key: { regex: '^eu-[0-9]$' } }],
    [{ key: { prefix: 'eu-west' } }, { key: { prefix: 'eu-' } }],
    [{ keyHash: { modulo: 8, equals: 5 } }, { keyHash: { modulo: 4, equals: 1 } }],
    [{ timestamp: { gt: 10, lt: 20 } }, { timestamp: { gte: 10, lte: 20 } }],
    [{ value: { path: 'n', equals: 3 } }, { value: { path: 'n', range: { gte: 0 } } }],
    [{ header: { name: 'h', equals: 'v' } }, { header: { name: 'h', present: true } }],
    [{ topics: ['a'], key: { prefix: 'x' }, header: { name: 'h', present: true } }, { topics: ['a', 'b'], key: { prefix: 'x' } }],
    [{ key: { equals: 'a' }, project: { value: 'drop' } }, { or: [{ key: { equals: 'a' } }, { key: { equals: 'b' } }], project: { truncateBytes: 9 } }],
    [{ project: { truncateBytes: 4, headers: [] } }, { project: { truncateBytes: 5, headers: ['h'] } }],
    [{}, {}],
    [{ partitions: [0] }, {}],
  ];
  for (const [c, p] of yes) t.same(isNarrowerOrEqual(valid(c), valid(p)), { narrower: true }, `${JSON.stringify(c)} ⊑ ${JSON.stringify(p)}`);
  const no: [unknown, unknown, RegExp][] = [
    [{}, { key: { prefix: 'eu' } }, /every record it selects/],
    [{ key: { prefix: 'eu' } }, { key: { prefix: 'eu-' } }, /every record it selects/],
    [{ timestamp: { gte: 10 } }, { timestamp: { gt: 10 } }, /every record it selects/],
    [{ keyHash: { modulo: 6, equals: 1 } }, { keyHash: { modulo: 4, equals: 1 } }, /every record it selects/],
    [{ topics: ['a', 'c'] }, { topics: ['a', 'b'] }, /topics are not a subset/],
    [{ key: { equals: 'x' } }, { key: { equals: 'x' }, project: { value: 'drop' } }, /keeps values the parent drops/],
    [{ project: { headers: ['a', 'b'] } }, { project: { headers: ['a'] } }, /headers/],
    [{}, { project: { truncateBytes: 3 } }, /truncateBytes/],
  ];
  for (const [c, p, why] of no) {
    const verdict = isNarrowerOrEqual(valid(c), valid(p));
    t.match(verdict, { narrower: false, reason: why }, `${JSON.stringify(c)} ⋢ ${JSON.stringify(p)}`);
  }
});
