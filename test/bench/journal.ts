/**
 * `npm run bench:journal`: journal append and read throughput beside a plain sequential-write loop
 * of the same sizes in the same run, plus recovery time per GiB. Prints a markdown table.
 *
 * Append rows are measured in interleaved rounds (see appendBench). Appends are
 * "16 × 1 KiB" (one append call holding 16 batches of 1 KiB, like a Produce partition) or "1 MiB"
 * (one batch). Set CANOPY_BENCH_DIR to bench another filesystem (default: the OS temp dir).
 */
import { open, mkdtemp, rm, unlink } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartitionLog, DEFAULT_JOURNAL_CONFIG, PageCache, type FsyncPolicy, type JournalConfig } from '../../src/journal/partition-log.js';
import { CLEAN_SHUTDOWN_FILE, RECOVERY_POINT_FILE } from '../../src/journal/file-names.js';
import { makeBatch } from '../helpers/journal-batches.js';

const ROUND_MS = 300;
/** Interleaved rounds per append row; CANOPY_BENCH_ROUNDS raises it on a busy machine (more samples, less noise). */
const ROUNDS = Number(process.env['CANOPY_BENCH_ROUNDS'] ?? 5);
const WARMUP_MS = 150;
const FILE_BYTES_MAX = 256 * 1024 * 1024;
const READ_LOG_BYTES = 128 * 1024 * 1024;
const RECOVERY_LOG_BYTES = 256 * 1024 * 1024;
const KIB = 1024, MIB = 1024 * 1024;
const BASE_DIR = process.env['CANOPY_BENCH_DIR'] ?? tmpdir();
/** CANOPY_BENCH_APPEND_ONLY=1 skips the read and recovery rows (for quick profiling of the append path). */
const APPEND_ONLY = process.env['CANOPY_BENCH_APPEND_ONLY'] === '1';

interface Shape { name: string; batches: number; batchBytes: number }
const SHAPES: Shape[] = [
  { name: '16 × 1 KiB', batches: 16, batchBytes: KIB },
  { name: '1 MiB', batches: 1, batchBytes: MIB },
];

function appendBuffer(shape: Shape, seed: number): Buffer {
  return Buffer.concat(Array.from({ length: shape.batches }, (_, i) => makeBatch({ records: 10, payloadBytes: shape.batchBytes - 61, maxTimestamp: Date.now(), seed: seed * 100 + i })));
}

async function withDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(BASE_DIR, 'canopy-bench-journal-'));
  try { return await fn(dir); } finally { await rm(dir, { recursive: true, force: true }); }
}

interface Cell { label: string; shape: string; mbps: number; batchesPerSec: number; mbPerCpuSecond: number; ratio?: number; ratioTo?: string }

/**
 * One thing that appends for a while: the plain loops and the journal configurations. The bench
 * interleaves them in short rounds (ROUND_MS each, ROUNDS times) so that all of them see the same
 * machine load; the machine is shared, and back-to-back cells would compare different moments.
 */
interface Variant { label: string; bytes: number; appends: number; seconds: number; cpuSeconds: number; run(ms: number): Promise<void>; close(): Promise<void> }

async function plainVariant(dir: string, shape: Shape, sync: boolean): Promise<Variant> {
  const buf = appendBuffer(shape, 1);
  // Like the journal under retention, the loop moves to a new file every FILE_BYTES_MAX and deletes
  // the old one (overwriting cached pages in place would flatter the loop).
  let fileNo = 0;
  const path = (): string => join(dir, `plain-${sync}-${fileNo}.log`);
  let fh = await open(path(), 'w');
  let pos = 0;
  const v: Variant = {
    label: sync ? 'plain write + fdatasync loop' : 'plain write loop', bytes: 0, appends: 0, seconds: 0, cpuSeconds: 0,
    async run(ms) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      while (performance.now() - t0 < ms) {
        if (pos >= FILE_BYTES_MAX) {
          await fh.close();
          await unlink(path());
          fileNo++;
          fh = await open(path(), 'w');
          pos = 0;
        }
        await fh.write(buf, 0, buf.length, pos);
        if (sync) await fh.datasync();
        pos += buf.length; v.bytes += buf.length; v.appends++;
      }
      v.seconds += (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      v.cpuSeconds += (c.user + c.system) / 1e6;
    },
    close: async () => { await fh.close(); },
  };
  return v;
}

async function journalVariant(dir: string, shape: Shape, fsync: FsyncPolicy, appenders: number): Promise<Variant> {
  const policy = fsync.mode === 'interval' ? `interval:${fsync.intervalMs}` : fsync.mode;
  const config: JournalConfig = { ...DEFAULT_JOURNAL_CONFIG, fsync, segmentBytesMax: 64 * MIB, retentionBytes: FILE_BYTES_MAX, retentionMs: -1 };
  const log = await PartitionLog.open(join(dir, `${policy}-${appenders}`), config, { cache: new PageCache({ cacheBytesMax: 64 * MIB }) });
  const bufs = Array.from({ length: appenders }, (_, w) => appendBuffer(shape, w)); // append patches its buffer: one per appender
  const v: Variant = {
    label: `journal fsync: ${policy}, ${appenders} appender${appenders > 1 ? 's' : ''}`, bytes: 0, appends: 0, seconds: 0, cpuSeconds: 0,
    async run(ms) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await Promise.all(bufs.map(async (buf) => {
        while (performance.now() - t0 < ms) {
          await log.append(buf, { leaderEpoch: 1 });
          v.bytes += buf.length; v.appends++;
        }
      }));
      v.seconds += (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      v.cpuSeconds += (c.user + c.system) / 1e6;
      await log.enforceRetention(Date.now()); // bound the disk used (outside the timed part)
    },
    close: () => log.close(),
  };
  return v;
}

async function appendBench(shape: Shape): Promise<Cell[]> {
  return withDir(async (dir) => {
    const plain = await plainVariant(dir, shape, false);
    const plainSync = await plainVariant(dir, shape, true);
    const journals = [
      await journalVariant(dir, shape, { mode: 'never' }, 1),
      await journalVariant(dir, shape, { mode: 'interval', intervalMs: 10 }, 32),
      await journalVariant(dir, shape, { mode: 'always' }, 1),
      await journalVariant(dir, shape, { mode: 'always' }, 32),
    ];
    const all = [plain, plainSync, ...journals];
    for (const v of all) await v.run(WARMUP_MS); // JIT warm-up, not counted
    for (const v of all) { v.bytes = 0; v.appends = 0; v.seconds = 0; v.cpuSeconds = 0; }
    for (let r = 0; r < ROUNDS; r++) for (const v of all) await v.run(ROUND_MS);
    for (const v of all) await v.close();
    const cell = (v: Variant): Cell => ({ label: v.label, shape: shape.name, mbps: v.bytes / MIB / v.seconds, batchesPerSec: (v.appends * shape.batches) / v.seconds, mbPerCpuSecond: v.bytes / MIB / v.cpuSeconds });
    const p = cell(plain), ps = cell(plainSync);
    const out = [p, ps];
    for (const j of journals) {
      const c = cell(j);
      out.push({ ...c, ratio: c.mbps / p.mbps, ratioTo: 'plain write' });
      if (j.label.includes('always')) out.push({ ...c, label: `${c.label} (vs write+fdatasync loop)`, ratio: c.mbps / ps.mbps, ratioTo: 'write+fdatasync' });
    }
    return out;
  });
}

async function readBench(): Promise<{ cacheMbps: number; diskMbps: number; cacheHit: number; diskHit: number; cacheMbPerCpu: number; diskMbPerCpu: number }> {
  return withDir(async (dir) => {
    const config: JournalConfig = { ...DEFAULT_JOURNAL_CONFIG, fsync: { mode: 'never' }, segmentBytesMax: 64 * MIB };
    const shape = SHAPES[0]!;
    const cache = new PageCache({ cacheBytesMax: 256 * MIB });
    const log = await PartitionLog.open(dir, config, { cache });
    const buf = appendBuffer(shape, 3);
    for (let b = 0; b < READ_LOG_BYTES; b += buf.length) await log.append(buf, { leaderEpoch: 1 });
    let mbPerCpu = 0;
    const readAll = async (l: PartitionLog): Promise<number> => {
      let o = 0, bytes = 0;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      while (o < l.logEndOffset) {
        const r = await l.read(o, MIB);
        bytes += r.bytes;
        const last = r.chunks[r.chunks.length - 1]!;
        // Advance past the last batch returned (batches of 10 records, so lastOffsetDelta is 9).
        o += (r.bytes / KIB) * 10;
        if (last.length === 0) break;
      }
      const c = process.cpuUsage(c0);
      mbPerCpu = bytes / MIB / ((c.user + c.system) / 1e6);
      return bytes / MIB / ((performance.now() - t0) / 1000);
    };
    const s0 = cache.stats();
    const cacheMbps = await readAll(log);
    const cacheMbPerCpu = mbPerCpu;
    const s1 = cache.stats();
    await log.close();
    osCacheDropped = dropOsCache(dir);
    const cold = new PageCache({ cacheBytesMax: 256 * MIB });
    const again = await PartitionLog.open(dir, config, { cache: cold });
    const diskMbps = await readAll(again);
    const diskMbPerCpu = mbPerCpu;
    const s2 = cold.stats();
    await again.close();
    return { cacheMbps, diskMbps, cacheMbPerCpu, diskMbPerCpu, cacheHit: (s1.hits - s0.hits) / Math.max(1, s1.hits - s0.hits + s1.misses - s0.misses), diskHit: s2.hitRatio };
  });
}

async function recoveryBench(): Promise<{ secondsPerGiB: number; cpuSecondsPerGiB: number; bytes: number }> {
  return withDir(async (dir) => {
    const config: JournalConfig = { ...DEFAULT_JOURNAL_CONFIG, fsync: { mode: 'never' }, segmentBytesMax: 128 * MIB };
    const log = await PartitionLog.open(dir, config);
    const buf = appendBuffer(SHAPES[0]!, 4);
    for (let b = 0; b < RECOVERY_LOG_BYTES; b += buf.length) await log.append(buf, { leaderEpoch: 1 });
    const bytes = log.sizeBytes;
    await log.close();
    // As after a crash with no checkpoint: every segment is checked batch by batch (length, CRC).
    await unlink(join(dir, CLEAN_SHUTDOWN_FILE));
    await unlink(join(dir, RECOVERY_POINT_FILE));
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const rec = await PartitionLog.open(dir, config);
    const s = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    await rec.close();
    const gib = bytes / (1024 * MIB);
    return { secondsPerGiB: s / gib, cpuSecondsPerGiB: (c.user + c.system) / 1e6 / gib, bytes };
  });
}

let osCacheDropped = false;

/**
 * Evicts the segment files from the OS page cache (posix_fadvise DONTNEED through GNU dd's
 * iflag=nocache), so the cold read really reads the disk. Per file: nothing else on the machine is
 * affected. The files are clean (the log was closed, which syncs them).
 */
function dropOsCache(dir: string): boolean {
  try {
    for (const name of readdirSync(dir)) if (name.endsWith('.log')) execFileSync('dd', [`if=${join(dir, name)}`, 'iflag=nocache', 'count=0', 'status=none']);
    return true;
  } catch {
    return false;
  }
}

function fsType(dir: string): string {
  try { return execFileSync('df', ['-T', dir], { encoding: 'utf8' }).split('\n')[1]!.split(/\s+/).slice(0, 2).join(' '); } catch { return 'unknown'; }
}

const f1 = (n: number): string => n.toFixed(1);
const started = performance.now();
const loadAtStart = loadavg()[0]!;
const cells: Cell[] = [];
for (const shape of SHAPES) cells.push(...(await appendBench(shape)));
const reads = APPEND_ONLY ? null : await readBench();
const recovery = APPEND_ONLY ? null : await recoveryBench();

const cpu = cpus();
console.log(`\n## Journal — ${new Date().toISOString().slice(0, 10)}\n`);
console.log(`Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform}; data in ${BASE_DIR} (${fsType(BASE_DIR)}).`);
console.log(`Load average (1 min) at start ${loadAtStart.toFixed(1)}, at end ${loadavg()[0]!.toFixed(1)}: other processes share the ${cpu.length} cores.`);
console.log(`Append rows: ${ROUNDS} interleaved rounds of ${ROUND_MS} ms per row (the machine is shared; interleaving gives every row the same load).\n`);
console.log('| what | append shape | MB/s | batches/s | ratio (MB/s) | MB per CPU-second | ratio (per CPU-s) |');
console.log('|---|---|---:|---:|---:|---:|---:|');
const plainCpu = new Map(cells.filter((c) => c.ratio === undefined).map((c) => [`${c.label}|${c.shape}`, c.mbPerCpuSecond]));
for (const c of cells) {
  const base = c.ratioTo === undefined ? undefined : plainCpu.get(`${c.ratioTo === 'plain write' ? 'plain write loop' : 'plain write + fdatasync loop'}|${c.shape}`);
  const cpuRatio = base === undefined ? '—' : `${(c.mbPerCpuSecond / base).toFixed(2)}×`;
  console.log(`| ${c.label} | ${c.shape} | ${f1(c.mbps)} | ${Math.round(c.batchesPerSec)} | ${c.ratio === undefined ? '—' : `${c.ratio.toFixed(2)}× ${c.ratioTo}`} | ${f1(c.mbPerCpuSecond)} | ${cpuRatio} |`);
}
if (reads !== null && recovery !== null) {
  console.log(`| read, journal cache warm (tail pages shared with the writer) | 1 MiB reads of 1 KiB batches | ${f1(reads.cacheMbps)} | — | hit ratio ${reads.cacheHit.toFixed(3)} | ${f1(reads.cacheMbPerCpu)} | — |`);
  console.log(`| read, journal cache cold (${osCacheDropped ? 'disk: files evicted from the OS page cache first' : 'file reads; OS page cache could not be dropped'}) | 1 MiB reads of 1 KiB batches | ${f1(reads.diskMbps)} | — | hit ratio ${reads.diskHit.toFixed(3)} | ${f1(reads.diskMbPerCpu)} | — |`);
  console.log(`| recovery (CRC scan of every batch) | ${(recovery.bytes / MIB).toFixed(0)} MiB of 1 KiB batches | — | — | ${recovery.secondsPerGiB.toFixed(2)} s/GiB | — | ${recovery.cpuSecondsPerGiB.toFixed(2)} CPU-s/GiB |`);
}
console.log(`\nTotal bench time ${((performance.now() - started) / 1000).toFixed(0)} s.`);
