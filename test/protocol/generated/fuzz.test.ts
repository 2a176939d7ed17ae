// Seeded fuzzing of every generated decoder, every version: random frames and mutations of valid
// ones (truncation, bit flips, huge lengths, inserted bytes, varint runs). Decoding must either
// succeed or throw ProtocolDecodeError — never RangeError/TypeError, never a giant allocation —
// and whatever decodes must encode again without throwing.
import t from 'tap';
import { Reader, ProtocolDecodeError } from '../../../src/protocol/primitives/reader.js';
import { Writer } from '../../../src/protocol/primitives/writer.js';
import { readRequestHeader } from '../../../src/protocol/headers.js';
import { encodeRequestFrame } from '../../../src/protocol/frame.js';
import { apiSpecs } from '../../../src/protocol/generated/index.js';
import { allCases, randomMessage, Rng } from '../../helpers/protocol-random.js';

const CASES_MIN = 100_000;
const BASES_PER_VERSION = 4;
const SEED = Number(process.env.CANOPY_FUZZ_SEED ?? 7331);
const FAILURES_SHOWN_MAX = 5;
const HUGE_INT32 = [0x7fffffff, -0x80000000, -1, -2, 0x10000000, 0x0000ffff];

function mutate(rng: Rng, base: Buffer): Buffer {
  const kind = rng.int(0, 6);
  if (kind === 0 || base.length === 0) return rng.bytes(rng.int(0, 64));
  const b = Buffer.from(base);
  switch (kind) {
    case 1:
      return b.subarray(0, rng.int(0, b.length - 1));
    case 2: {
      const flips = rng.int(1, 3);
      for (let i = 0; i < flips; i++) b[rng.int(0, b.length - 1)] ^= 1 << rng.int(0, 7);
      return b;
    }
    case 3: {
      if (b.length < 4) return b;
      b.writeInt32BE(rng.pick(HUGE_INT32), rng.int(0, b.length - 4));
      return b;
    }
    case 4: {
      const at = rng.int(0, b.length);
      return Buffer.concat([b.subarray(0, at), rng.bytes(rng.int(1, 8)), b.subarray(at)]);
    }
    case 5: {
      // A run of varint continuation bytes or 0xff: bogus compact lengths and tag counts.
      const at = rng.int(0, b.length - 1);
      const n = rng.int(1, 6);
      for (let i = 0; i < n && at + i < b.length; i++) b[at + i] = rng.chance(0.5) ? 0xff : 0x80 | rng.int(0, 127);
      return b;
    }
    default: {
      if (b.length < 2) return b;
      b.writeInt16BE(rng.pick([-1, -2, 0x7fff, 0x100]), rng.int(0, b.length - 2));
      return b;
    }
  }
}

t.test(`fuzz: at least ${CASES_MIN} random and mutated frames over every API and version`, async (t) => {
  const rng = new Rng(SEED);
  const cases = allCases();
  let pairs = 0;
  for (const { codec } of cases) pairs += codec.maxVersion - codec.minVersion + 1;
  const perPair = Math.ceil(CASES_MIN / pairs);
  let total = 0;
  let decoded = 0;
  const failures: string[] = [];
  for (const { spec, codec } of cases) {
    for (let v = codec.minVersion; v <= codec.maxVersion; v++) {
      const bases: Buffer[] = [];
      for (let i = 0; i < BASES_PER_VERSION; i++) {
        const w = new Writer();
        codec.write(w, v, randomMessage(rng, spec, v));
        bases.push(w.toBuffer());
      }
      for (let i = 0; i < perPair; i++) {
        const input = mutate(rng, rng.pick(bases));
        total++;
        let value: unknown;
        try {
          value = codec.read(new Reader(input), v);
        } catch (e) {
          if (!(e instanceof ProtocolDecodeError) && failures.length < FAILURES_SHOWN_MAX) {
            failures.push(`${spec.name} v${v} read ${input.toString('hex')}: ${String(e)}`);
          }
          continue;
        }
        decoded++;
        try {
          codec.write(new Writer(), v, value);
        } catch (e) {
          if (failures.length < FAILURES_SHOWN_MAX) failures.push(`${spec.name} v${v} re-write of ${input.toString('hex')}: ${String(e)}`);
        }
      }
    }
  }
  t.ok(total >= CASES_MIN, `${total} cases (${decoded} decoded, ${total - decoded} rejected) over ${pairs} message versions, seed ${SEED}`);
  t.ok(decoded > 0 && decoded < total, 'the mutations produce both valid and invalid frames');
  t.strictSame(failures, [], 'only ProtocolDecodeError is ever thrown, and decoded messages re-encode');
});

t.test('fuzz: request headers of random frames', async (t) => {
  const rng = new Rng(SEED + 1);
  const failures: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const b = rng.bytes(rng.int(0, 24));
    if (b.length >= 4 && rng.chance(0.7)) {
      b.writeInt16BE(rng.int(-2, 70), 0);
      b.writeInt16BE(rng.int(-1, 20), 2);
    }
    try {
      readRequestHeader(new Reader(b));
    } catch (e) {
      if (!(e instanceof ProtocolDecodeError) && failures.length < FAILURES_SHOWN_MAX) failures.push(`${b.toString('hex')}: ${String(e)}`);
    }
  }
  t.strictSame(failures, []);
});

t.test('fuzz: whole request frames (header + body) the way the server decodes them', async (t) => {
  const rng = new Rng(SEED + 2);
  const specs = new Map(allCases().map((c) => [c.spec.name, c.spec]));
  const failures: string[] = [];
  let total = 0;
  for (const api of apiSpecs.values()) {
    const spec = specs.get(`${api.name}Request`)!;
    for (let v = api.minVersion; v <= api.maxVersion; v++) {
      const frame = encodeRequestFrame({ apiKey: api.apiKey, apiVersion: v, correlationId: rng.int(0, 1000), clientId: rng.chance(0.2) ? null : 'fuzz' },
        (w) => api.writeRequest(w, v, randomMessage(rng, spec, v)));
      for (let i = 0; i < 40; i++) {
        const input = mutate(rng, frame.subarray(4));
        total++;
        try {
          const r = new Reader(input);
          const h = readRequestHeader(r);
          const target = apiSpecs.get(h.apiKey);
          if (target && h.apiVersion >= target.minVersion && h.apiVersion <= target.maxVersion) target.readRequest(r, h.apiVersion);
        } catch (e) {
          if (!(e instanceof ProtocolDecodeError) && failures.length < FAILURES_SHOWN_MAX) failures.push(`${api.name} v${v} ${input.toString('hex')}: ${String(e)}`);
        }
      }
    }
  }
  t.ok(total > 5000, `${total} frames`);
  t.strictSame(failures, []);
});
