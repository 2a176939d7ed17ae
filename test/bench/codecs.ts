/**
 * Compression codec throughput: `npx tsx test/bench/codecs.ts`. Prints compress/decompress MB/s
 * (MB = 10^6 bytes of uncompressed data) and the ratio for each Kafka codec on 1 MiB of
 * semi-random JSON-ish text, plus decodeBatchRecords on a 1 MiB batch. One call at a time (no
 * concurrency), so the numbers are per-call latency turned into throughput on this machine.
 */
import { codecFor } from '../../src/protocol/compression/index.js';
import { buildBatch, decodeBatchRecords } from '../../src/protocol/records/batch.js';
import { Compression } from '../../src/protocol/records/batch-header.js';
import { jsonish, rng, MiB } from '../protocol/compression/fixtures/sample-data.js';

const BENCH_MS_PER_CASE = 1500;
const WARMUP_ITERATIONS = 3;

async function rate(fn: () => Promise<unknown>, bytes: number): Promise<number> {
  for (let i = 0; i < WARMUP_ITERATIONS; i++) await fn();
  const start = performance.now();
  let iterations = 0;
  while (performance.now() - start < BENCH_MS_PER_CASE) {
    await fn();
    iterations++;
  }
  return (bytes * iterations) / ((performance.now() - start) / 1000) / 1e6;
}

const data = jsonish(rng(42), MiB);
const rows: string[][] = [['codec', 'compress MB/s', 'decompress MB/s', 'ratio']];
for (const [name, compression] of [['gzip', Compression.Gzip], ['snappy', Compression.Snappy], ['lz4', Compression.Lz4], ['zstd', Compression.Zstd]] as const) {
  const codec = codecFor(compression);
  const compressed = await codec.compress(data);
  const out = await codec.decompress(compressed);
  if (!out.equals(data)) throw new Error(`${name} round trip failed`);
  const c = await rate(() => codec.compress(data), data.length);
  const d = await rate(() => codec.decompress(compressed), data.length);
  rows.push([name, c.toFixed(0), d.toFixed(0), (data.length / compressed.length).toFixed(2)]);
}

// Whole-batch decode: ~1 MiB of 1 KiB records.
const records = Array.from({ length: 1024 }, (_, i) => ({ key: Buffer.from(`k${i}`), value: data.subarray(i * 1024, (i + 1) * 1024), timestamp: 1_700_000_000_000 + i }));
for (const [name, compression] of [['batch none', Compression.None], ['batch lz4', Compression.Lz4], ['batch zstd', Compression.Zstd]] as const) {
  const batch = await buildBatch(records, { compression });
  const d = await rate(() => decodeBatchRecords(batch), MiB);
  rows.push([`${name} (decode, 1024 records)`, '-', d.toFixed(0), (MiB / batch.length).toFixed(2)]);
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
