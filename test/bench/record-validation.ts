/**
 * Produce-path record validation (src/protocol/records/validate-batch.ts) beside the CRC-32C check
 * the produce path already did: `npx tsx test/bench/record-validation.ts`, also part of
 * `npm run bench`. Per batch shape and codec: batches/s and MB/s (MB = 10^6 bytes of uncompressed
 * records) for the CRC check, for the whole validation (decompression included) and, for
 * compressed batches, decompression alone; then validation time over CRC time, measured in the
 * same run, in interleaved rounds (medians of 7), so all three see the same machine load. One call
 * at a time, so the numbers are per-call latency turned into throughput.
 */
import { pathToFileURL } from 'node:url';
import { codecFor } from '../../src/protocol/compression/index.js';
import { buildBatch } from '../../src/protocol/records/batch.js';
import { BATCH_HEADER_BYTES, Compression, readBatchHeader, verifyBatchCrc } from '../../src/protocol/records/batch-header.js';
import { validateBatchRecords, type ValidateBatchOptions } from '../../src/protocol/records/validate-batch.js';
import { jsonish, rng, MiB } from '../protocol/compression/fixtures/sample-data.js';

/** Each case alternates CRC / validate / decompress rounds, so all see the same machine load. */
const ROUNDS = 7;
const ROUND_MS = 150;
const WARMUP_ITERATIONS = 20;

/** Calls per second of `fn` over one round (awaited only when it returns a promise). */
async function callsPerSecond(fn: () => unknown): Promise<number> {
  const start = performance.now();
  let calls = 0;
  while (performance.now() - start < ROUND_MS) {
    const r = fn();
    if (r instanceof Promise) await r;
    calls++;
  }
  return calls / ((performance.now() - start) / 1000);
}

/** Median calls/s of each function, measured in interleaved rounds. */
async function interleavedMedians(fns: Array<() => unknown>): Promise<number[]> {
  for (const fn of fns) {
    for (let i = 0; i < WARMUP_ITERATIONS; i++) {
      const r = fn();
      if (r instanceof Promise) await r;
    }
  }
  const samples: number[][] = fns.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let f = 0; f < fns.length; f++) samples[f]!.push(await callsPerSecond(fns[f]!));
  }
  return samples.map((xs) => xs.sort((a, b) => a - b)[xs.length >> 1]!);
}

export async function runRecordValidationBench(): Promise<string> {
  const data = jsonish(rng(7), MiB);
  const now = Date.now();
  const options: ValidateBatchOptions = {
    nowMs: now, logAppendTime: false, timestampBeforeMaxMs: Number.POSITIVE_INFINITY, timestampAfterMaxMs: 3_600_000,
    decompressedBytesMax: 64 * MiB, recordsMax: 1_000_000,
  };
  const shapes = [
    { name: '1 KiB records', count: 1024, size: 1024 },
    { name: '100 B records', count: 10_000, size: 100 },
  ];
  const codecs = [['none', Compression.None], ['lz4', Compression.Lz4], ['zstd', Compression.Zstd]] as const;
  const rows: string[][] = [['batch', 'codec', 'bytes', 'CRC batches/s', 'validate batches/s', 'validate MB/s', 'decompress only MB/s', 'validate / CRC time']];
  for (const shape of shapes) {
    const records = Array.from({ length: shape.count }, (_, i) => ({ key: null, value: data.subarray(i * shape.size, (i + 1) * shape.size), timestamp: now - shape.count + i }));
    const rawBytes = shape.count * shape.size;
    for (const [codecName, compression] of codecs) {
      const batch = await buildBatch(records, { compression });
      const header = readBatchHeader(batch, 0);
      const check = await validateBatchRecords(batch, header, options);
      if (!check.ok) throw new Error(`${shape.name} ${codecName}: ${check.message}`);
      const payload = batch.subarray(BATCH_HEADER_BYTES);
      const codec = codecFor(compression);
      const fns: Array<() => unknown> = [() => verifyBatchCrc(batch, 0), () => validateBatchRecords(batch, header, options)];
      if (compression !== Compression.None) fns.push(() => codec.decompress(payload));
      const [crc, validate, inflate] = await interleavedMedians(fns);
      const decompress = inflate === undefined ? '-' : (inflate * rawBytes / 1e6).toFixed(0);
      rows.push([shape.name, codecName, String(batch.length), crc!.toFixed(0), validate!.toFixed(0), (validate! * rawBytes / 1e6).toFixed(0), decompress, (crc! / validate!).toFixed(2)]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((row) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.stdout.write((await runRecordValidationBench()) + '\n');
