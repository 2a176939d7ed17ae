/**
 * The declarative edge filter: the JSON/YAML shape a tree config gives, and its validated form.
 *
 *   filter:
 *     topics: [orders]              # absent: every topic
 *     partitions: [0, 1]            # absent: every partition
 *     key: { prefix: "eu-" }        # record predicates; several in one object all must hold
 *     and: [ {...}, {...} ]         # or: [...], not: {...}; nested objects hold predicates only
 *     project: { value: drop, truncateBytes: 64, headers: [trace], jsonFields: [user.id] }
 *
 * Leaves: key {equals|prefix|in|regex}, keyHash {modulo, equals}, header {name, present|equals},
 * value {path, equals|in|range}, timestamp {gte, gt, lte, lt}. Regular expressions are RE2 syntax,
 * run by re2js (linear time); nothing here is ever evaluated as JavaScript.
 * Validation collects every error, each naming its field path (`filter.and[2].key.regex: ...`).
 */
import { RE2JS } from 're2js';
import { DEFAULT_FILTER_LIMITS, type FilterLimits } from './limits.js';

export type Scalar = string | number | boolean | null;

/** A numeric interval; an absent bound is ±Infinity. */
export interface Range { min: number; minInclusive: boolean; max: number; maxInclusive: boolean }

export type Predicate =
  | { op: 'true' }
  | { op: 'and'; items: Predicate[] }
  | { op: 'or'; items: Predicate[] }
  | { op: 'not'; item: Predicate }
  | { op: 'key-equals'; value: string }
  | { op: 'key-prefix'; value: string }
  | { op: 'key-in'; values: string[] }
  | { op: 'key-regex'; pattern: string }
  | { op: 'key-hash'; modulo: number; equals: number }
  | { op: 'header-present'; name: string }
  | { op: 'header-equals'; name: string; value: string }
  | { op: 'value-equals'; path: string[]; value: Scalar }
  | { op: 'value-in'; path: string[]; values: Scalar[] }
  | { op: 'value-range'; path: string[]; range: Range }
  | { op: 'timestamp-range'; range: Range };

/** What of a selected record crosses the edge. */
export interface Projection {
  dropValue: boolean;
  /** Values longer than this are cut to it (bytes); null: no limit. */
  truncateBytes: number | null;
  /** Headers kept, by name; null: all. */
  headers: string[] | null;
  /** JSON fields kept (dotted paths split); null: the whole value. A value that is not a JSON
   *  object becomes null: only listed fields may cross. */
  jsonFields: string[][] | null;
}

export interface EdgeFilter {
  topics: string[] | null;
  partitions: number[] | null;
  where: Predicate;
  project: Projection;
}

export type FilterVerdict = { ok: true; filter: EdgeFilter } | { ok: false; errors: string[] };

const LEAF_FIELDS = ['and', 'or', 'not', 'key', 'keyHash', 'header', 'value', 'timestamp'];
const TOP_FIELDS = ['topics', 'partitions', 'project', ...LEAF_FIELDS];
const PROJECT_FIELDS = ['value', 'truncateBytes', 'headers', 'jsonFields'];
const RANGE_FIELDS = ['gte', 'gt', 'lte', 'lt'];

export const KEEP_ALL: Readonly<Projection> = Object.freeze({ dropValue: false, truncateBytes: null, headers: null, jsonFields: null });

type Obj = Record<string, unknown>;

function isObject(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** One validation pass: errors accumulate with their paths; the node count is bounded. */
class Checker {
  readonly errors: string[] = [];
  nodes = 0;
  constructor(readonly limits: FilterLimits) {}

  fail(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
  }

  fields(x: Obj, path: string, allowed: string[]): void {
    for (const k of Object.keys(x)) if (!allowed.includes(k)) this.fail(`${path}.${k}`, `unknown field (expected one of ${allowed.join(', ')})`);
  }

  string(x: unknown, path: string): string | null {
    if (typeof x !== 'string') { this.fail(path, 'must be a string'); return null; }
    if (Buffer.byteLength(x) > this.limits.stringBytesMax) { this.fail(path, `longer than ${this.limits.stringBytesMax} bytes`); return null; }
    return x;
  }

  integer(x: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number | null {
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) { this.fail(path, `must be an integer in [${min}, ${max}]`); return null; }
    return x;
  }

  list<T>(x: unknown, path: string, item: (v: unknown, p: string) => T | null): T[] | null {
    if (!Array.isArray(x)) { this.fail(path, 'must be a list'); return null; }
    if (x.length > this.limits.listItemsMax) { this.fail(path, `more than ${this.limits.listItemsMax} items`); return null; }
    const out: T[] = [];
    x.forEach((v, i) => { const r = item(v, `${path}[${i}]`); if (r !== null) out.push(r); });
    return out.length === x.length ? out : null;
  }

  scalar(x: unknown, path: string): Scalar | undefined {
    if (x === null || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x))) return x;
    if (typeof x === 'string') return this.string(x, path) ?? undefined;
    this.fail(path, 'must be a string, a finite number, a boolean or null');
    return undefined;
  }

  path(x: unknown, path: string): string[] | null {
    const s = this.string(x, path);
    if (s === null) return null;
    const parts = s.split('.');
    if (parts.some((p) => p === '')) { this.fail(path, 'must be a dotted path of non-empty names (a.b.c)'); return null; }
    if (parts.length > this.limits.pathSegmentsMax) { this.fail(path, `more than ${this.limits.pathSegmentsMax} segments`); return null; }
    return parts;
  }

  /** Exactly one of `ops` is set on `x`; returns its name. */
  oneOf(x: Obj, path: string, ops: string[]): string | null {
    const set = ops.filter((k) => x[k] !== undefined);
    if (set.length !== 1) { this.fail(path, `give exactly one of ${ops.join(', ')}`); return null; }
    return set[0]!;
  }

  range(x: unknown, path: string): Range | null {
    if (!isObject(x)) { this.fail(path, 'must be an object with gte/gt/lte/lt'); return null; }
    this.fields(x, path, RANGE_FIELDS);
    const bound = (k: string): number | undefined => {
      const v = x[k];
      if (v === undefined) return undefined;
      if (typeof v !== 'number' || !Number.isFinite(v)) { this.fail(`${path}.${k}`, 'must be a finite number'); return undefined; }
      return v;
    };
    const [gte, gt, lte, lt] = RANGE_FIELDS.map(bound);
    if (gte !== undefined && gt !== undefined) this.fail(path, 'give gte or gt, not both');
    if (lte !== undefined && lt !== undefined) this.fail(path, 'give lte or lt, not both');
    if ([gte, gt, lte, lt].every((v) => v === undefined)) this.fail(path, 'give at least one of gte, gt, lte, lt');
    return {
      min: gte ?? gt ?? -Infinity, minInclusive: gt === undefined,
      max: lte ?? lt ?? Infinity, maxInclusive: lt === undefined,
    };
  }
}

function keyLeaf(c: Checker, x: unknown, path: string): Predicate | null {
  if (!isObject(x)) { c.fail(path, 'must be an object'); return null; }
  const ops = ['equals', 'prefix', 'in', 'regex'];
  c.fields(x, path, ops);
  const op = c.oneOf(x, path, ops);
  if (op === 'equals' || op === 'prefix') {
    const value = c.string(x[op], `${path}.${op}`);
    return value === null ? null : op === 'equals' ? { op: 'key-equals', value } : { op: 'key-prefix', value };
  }
  if (op === 'in') {
    const values = c.list(x.in, `${path}.in`, (v, p) => c.string(v, p));
    return values === null ? null : { op: 'key-in', values };
  }
  if (op === 'regex') {
    const pattern = c.string(x.regex, `${path}.regex`);
    if (pattern === null) return null;
    try {
      RE2JS.compile(pattern);
    } catch (error) {
      c.fail(`${path}.regex`, `not a valid RE2 expression: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    return { op: 'key-regex', pattern };
  }
  return null;
}

function keyHashLeaf(c: Checker, x: unknown, path: string): Predicate | null {
  if (!isObject(x)) { c.fail(path, 'must be an object {modulo, equals}'); return null; }
  c.fields(x, path, ['modulo', 'equals']);
  const modulo = c.integer(x.modulo, `${path}.modulo`, 1, 0x7fffffff);
  if (modulo === null) return null;
  const equals = c.integer(x.equals, `${path}.equals`, 0, modulo - 1);
  return equals === null ? null : { op: 'key-hash', modulo, equals };
}

function headerLeaf(c: Checker, x: unknown, path: string): Predicate | null {
  if (!isObject(x)) { c.fail(path, 'must be an object {name, present|equals}'); return null; }
  c.fields(x, path, ['name', 'present', 'equals']);
  const name = c.string(x.name, `${path}.name`);
  const op = c.oneOf(x, path, ['present', 'equals']);
  if (name === null || op === null) return null;
  if (op === 'present') {
    if (x.present !== true) { c.fail(`${path}.present`, 'must be true (use not: for absence)'); return null; }
    return { op: 'header-present', name };
  }
  const value = c.string(x.equals, `${path}.equals`);
  return value === null ? null : { op: 'header-equals', name, value };
}

function valueLeaf(c: Checker, x: unknown, path: string): Predicate | null {
  if (!isObject(x)) { c.fail(path, 'must be an object {path, equals|in|range}'); return null; }
  c.fields(x, path, ['path', 'equals', 'in', 'range']);
  const fieldPath = c.path(x.path, `${path}.path`);
  const op = c.oneOf(x, path, ['equals', 'in', 'range']);
  if (fieldPath === null || op === null) return null;
  if (op === 'equals') {
    const value = c.scalar(x.equals, `${path}.equals`);
    return value === undefined ? null : { op: 'value-equals', path: fieldPath, value };
  }
  if (op === 'in') {
    const values = c.list(x.in, `${path}.in`, (v, p) => { const s = c.scalar(v, p); return s === undefined ? null : { s }; });
    return values === null ? null : { op: 'value-in', path: fieldPath, values: values.map((v) => v.s) };
  }
  const range = c.range(x.range, `${path}.range`);
  return range === null ? null : { op: 'value-range', path: fieldPath, range };
}

/** The predicates of one object node, ANDed; `depth` counts enclosing and/or/not. */
function node(c: Checker, x: Obj, path: string, depth: number): Predicate | null {
  if (depth > c.limits.depthMax) { c.fail(path, `nested deeper than ${c.limits.depthMax}`); return null; }
  const parts: Predicate[] = [];
  let bad = false;
  const add = (p: Predicate | null): void => { if (p === null) bad = true; else parts.push(p); };
  for (const field of LEAF_FIELDS) {
    const v = x[field];
    if (v === undefined) continue;
    const p = `${path}.${field}`;
    if (++c.nodes > c.limits.nodesMax) { c.fail(p, `the filter has more than ${c.limits.nodesMax} predicates`); return null; }
    if (field === 'and' || field === 'or') {
      if (!Array.isArray(v) || v.length === 0) { c.fail(p, 'must be a non-empty list'); bad = true; continue; }
      const items = v.map((item, i) => (isObject(item) ? child(c, item, `${p}[${i}]`, depth + 1) : (c.fail(`${p}[${i}]`, 'must be an object'), null)));
      if (items.some((i) => i === null)) bad = true;
      else parts.push({ op: field, items: items as Predicate[] });
    } else if (field === 'not') {
      if (!isObject(v)) { c.fail(p, 'must be an object'); bad = true; continue; }
      const item = child(c, v, p, depth + 1);
      add(item === null ? null : { op: 'not', item });
    } else if (field === 'key') add(keyLeaf(c, v, p));
    else if (field === 'keyHash') add(keyHashLeaf(c, v, p));
    else if (field === 'header') add(headerLeaf(c, v, p));
    else if (field === 'value') add(valueLeaf(c, v, p));
    else if (field === 'timestamp') { const range = c.range(v, p); add(range === null ? null : { op: 'timestamp-range', range }); }
  }
  if (bad) return null;
  return parts.length === 0 ? { op: 'true' } : parts.length === 1 ? parts[0]! : { op: 'and', items: parts };
}

function child(c: Checker, x: Obj, path: string, depth: number): Predicate | null {
  c.fields(x, path, LEAF_FIELDS);
  if (!LEAF_FIELDS.some((f) => x[f] !== undefined)) { c.fail(path, `give at least one of ${LEAF_FIELDS.join(', ')}`); return null; }
  return node(c, x, path, depth);
}

function projection(c: Checker, x: unknown, path: string): Projection | null {
  if (x === undefined) return { ...KEEP_ALL };
  if (!isObject(x)) { c.fail(path, 'must be an object'); return null; }
  c.fields(x, path, PROJECT_FIELDS);
  const errorsBefore = c.errors.length;
  if (x.value !== undefined && x.value !== 'drop' && x.value !== 'keep') c.fail(`${path}.value`, 'must be "drop" or "keep"');
  const dropValue = x.value === 'drop';
  const truncateBytes = x.truncateBytes === undefined ? null : c.integer(x.truncateBytes, `${path}.truncateBytes`, 0, 0x7fffffff);
  const headers = x.headers === undefined ? null : c.list(x.headers, `${path}.headers`, (v, p) => c.string(v, p));
  const jsonFields = x.jsonFields === undefined ? null : c.list(x.jsonFields, `${path}.jsonFields`, (v, p) => c.path(v, p));
  if (dropValue && (x.truncateBytes !== undefined || x.jsonFields !== undefined)) c.fail(`${path}.value`, 'drop leaves nothing to truncate or pick fields from');
  if (c.errors.length > errorsBefore) return null;
  return { dropValue, truncateBytes, headers, jsonFields };
}

/** Validates a filter given as parsed JSON/YAML; `path` names it in errors. */
export function validateFilter(x: unknown, path = 'filter', limits: FilterLimits = DEFAULT_FILTER_LIMITS): FilterVerdict {
  const c = new Checker(limits);
  if (x === undefined || x === null) return { ok: true, filter: { topics: null, partitions: null, where: { op: 'true' }, project: { ...KEEP_ALL } } };
  if (!isObject(x)) return { ok: false, errors: [`${path}: must be an object`] };
  c.fields(x, path, TOP_FIELDS);
  const topics = x.topics === undefined ? null : c.list(x.topics, `${path}.topics`, (v, p) => c.string(v, p));
  const partitions = x.partitions === undefined ? null : c.list(x.partitions, `${path}.partitions`, (v, p) => c.integer(v, p, 0, 0x7fffffff));
  const where = node(c, x, path, 0);
  const project = projection(c, x.project, `${path}.project`);
  if (c.errors.length > 0 || where === null || project === null) return { ok: false, errors: c.errors };
  return { ok: true, filter: { topics, partitions, where, project } };
}
