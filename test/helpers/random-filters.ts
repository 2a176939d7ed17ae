/**
 * Random edge filters (in their JSON form) and random records drawn from small pools, so that
 * predicates hit and miss often; plus a reference evaluator of the JSON form written apart from
 * src/tree/filter/compile.ts (it reads the spec directly), used as the oracle in property tests.
 */
import type { RecordHeader, RecordInput } from '../../src/protocol/records/record.js';
import { murmur2 } from '../../src/tree/filter/murmur2.js';
import type { Rng } from './protocol-random.js';

const KEYS = ['eu-1', 'eu-2', 'eu-west-7', 'us-1', 'us-2', 'asia-9', ''];
const REGIONS = ['eu', 'us', 'asia'];
const HEADER_NAMES = ['trace', 'tenant'];
const HEADER_VALUES = ['a', 'b'];
export const TIMESTAMP_BASE = 1_700_000_000_000;

type Json = Record<string, unknown>;

export function randomRecord(rng: Rng): Required<Omit<RecordInput, 'offsetDelta'>> {
  const key = rng.chance(0.1) ? null : Buffer.from(rng.pick(KEYS));
  const roll = rng.next();
  const value = roll < 0.1 ? null : roll < 0.2 ? rng.bytes(rng.int(0, 20))
    : Buffer.from(JSON.stringify({ region: rng.pick(REGIONS), amount: rng.int(0, 100), user: { id: rng.int(0, 5), name: 'n'.repeat(rng.int(0, 30)) } }));
  const headers: RecordHeader[] = HEADER_NAMES.filter(() => rng.chance(0.5)).map((k) => ({ key: k, value: rng.chance(0.2) ? null : Buffer.from(rng.pick(HEADER_VALUES)) }));
  return { key, value, headers, timestamp: TIMESTAMP_BASE + rng.int(0, 100) };
}

function randomRange(rng: Rng, lo: number, hi: number): Json {
  const r: Json = {};
  const a = rng.int(lo, hi);
  const b = rng.int(a, hi);
  if (rng.chance(0.7)) r[rng.chance(0.5) ? 'gte' : 'gt'] = a;
  if (rng.chance(0.7) || Object.keys(r).length === 0) r[rng.chance(0.5) ? 'lte' : 'lt'] = b;
  return r;
}

function randomLeaf(rng: Rng): Json {
  switch (rng.int(0, 7)) {
    case 0: return { key: { equals: rng.pick(KEYS) } };
    case 1: return { key: { prefix: rng.pick(['eu', 'eu-', 'us', 'eu-w', '']) } };
    case 2: return { key: { in: KEYS.filter(() => rng.chance(0.4)) } };
    case 3: return { key: { regex: rng.pick(['^eu-[0-9]$', '-1$', 'w', '^(us|asia)', '(a+)+$']) } };
    case 4: { const modulo = rng.int(1, 6); return { keyHash: { modulo, equals: rng.int(0, modulo - 1) } }; }
    case 5: return { header: rng.chance(0.5) ? { name: rng.pick(HEADER_NAMES), present: true } : { name: rng.pick(HEADER_NAMES), equals: rng.pick(HEADER_VALUES) } };
    case 6: {
      const r = rng.int(0, 2);
      if (r === 0) return { value: { path: rng.pick(['region', 'user.id']), equals: rng.chance(0.5) ? rng.pick(REGIONS) : rng.int(0, 5) } };
      if (r === 1) return { value: { path: 'region', in: REGIONS.filter(() => rng.chance(0.5)) } };
      return { value: { path: rng.pick(['amount', 'user.id']), range: randomRange(rng, 0, 100) } };
    }
    default: return { timestamp: randomRange(rng, TIMESTAMP_BASE, TIMESTAMP_BASE + 100) };
  }
}

export function randomPredicate(rng: Rng, depth = 0): Json {
  const roll = rng.next();
  if (depth >= 3 || roll < 0.5) return randomLeaf(rng);
  if (roll < 0.7) return { and: Array.from({ length: rng.int(1, 3) }, () => randomPredicate(rng, depth + 1)) };
  if (roll < 0.9) return { or: Array.from({ length: rng.int(1, 3) }, () => randomPredicate(rng, depth + 1)) };
  return { not: randomPredicate(rng, depth + 1) };
}

export function randomProjection(rng: Rng): Json | undefined {
  if (rng.chance(0.4)) return undefined;
  const p: Json = {};
  if (rng.chance(0.2)) p.value = 'drop';
  else {
    if (rng.chance(0.4)) p.truncateBytes = rng.int(0, 40);
    if (rng.chance(0.4)) p.jsonFields = rng.pick([['region'], ['user.id'], ['region', 'user'], ['amount', 'user.name']]);
  }
  if (rng.chance(0.4)) p.headers = HEADER_NAMES.filter(() => rng.chance(0.5));
  return p;
}

export function randomFilter(rng: Rng): Json {
  const f: Json = rng.chance(0.2) ? {} : randomPredicate(rng);
  const project = randomProjection(rng);
  if (project !== undefined) f.project = project;
  return f;
}

// ---- the reference evaluator ----

function fieldOf(value: Buffer | null, path: string): unknown {
  if (value === null) return undefined;
  let at: unknown;
  try { at = JSON.parse(value.toString()); } catch { return undefined; }
  for (const name of path.split('.')) {
    if (typeof at !== 'object' || at === null || Array.isArray(at) || !(name in at)) return undefined;
    at = (at as Json)[name];
  }
  return at;
}

function within(x: number, r: Json): boolean {
  return (r.gte === undefined || x >= (r.gte as number)) && (r.gt === undefined || x > (r.gt as number))
    && (r.lte === undefined || x <= (r.lte as number)) && (r.lt === undefined || x < (r.lt as number));
}

/** Kafka's default partitioner, from murmur2 (checked against the Java vectors and kafkajs). */
function partitionOf(key: Buffer, n: number): number {
  return (murmur2(key) & 0x7fffffff) % n;
}

export function referenceMatches(spec: Json, r: { key: Buffer | null; value: Buffer | null; headers: RecordHeader[]; timestamp: number }): boolean {
  const key = r.key?.toString() ?? null;
  return Object.entries(spec).every(([field, v]) => {
    const x = v as Json;
    switch (field) {
      case 'and': return (v as Json[]).every((s) => referenceMatches(s, r));
      case 'or': return (v as Json[]).some((s) => referenceMatches(s, r));
      case 'not': return !referenceMatches(x, r);
      case 'key':
        if (key === null) return false;
        if ('equals' in x) return key === x.equals;
        if ('prefix' in x) return key.startsWith(x.prefix as string);
        if ('in' in x) return (x.in as string[]).includes(key);
        // Only the patterns randomLeaf draws; none needs more than what JavaScript's RegExp agrees on.
        return new RegExp(x.regex as string).test(key);
      case 'keyHash': return r.key !== null && partitionOf(r.key, x.modulo as number) === x.equals;
      case 'header': return r.headers.some((h) => h.key === x.name && ('present' in x || h.value?.toString() === x.equals));
      case 'value': {
        const f = fieldOf(r.value, x.path as string);
        if ('equals' in x) return f === x.equals;
        if ('in' in x) return (x.in as unknown[]).includes(f);
        return typeof f === 'number' && within(f, x.range as Json);
      }
      case 'timestamp': return within(r.timestamp, x);
      default: return true; // topics, partitions, project
    }
  });
}
