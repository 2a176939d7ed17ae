import t from 'tap';
import { RecordDecodeError } from '../../../src/protocol/records/errors.js';
import { planRecord, readRecord, writeRecord, type RecordInput } from '../../../src/protocol/records/record.js';
import { writeVarint } from '../../../src/protocol/records/varint.js';

/** Seeded PRNG (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBytes(r: () => number, maxBytes: number): Buffer | null {
  if (r() < 0.15) return null;
  const b = Buffer.alloc(Math.floor(r() * maxBytes));
  for (let i = 0; i < b.length; i++) b[i] = Math.floor(r() * 256);
  return b;
}

function randomRecord(r: () => number): RecordInput {
  const headers = Array.from({ length: Math.floor(r() * 4) }, (_, i) => ({ key: `h${i}-ü${Math.floor(r() * 1000)}`, value: randomBytes(r, 20) }));
  return { key: randomBytes(r, 40), value: randomBytes(r, 300), headers };
}

function encode(input: RecordInput, timestampDelta: number, offsetDelta: number): Buffer {
  const p = planRecord(input, timestampDelta, offsetDelta);
  const buf = Buffer.alloc(p.totalBytes);
  if (writeRecord(buf, 0, p) !== p.totalBytes) throw new Error('planned size differs from written size');
  return buf;
}

const base = { baseOffset: 1000, baseTimestamp: 1_700_000_000_000, timestampOverride: null };

t.test('random records round-trip with nulls and headers', async (t) => {
  const r = rng(7);
  for (let i = 0; i < 300; i++) {
    const input = randomRecord(r);
    const tsDelta = Math.floor((r() - 0.5) * 1e6);
    const buf = encode(input, tsDelta, i);
    const c = { buf, pos: 0, end: buf.length };
    const out = readRecord(c, base);
    t.equal(c.pos, buf.length);
    t.same(
      { offset: out.offset, timestamp: out.timestamp, key: out.key, value: out.value, headers: out.headers },
      { offset: 1000 + i, timestamp: base.baseTimestamp + tsDelta, key: input.key, value: input.value, headers: input.headers },
    );
  }
});

t.test('a known record encodes to the spec layout', async (t) => {
  // length 11 (zig-zag 0x16) | attributes 0 | tsDelta 1 | offsetDelta 2 | key "k" | value null | 1 header "h" → "v"
  const buf = encode({ key: Buffer.from('k'), value: null, headers: [{ key: 'h', value: Buffer.from('v') }] }, 1, 2);
  t.equal(buf.toString('hex'), '16' + '00' + '02' + '04' + '02' + '6b' + '01' + '02' + '02' + '68' + '02' + '76');
  const out = readRecord({ buf, pos: 0, end: buf.length }, { ...base, timestampOverride: 5 });
  t.equal(out.timestamp, 5, 'LogAppendTime override wins');
});

function raw(parts: (number | Buffer)[]): Buffer {
  const buf = Buffer.alloc(64);
  let pos = 0;
  for (const p of parts) {
    if (typeof p === 'number') pos = writeVarint(buf, pos, p);
    else pos += p.copy(buf, pos);
  }
  return buf.subarray(0, pos);
}

t.test('hostile lengths give RecordDecodeError, never RangeError or a big allocation', async (t) => {
  const body = (fields: (number | Buffer)[]) => {
    const inner = raw(fields);
    return Buffer.concat([raw([inner.length]), inner]);
  };
  const attrs = Buffer.from([0]);
  const cases: [string, Buffer][] = [
    ['key length beyond the record', body([attrs, 0, 0, 0x7fffffff, -1, 0])],
    ['negative key length', body([attrs, 0, 0, -5, -1, 0])],
    ['header count beyond the record', body([attrs, 0, 0, -1, -1, 0x3fffffff])],
    ['negative header count', body([attrs, 0, 0, -1, -1, -1])],
    ['null header key', body([attrs, 0, 0, -1, -1, 1, -1, -1])],
    ['record longer than the buffer', raw([100, attrs, 0, 0, -1, -1, 0])],
    ['negative record length', raw([-1])],
    ['fields shorter than the record length', Buffer.concat([raw([8]), raw([attrs, 0, 0, -1, -1, 0]), Buffer.from([0, 0])])],
  ];
  for (const [name, buf] of cases) {
    t.throws(() => readRecord({ buf, pos: 0, end: buf.length }, base), RecordDecodeError, name);
  }
});

t.test('random corruption of encoded records only ever throws RecordDecodeError', async (t) => {
  const r = rng(99);
  let other = 0;
  let decoded = 0;
  for (let i = 0; i < 2000; i++) {
    const buf = Buffer.from(encode(randomRecord(r), 3, 1));
    for (let flips = 1 + Math.floor(r() * 3); flips > 0; flips--) buf[Math.floor(r() * buf.length)] = Math.floor(r() * 256);
    try {
      readRecord({ buf, pos: 0, end: buf.length }, base);
      decoded++;
    } catch (error) {
      if (!(error instanceof RecordDecodeError)) other++;
    }
  }
  t.equal(other, 0, 'no error other than RecordDecodeError');
  t.ok(decoded < 2000, 'some corruptions are detected');
});
