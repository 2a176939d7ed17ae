/**
 * "A child's filter is no wider than its parent's": every record (and every byte of it) the child
 * lets through, the parent lets through too, both applied to the same root records. The check is
 * conservative: `narrower: true` is a proof; `false` means "cannot prove", with the first reason.
 * Rules (c ⇒ p reads "every record c selects, p selects"):
 *   p is true                     → yes
 *   p = and(p1..pn)               → c ⇒ every pi
 *   c = or(c1..cn)                → every ci ⇒ p
 *   c = and(c1..cn)               → some ci ⇒ p (else try p = or: c ⇒ some pi)
 *   p = or(p1..pn)                → c ⇒ some pi
 *   leaves                        → equal, or a known implication (set ⊆ set, range ⊆ range,
 *                                   equals ∈ in, prefix extends prefix, key hash k mod N·m ⇒ k mod N,
 *                                   header equals ⇒ present, key literal matched by the regex)
 *   not                           → only when structurally equal
 */
import { RE2JS } from 're2js';
import { kafkaPartitionOf } from './murmur2.js';
import { inRange } from './compile.js';
import type { EdgeFilter, Predicate, Projection, Range, Scalar } from './spec.js';

export type Subsumption = { narrower: true } | { narrower: false; reason: string };

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function samePath(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function rangeWithin(inner: Range, outer: Range): boolean {
  const lowOk = inner.min > outer.min || (inner.min === outer.min && (outer.minInclusive || !inner.minInclusive));
  const highOk = inner.max < outer.max || (inner.max === outer.max && (outer.maxInclusive || !inner.maxInclusive));
  return lowOk && highOk;
}

/** The key literals a key leaf selects exactly (null: not a finite set). */
function keyLiterals(p: Predicate): string[] | null {
  return p.op === 'key-equals' ? [p.value] : p.op === 'key-in' ? p.values : null;
}

function valueLiterals(p: Predicate): Scalar[] | null {
  return p.op === 'value-equals' ? [p.value] : p.op === 'value-in' ? p.values : null;
}

/** Whether leaf `c` implies leaf `p` by one of the known rules. */
function leafImplies(c: Predicate, p: Predicate): boolean {
  if (sameJson(c, p)) return true;
  const keys = keyLiterals(c);
  if (keys !== null) {
    if (p.op === 'key-in' || p.op === 'key-equals') { const set = new Set(keyLiterals(p)); return keys.every((k) => set.has(k)); }
    if (p.op === 'key-prefix') return keys.every((k) => Buffer.from(k).subarray(0, Buffer.byteLength(p.value)).equals(Buffer.from(p.value)));
    if (p.op === 'key-regex') { const re = RE2JS.compile(p.pattern); return keys.every((k) => re.test(Buffer.from(k))); }
    if (p.op === 'key-hash') return keys.every((k) => kafkaPartitionOf(Buffer.from(k), p.modulo) === p.equals);
    return false;
  }
  if (c.op === 'key-prefix' && p.op === 'key-prefix') return Buffer.from(c.value).subarray(0, Buffer.byteLength(p.value)).equals(Buffer.from(p.value));
  if (c.op === 'key-hash' && p.op === 'key-hash') return c.modulo % p.modulo === 0 && c.equals % p.modulo === p.equals;
  if (c.op === 'header-equals' && p.op === 'header-present') return c.name === p.name;
  if (c.op === 'timestamp-range' && p.op === 'timestamp-range') return rangeWithin(c.range, p.range);
  const values = valueLiterals(c);
  if ((c.op === 'value-equals' || c.op === 'value-in' || c.op === 'value-range') && 'path' in p && samePath(c.path, p.path)) {
    if (values !== null && (p.op === 'value-equals' || p.op === 'value-in')) return values.every((v) => valueLiterals(p)!.some((w) => v === w));
    if (values !== null && p.op === 'value-range') return values.every((v) => typeof v === 'number' && inRange(v, p.range));
    if (c.op === 'value-range' && p.op === 'value-range') return rangeWithin(c.range, p.range);
  }
  return false;
}

/** Whether every record `c` selects is selected by `p` (sound, incomplete). */
export function predicateImplies(c: Predicate, p: Predicate): boolean {
  if (p.op === 'true') return true;
  if (c.op === 'true') return false;
  if (p.op === 'and') return p.items.every((pi) => predicateImplies(c, pi));
  if (c.op === 'or') return c.items.every((ci) => predicateImplies(ci, p));
  if (c.op === 'and' && c.items.some((ci) => predicateImplies(ci, p))) return true;
  if (p.op === 'or') return p.items.some((pi) => predicateImplies(c, pi));
  if (c.op === 'and') return false;
  if (c.op === 'not' || p.op === 'not') return sameJson(c, p);
  return leafImplies(c, p);
}

function listWithin<T>(child: T[] | null, parent: T[] | null): boolean {
  if (parent === null) return true;
  if (child === null) return false;
  const set = new Set(parent);
  return child.every((x) => set.has(x));
}

/** Whether what `c` lets cross of a record is a part of what `p` lets cross. */
function projectionWithin(c: Projection, p: Projection): string | null {
  if (!listWithin(c.headers, p.headers)) return 'its project.headers keeps headers the parent removes';
  if (c.dropValue) return null;
  if (p.dropValue) return 'it keeps values the parent drops';
  if (p.truncateBytes !== null && (c.truncateBytes === null || c.truncateBytes > p.truncateBytes)) return 'its project.truncateBytes is absent or larger than the parent\'s';
  if (p.jsonFields !== null) {
    if (c.jsonFields === null) return 'it keeps whole values where the parent keeps only project.jsonFields';
    // Only equal lists are proven: a sub-list may re-nest differently once the parent has cut fields.
    if (!sameJson(c.jsonFields, p.jsonFields)) return 'its project.jsonFields is not the parent\'s list';
  }
  if (p.jsonFields === null && c.jsonFields !== null && p.truncateBytes !== null) return 'a re-encoded JSON value may be longer than the parent\'s truncated one';
  return null;
}

export function isNarrowerOrEqual(child: EdgeFilter, parent: EdgeFilter): Subsumption {
  if (!listWithin(child.topics, parent.topics)) return { narrower: false, reason: 'its topics are not a subset of the parent\'s' };
  if (!listWithin(child.partitions, parent.partitions)) return { narrower: false, reason: 'its partitions are not a subset of the parent\'s' };
  if (!predicateImplies(child.where, parent.where)) return { narrower: false, reason: 'cannot prove that every record it selects is selected by the parent' };
  const projection = projectionWithin(child.project, parent.project);
  return projection === null ? { narrower: true } : { narrower: false, reason: projection };
}
