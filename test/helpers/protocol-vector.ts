/**
 * Byte-vector checks for generated codecs: bytes written by hand from the public protocol guide
 * must decode to the expected object, and both the expected object and the decoded one must encode
 * back to exactly those bytes.
 */
import type { Test } from 'tap';
import { Reader } from '../../src/protocol/primitives/reader.js';
import { Writer } from '../../src/protocol/primitives/writer.js';

/** Concatenates hex fragments; whitespace inside a fragment is ignored (so bytes can be grouped). */
export function hex(...parts: string[]): Buffer {
  const text = parts.join('').replace(/\s+/g, '');
  if (!/^([0-9a-f]{2})*$/i.test(text)) throw new Error(`bad hex vector: ${text}`);
  return Buffer.from(text, 'hex');
}

/** A Kafka STRING (int16 length) / COMPACT_STRING (uvarint length + 1) as hex, for readable vectors. */
export function str16(s: string): string {
  const b = Buffer.from(s, 'utf8');
  return b.length.toString(16).padStart(4, '0') + b.toString('hex');
}

export function compactStr(s: string): string {
  const b = Buffer.from(s, 'utf8');
  if (b.length + 1 > 0x7f) throw new Error('compactStr: only one-byte lengths in vectors');
  return (b.length + 1).toString(16).padStart(2, '0') + b.toString('hex');
}

/** Comparable form: Buffers as hex strings, undefined properties dropped, keys sorted. */
export function plain(x: unknown): unknown {
  if (Buffer.isBuffer(x)) return `0x${x.toString('hex')}`;
  if (Array.isArray(x)) return x.map(plain);
  if (x !== null && typeof x === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(x).sort()) {
      const v = (x as Record<string, unknown>)[k];
      if (v !== undefined) o[k] = plain(v);
    }
    return o;
  }
  return x;
}

export interface VectorCase<M> {
  name: string;
  version: number;
  bytes: Buffer;
  expected: M;
  read(r: Reader, version: number): M;
  write(w: Writer, version: number, m: M): void;
}

/** Runs one vector: read → expected, read consumes every byte, write(expected) and write(read) → bytes. */
export function checkVector<M>(t: Test, c: VectorCase<M>): void {
  const r = new Reader(c.bytes);
  const decoded = c.read(r, c.version);
  t.equal(r.remaining(), 0, `${c.name} v${c.version}: read consumes every byte`);
  t.strictSame(plain(decoded), plain(c.expected), `${c.name} v${c.version}: decodes to the expected object`);
  const w = new Writer(16);
  c.write(w, c.version, c.expected);
  t.equal(w.toBuffer().toString('hex'), c.bytes.toString('hex'), `${c.name} v${c.version}: expected object encodes to the vector`);
  const w2 = new Writer(16);
  c.write(w2, c.version, decoded);
  t.equal(w2.toBuffer().toString('hex'), c.bytes.toString('hex'), `${c.name} v${c.version}: decoded object re-encodes identically`);
}
