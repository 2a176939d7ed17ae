/**
 * Test oracle for the generated codecs: builds random *valid* messages for one version by
 * interpreting the spec model (independently of the emitter), and normalizes values so that a
 * decoded message can be compared with the one that was encoded.
 */
import { loadSpecDir, type FieldSpec, type FieldType, type MessageSpec, type StructSpec } from '../../src/protocol/codegen/spec.js';
import { contains, intersect, isEmpty } from '../../src/protocol/codegen/versions.js';
import { ZERO_UUID } from '../../src/protocol/primitives/uuid.js';
import { messageCodecs, type MessageCodec } from '../../src/protocol/generated/index.js';
import { canopyMessageCodecs } from '../../src/protocol/generated/canopy-index.js';
import { loadCanopySpecs } from '../../src/protocol/codegen/generate.js';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Deterministic PRNG (mulberry32): same seed, same cases. */
export class Rng {
  #s: number;
  constructor(seed: number) {
    this.#s = seed >>> 0;
  }
  next(): number {
    let t = (this.#s = (this.#s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  bytes(n: number): Buffer {
    const b = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i++) b[i] = this.int(0, 255);
    return b;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)]!;
  }
}

export interface Case {
  spec: MessageSpec;
  codec: MessageCodec;
}

/**
 * Every spec (protocol/kafka/ and protocol/canopy/) paired with its generated codec (throws if one
 * is missing: the generator is stale).
 */
export function allCases(): Case[] {
  const kafka = loadSpecDir(join(REPO_ROOT, 'protocol/kafka'), 'protocol/kafka');
  const specs = [...kafka, ...loadCanopySpecs(REPO_ROOT, kafka)];
  const byName = new Map([...messageCodecs, ...canopyMessageCodecs].map((c) => [c.name, c]));
  return specs.map((spec) => {
    const codec = byName.get(spec.name);
    if (!codec) throw new Error(`no generated codec for ${spec.name}: run npm run generate`);
    return { spec, codec };
  });
}

function isFlexible(spec: MessageSpec, v: number): boolean {
  return contains(spec.flexibleVersions, v);
}

function nullableIn(f: FieldSpec, v: number): boolean {
  return contains(intersect(f.nullableVersions, f.versions), v);
}

function nullableAnywhere(f: FieldSpec): boolean {
  return !isEmpty(intersect(f.nullableVersions, f.versions)) || f.default === 'null';
}

/** The value a reader fills in for a field absent from a version. */
export function defaultValue(f: FieldSpec): unknown {
  const t = f.type;
  if (f.default === 'null') return null;
  if (t.kind === 'array') return [];
  if (t.kind === 'struct') return defaultStruct(t.struct);
  switch (t.name) {
    case 'bool':
      return f.default === 'true';
    case 'string':
      return f.default ?? (nullableAnywhere(f) ? null : '');
    case 'bytes':
    case 'records':
      return nullableAnywhere(f) ? null : Buffer.alloc(0);
    case 'uuid':
      return ZERO_UUID;
    default:
      return f.default === undefined ? 0 : Number(f.default.startsWith('0x') ? parseInt(f.default, 16) : f.default);
  }
}

function defaultStruct(s: StructSpec): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const f of s.fields) o[f.prop] = defaultValue(f);
  return o;
}

const INT_RANGES: Record<string, [number, number]> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
};

const STRING_ALPHABET = ['a', 'b', 'Z', '0', '-', '.', '_', ' ', 'é', 'ß', '日', '😀'];

function randomScalar(rng: Rng, t: FieldType, spec: MessageSpec, v: number, depth: number): unknown {
  if (t.kind === 'struct') return randomStruct(rng, t.struct, spec, v, depth + 1);
  if (t.kind === 'array') throw new Error('unreachable');
  switch (t.name) {
    case 'bool':
      return rng.chance(0.5);
    case 'int64':
      return rng.chance(0.3) ? rng.int(-2, 2) : rng.int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    case 'float64':
      return rng.chance(0.2) ? 0 : (rng.next() - 0.5) * 10 ** rng.int(-5, 300);
    case 'string': {
      const n = rng.int(0, 8);
      let s = '';
      for (let i = 0; i < n; i++) s += rng.pick(STRING_ALPHABET);
      return s;
    }
    case 'bytes':
    case 'records':
      return rng.bytes(rng.int(0, 12));
    case 'uuid':
      return rng.chance(0.3) ? ZERO_UUID : rng.bytes(16);
    default: {
      const [lo, hi] = INT_RANGES[t.name]!;
      return rng.chance(0.3) ? rng.int(Math.max(lo, -2), Math.min(hi, 2)) : rng.int(lo, hi);
    }
  }
}

function randomField(rng: Rng, f: FieldSpec, spec: MessageSpec, v: number, depth: number): unknown {
  if (nullableIn(f, v) && rng.chance(0.2)) return null;
  if (f.type.kind === 'array') {
    const n = depth > 4 ? 0 : rng.int(0, 3);
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) out.push(randomScalar(rng, f.type.element, spec, v, depth));
    return out;
  }
  return randomScalar(rng, f.type, spec, v, depth);
}

/** Unknown tags for the random messages: far above any tag a spec uses. */
const UNKNOWN_TAG_BASE = 1000;

function randomStruct(rng: Rng, s: StructSpec, spec: MessageSpec, v: number, depth: number): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const f of s.fields) {
    const presentNow = contains(f.versions, v) && (f.tag === undefined || (contains(f.taggedVersions, v) && isFlexible(spec, v)));
    // A tagged field left at its default is not written; exercise both.
    o[f.prop] = presentNow && !(f.tag !== undefined && rng.chance(0.3)) ? randomField(rng, f, spec, v, depth) : defaultValue(f);
  }
  if (isFlexible(spec, v) && rng.chance(0.15)) {
    o.unknownTaggedFields = [{ tag: UNKNOWN_TAG_BASE + rng.int(0, 5) * 2, data: rng.bytes(rng.int(0, 6)) }];
  }
  return o;
}

/** A random valid message of `spec` for version `v`, with absent fields at their defaults. */
export function randomMessage(rng: Rng, spec: MessageSpec, v: number): Record<string, unknown> {
  return randomStruct(rng, spec.root, spec, v, 0);
}

/** Buffers → hex strings, undefined properties dropped: comparable with tap's strictSame. */
export function normalize(x: unknown): unknown {
  if (Buffer.isBuffer(x)) return `0x${x.toString('hex')}`;
  if (Array.isArray(x)) return x.map(normalize);
  if (x !== null && typeof x === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(x).sort()) {
      const v = (x as Record<string, unknown>)[k];
      if (v !== undefined) o[k] = normalize(v);
    }
    return o;
  }
  return x;
}
