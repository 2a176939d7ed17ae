/**
 * A validated EdgeFilter compiled once into closures: which topics and partitions cross the edge,
 * which records (a predicate) and what of each (a projection). Regular expressions are compiled
 * here, once, by re2js (RE2 semantics: linear in the key's length, no backtracking); a pattern
 * matches anywhere in the key unless anchored with ^ and $.
 */
import { RE2JS } from 're2js';
import type { KafkaRecord, RecordHeader } from '../../protocol/records/record.js';
import { kafkaPartitionOf } from './murmur2.js';
import type { EdgeFilter, Predicate, Projection, Range, Scalar } from './spec.js';

/** The record fields a predicate reads and a projection rewrites (a KafkaRecord fits). */
export type FilterRecord = Pick<KafkaRecord, 'timestamp' | 'key' | 'value' | 'headers'>;

export interface CompiledFilter {
  readonly filter: EdgeFilter;
  selectsTopic(topic: string): boolean;
  selectsPartition(partition: number): boolean;
  matches(record: FilterRecord): boolean;
  /** The record as it crosses the edge; the same object when the projection keeps everything. */
  project<R extends FilterRecord>(record: R): R;
  /** Whether project() is the identity (lets apply pass batches through untouched). */
  readonly projectsNothing: boolean;
}

type Test = (record: FilterRecord) => boolean;

export function inRange(x: number, r: Range): boolean {
  return (r.minInclusive ? x >= r.min : x > r.min) && (r.maxInclusive ? x <= r.max : x < r.max);
}

/** The value's JSON parse, once per record and only when a predicate asks for it. */
const parsedValues = new WeakMap<Buffer, { json: unknown }>();

function jsonOf(value: Buffer | null): unknown {
  if (value === null) return undefined;
  let cached = parsedValues.get(value);
  if (cached === undefined) {
    let json: unknown;
    try { json = JSON.parse(value.toString('utf8')); } catch { json = undefined; }
    cached = { json };
    parsedValues.set(value, cached);
  }
  return cached.json;
}

export function fieldAt(json: unknown, path: string[]): unknown {
  let at = json;
  for (const name of path) {
    if (typeof at !== 'object' || at === null || Array.isArray(at) || !Object.hasOwn(at, name)) return undefined;
    at = (at as Record<string, unknown>)[name];
  }
  return at;
}

function isScalarEqual(field: unknown, value: Scalar): boolean {
  return field === value;
}

function compilePredicate(p: Predicate): Test {
  switch (p.op) {
    case 'true': return () => true;
    case 'and': { const items = p.items.map(compilePredicate); return (r) => items.every((t) => t(r)); }
    case 'or': { const items = p.items.map(compilePredicate); return (r) => items.some((t) => t(r)); }
    case 'not': { const item = compilePredicate(p.item); return (r) => !item(r); }
    case 'key-equals': { const want = Buffer.from(p.value); return (r) => r.key !== null && r.key.equals(want); }
    case 'key-prefix': {
      const want = Buffer.from(p.value);
      return (r) => r.key !== null && r.key.length >= want.length && r.key.subarray(0, want.length).equals(want);
    }
    case 'key-in': { const set = new Set(p.values); return (r) => r.key !== null && set.has(r.key.toString('utf8')); }
    case 'key-regex': { const re = RE2JS.compile(p.pattern); return (r) => r.key !== null && re.test(r.key); }
    case 'key-hash': return (r) => r.key !== null && kafkaPartitionOf(r.key, p.modulo) === p.equals;
    case 'header-present': return (r) => r.headers.some((h) => h.key === p.name);
    case 'header-equals': {
      const want = Buffer.from(p.value);
      return (r) => r.headers.some((h) => h.key === p.name && h.value !== null && h.value.equals(want));
    }
    case 'value-equals': return (r) => isScalarEqual(fieldAt(jsonOf(r.value), p.path), p.value);
    case 'value-in': return (r) => { const f = fieldAt(jsonOf(r.value), p.path); return p.values.some((v) => isScalarEqual(f, v)); };
    case 'value-range': return (r) => { const f = fieldAt(jsonOf(r.value), p.path); return typeof f === 'number' && inRange(f, p.range); };
    case 'timestamp-range': return (r) => inRange(r.timestamp, p.range);
  }
}

/** Copies only the listed dotted paths of `json` into a new object (missing paths stay missing). */
function pickFields(json: Record<string, unknown>, paths: string[][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const v = fieldAt(json, path);
    if (v === undefined) continue;
    let at = out;
    for (const name of path.slice(0, -1)) {
      const next = at[name];
      at = (typeof next === 'object' && next !== null ? next : (at[name] = {})) as Record<string, unknown>;
    }
    at[path[path.length - 1]!] = v;
  }
  return out;
}

function projectValue(value: Buffer | null, p: Projection): Buffer | null {
  if (p.dropValue || value === null) return null;
  let out = value;
  if (p.jsonFields !== null) {
    const json = jsonOf(value);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
    out = Buffer.from(JSON.stringify(pickFields(json as Record<string, unknown>, p.jsonFields)));
  }
  if (p.truncateBytes !== null && out.length > p.truncateBytes) out = out.subarray(0, p.truncateBytes);
  return out;
}

function isIdentity(p: Projection): boolean {
  return !p.dropValue && p.truncateBytes === null && p.headers === null && p.jsonFields === null;
}

export function compileFilter(filter: EdgeFilter): CompiledFilter {
  const topics = filter.topics === null ? null : new Set(filter.topics);
  const partitions = filter.partitions === null ? null : new Set(filter.partitions);
  const matches = compilePredicate(filter.where);
  const p = filter.project;
  const keptHeaders = p.headers === null ? null : new Set(p.headers);
  const projectsNothing = isIdentity(p);
  return {
    filter,
    selectsTopic: (topic) => topics === null || topics.has(topic),
    selectsPartition: (partition) => partitions === null || partitions.has(partition),
    matches,
    projectsNothing,
    project<R extends FilterRecord>(record: R): R {
      if (projectsNothing) return record;
      const headers: RecordHeader[] = keptHeaders === null ? record.headers : record.headers.filter((h) => keptHeaders.has(h.key));
      return { ...record, value: projectValue(record.value, p), headers };
    },
  };
}
