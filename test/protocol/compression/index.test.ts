import t from 'tap';
import { codecFor, CompressionError } from '../../../src/protocol/compression/index.js';
import { Compression } from '../../../src/protocol/records/batch-header.js';
import { jsonish, mixed, randomBytes, rng, MiB } from './fixtures/sample-data.js';

const ALL = [Compression.None, Compression.Gzip, Compression.Snappy, Compression.Lz4, Compression.Zstd];
const COMPRESSED = ALL.filter((c) => c !== Compression.None);

t.test('every codec round-trips empty, tiny, random, JSON-ish and 1 MiB inputs', async (t) => {
  const r = rng(1);
  const inputs: [string, Buffer][] = [
    ['empty', Buffer.alloc(0)],
    ['one byte', Buffer.from([0x2a])],
    ['random 1000', randomBytes(r, 1000)],
    ['jsonish 100 KiB', jsonish(r, 100 * 1024)],
    ['mixed 1 MiB', mixed(r, MiB)],
    ['random 1 MiB', randomBytes(r, MiB)],
    ['zeros 1 MiB', Buffer.alloc(MiB)],
  ];
  for (const compression of ALL) {
    const codec = codecFor(compression);
    for (const [name, data] of inputs) {
      const compressed = await codec.compress(data);
      const out = await codec.decompress(compressed);
      t.ok(out.equals(data), `${codec.name} ${name}`);
      if (compression !== Compression.None && name === 'jsonish 100 KiB') t.ok(compressed.length < data.length * 0.8, `${codec.name} compresses text (${compressed.length} of ${data.length})`);
    }
  }
});

t.test('decompression is bounded: inflating past decompressedBytesMax is a too-large error', async (t) => {
  const data = Buffer.alloc(MiB, 'a');
  for (const compression of ALL) {
    const compressed = await codecFor(compression).compress(data);
    const bounded = codecFor(compression, { decompressedBytesMax: 256 * 1024 });
    const err = await bounded.decompress(compressed).catch((e: unknown) => e);
    t.ok(err instanceof CompressionError, `${bounded.name} throws CompressionError`);
    t.equal((err as CompressionError).reason, 'too-large', `${bounded.name} reason`);
    // Exactly at the bound is fine.
    const exact = await codecFor(compression, { decompressedBytesMax: MiB }).decompress(compressed);
    t.equal(exact.length, MiB, `${bounded.name} at the bound`);
  }
});

t.test('corrupted compressed payloads give CompressionError, never a crash or another error type', async (t) => {
  const r = rng(2);
  const data = mixed(r, 200 * 1024);
  for (const compression of COMPRESSED) {
    const codec = codecFor(compression);
    const good = await codec.compress(data);
    const samples: Buffer[] = [Buffer.alloc(0), Buffer.from('not compressed at all'), good.subarray(0, good.length >> 1), randomBytes(r, 5000)];
    for (let i = 0; i < 40; i++) {
      const bad = Buffer.from(good);
      for (let k = 0; k < 4; k++) bad[Math.floor(r() * Math.min(bad.length, 4096))] ^= 1 + Math.floor(r() * 255);
      samples.push(bad);
    }
    let wrongType = 0;
    let rejected = 0;
    for (const sample of samples) {
      try {
        const out = await codec.decompress(sample);
        // Some flips land in literals and still decode: that is what the batch CRC is for.
        t.ok(out.length <= 64 * MiB);
      } catch (error) {
        rejected++;
        if (!(error instanceof CompressionError)) {
          wrongType++;
          t.comment(`${codec.name}: ${String(error)}`);
        }
      }
    }
    t.equal(wrongType, 0, `${codec.name}: only CompressionError`);
    t.ok(rejected >= 4, `${codec.name}: rejects empty, garbage, truncated and random input (${rejected} rejected)`);
  }
});

t.test('codecFor rejects an unknown codec id', async (t) => {
  t.throws(() => codecFor(5 as Compression), CompressionError);
});
