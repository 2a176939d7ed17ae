/**
 * The learner tree config: a YAML (or JSON, which YAML reads too) file naming each learner, its
 * upstream and ordered fallbacks, its edge filter, its topics and the consumer groups it takes over.
 *
 *   learners:
 *     - name: eu                      # [A-Za-z0-9._-], not "root"
 *       upstream: root                # "root" (the voters) or another learner's name
 *       fallbacks: [root]             # tried in order when the upstream fails
 *       topics: [orders]              # the edge filter's topics (not also in filter.topics)
 *       filter: { key: { prefix: "eu-" } }
 *       groups: [billing-eu]
 *
 * Validated as a whole; every error names its entry: duplicate names, unknown upstreams and
 * fallbacks, upstream cycles, unknown topics (when the cluster's topic list is given), a group
 * taken over twice, and an edge filter not provably no wider than its upstream's or a fallback's
 * (subsume.ts; a learner holds only what its upstream holds, and may resume from a fallback only
 * if that one holds at least as much). Applying the config to learners is not done here.
 */
import { parseDocument } from 'yaml';
import { closestName } from '../util/did-you-mean.js';
import { DEFAULT_FILTER_LIMITS, type FilterLimits } from './filter/limits.js';
import { validateFilter, type EdgeFilter } from './filter/spec.js';
import { isNarrowerOrEqual } from './filter/subsume.js';

/** The root cluster's name as an upstream; no learner may take it. */
export const ROOT_NODE = 'root';
/** Learners in one config (the deterministic simulator's largest tree is 10,000). */
export const LEARNERS_MAX = 10_000;
const NAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const LEARNER_FIELDS = ['name', 'upstream', 'fallbacks', 'topics', 'filter', 'groups'];

export interface LearnerConfig {
  name: string;
  upstream: string;
  fallbacks: string[];
  /** The edge filter from its upstream, with `topics` taken from the learner's `topics`. */
  filter: EdgeFilter;
  groups: string[];
}

export interface TreeConfig { learners: LearnerConfig[] }

export type TreeVerdict = { ok: true; config: TreeConfig } | { ok: false; errors: string[] };

export interface TreeValidateOptions {
  /** The cluster's topics; when given, every topic named must be one of them. */
  knownTopics?: readonly string[];
  filterLimits?: FilterLimits;
}

type Obj = Record<string, unknown>;
const isObject = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

function stringList(x: unknown, path: string, errors: string[]): string[] {
  if (x === undefined) return [];
  if (!Array.isArray(x) || !x.every((s) => typeof s === 'string' && s.length > 0)) { errors.push(`${path}: must be a list of non-empty strings`); return []; }
  return x as string[];
}

/** One learner entry, or null when it is too broken to take part in the whole-tree checks. */
function readLearner(x: unknown, path: string, errors: string[], limits: FilterLimits): LearnerConfig | null {
  if (!isObject(x)) { errors.push(`${path}: must be an object`); return null; }
  for (const k of Object.keys(x)) if (!LEARNER_FIELDS.includes(k)) errors.push(`${path}.${k}: unknown field (expected one of ${LEARNER_FIELDS.join(', ')})`);
  const name = x.name;
  if (typeof name !== 'string' || !NAME_PATTERN.test(name) || name === ROOT_NODE) {
    errors.push(`${path}.name: must be 1-64 of A-Z a-z 0-9 . _ - and not "${ROOT_NODE}"`);
    return null;
  }
  const at = `${path} (${name})`;
  if (typeof x.upstream !== 'string' || x.upstream === '') { errors.push(`${at}.upstream: must be a node name ("${ROOT_NODE}" or a learner)`); return null; }
  const fallbacks = stringList(x.fallbacks, `${at}.fallbacks`, errors);
  const topics = x.topics === undefined ? null : stringList(x.topics, `${at}.topics`, errors);
  const groups = stringList(x.groups, `${at}.groups`, errors);
  if (topics !== null && isObject(x.filter) && x.filter.topics !== undefined) errors.push(`${at}.filter.topics: give the topics once, in ${at}.topics`);
  const verdict = validateFilter(x.filter, `${at}.filter`, limits);
  if (!verdict.ok) { errors.push(...verdict.errors); return null; }
  const filter = topics === null ? verdict.filter : { ...verdict.filter, topics };
  return { name, upstream: x.upstream, fallbacks, filter, groups };
}

function unknownNode(name: string, known: Set<string>): string {
  const near = closestName(name, known);
  return `unknown node "${name}"${near === null ? '' : ` (did you mean "${near}"?)`}`;
}

/** Names on an upstream cycle, each reported once with the cycle it is on. */
function upstreamCycles(byName: Map<string, LearnerConfig>): Map<string, string[]> {
  const onCycle = new Map<string, string[]>();
  for (const start of byName.keys()) {
    const seen: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && byName.has(at) && !seen.includes(at)) { seen.push(at); at = byName.get(at)!.upstream; }
    if (at === start) onCycle.set(start, [...seen, start]);
  }
  return onCycle;
}

/** Validates a parsed config (any JSON value). */
export function validateTreeConfig(x: unknown, options: TreeValidateOptions = {}): TreeVerdict {
  const errors: string[] = [];
  const limits = options.filterLimits ?? DEFAULT_FILTER_LIMITS;
  if (!isObject(x) || !Array.isArray(x.learners)) return { ok: false, errors: ['tree: must be an object with a "learners" list'] };
  for (const k of Object.keys(x)) if (k !== 'learners') errors.push(`tree.${k}: unknown field (expected learners)`);
  if (x.learners.length > LEARNERS_MAX) return { ok: false, errors: [`learners: more than ${LEARNERS_MAX} entries`] };
  const paths = new Map<string, string>();
  const byName = new Map<string, LearnerConfig>();
  x.learners.forEach((entry, i) => {
    const learner = readLearner(entry, `learners[${i}]`, errors, limits);
    if (learner === null) return;
    const first = paths.get(learner.name);
    if (first !== undefined) { errors.push(`learners[${i}] (${learner.name}).name: duplicate, first at ${first}`); return; }
    paths.set(learner.name, `learners[${i}]`);
    byName.set(learner.name, learner);
  });
  const nodes = new Set([ROOT_NODE, ...byName.keys()]);
  const cycles = upstreamCycles(byName);
  const groupOwner = new Map<string, string>();
  const known = options.knownTopics === undefined ? null : new Set(options.knownTopics);
  for (const learner of byName.values()) {
    const at = `${paths.get(learner.name)} (${learner.name})`;
    const cycle = cycles.get(learner.name);
    if (cycle !== undefined) errors.push(`${at}.upstream: cycle ${cycle.join(' → ')}`);
    for (const [field, name] of [['upstream', learner.upstream] as const, ...learner.fallbacks.map((f, j) => [`fallbacks[${j}]`, f] as const)]) {
      if (!nodes.has(name)) { errors.push(`${at}.${field}: ${unknownNode(name, nodes)}`); continue; }
      // An upstream of itself is reported as the cycle it is.
      if (name === learner.name) { if (field !== 'upstream') errors.push(`${at}.${field}: a learner cannot fall back to itself`); continue; }
      const source = byName.get(name);
      // The root holds everything; a learner on a cycle has no defined filter to compare with.
      if (source === undefined || cycles.has(name)) continue;
      const verdict = isNarrowerOrEqual(learner.filter, source.filter);
      if (!verdict.narrower) errors.push(`${at}.filter: not provably no wider than ${field} "${name}"'s filter: ${verdict.reason}`);
    }
    if (known !== null) {
      for (const topic of learner.filter.topics ?? []) if (!known.has(topic)) errors.push(`${at}.topics: unknown topic "${topic}"`);
    }
    for (const group of learner.groups) {
      const owner = groupOwner.get(group);
      if (owner !== undefined) errors.push(`${at}.groups: group "${group}" is already taken over by "${owner}"`);
      else groupOwner.set(group, learner.name);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config: { learners: [...byName.values()] } };
}

/** Parses YAML or JSON text (`source` names it in errors) and validates it. */
export function parseTreeConfig(text: string, source: string, options: TreeValidateOptions = {}): TreeVerdict {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false, errors: doc.errors.map((e) => `${source}: ${e.message.split('\n')[0]}${e.linePos ? ` (line ${e.linePos[0].line})` : ''}`) };
  return validateTreeConfig(doc.toJS({ maxAliasCount: 100 }), options);
}
