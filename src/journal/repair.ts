/**
 * Offline repair of a partition log that open refused with CorruptLogError (corruption.ts). The
 * caller holds the data dir lock: no broker has the log open. Nothing is ever deleted: every byte
 * taken out of the log is moved or copied into `quarantineDir` first (and synced) before the log
 * changes. Two modes:
 *
 *   truncate  the log ends at the first damaged byte; the rest of that segment and every later
 *             segment go to quarantine (what recovery does for a torn tail, done on purpose).
 *   skip      only the damaged range goes to quarantine; the valid batches after it stay, from a
 *             new segment named by their first offset, and the offsets in between become a gap
 *             recorded in `offset-gaps` (file-names.ts) so that open accepts it. A replica will
 *             later re-fetch that range from its peers.
 *
 * Each step repairs the first damage found; the tool repeats until the log scans clean.
 */
import { join } from 'node:path';
import { CLEAN_SHUTDOWN_FILE, INDEX_SUFFIX, LOG_SUFFIX, parseSegmentFileName, RECOVERY_POINT_FILE, segmentFileName, TIME_INDEX_SUFFIX } from './file-names.js';
import { findResume, type CorruptionSite, type ValidResume } from './corruption.js';
import { NODE_FILE_LAYER, type FileLayer, type JournalFile } from './file-layer.js';
import { OffsetGaps } from './offset-gaps.js';
import { scanSegment } from './recovery.js';

export type RepairMode = 'truncate' | 'skip';

/** One repaired damage: where it was, where valid data resumed (null: a torn tail), what moved. */
export interface RepairStep {
  site: CorruptionSite;
  resume: ValidResume | null;
  /** Offsets removed from the log: [from, to); `to` is null when the log now ends at `from`. */
  removedOffsets: { from: number; to: number | null };
  /** Files written into the quarantine folder. */
  quarantined: string[];
}

/** Damages repaired by one run at most: each step removes one, so this bounds a loop on a bad disk. */
const REPAIR_STEPS_MAX = 1000;
/** Index spacing used by the repair's scans; the real indexes are rebuilt by the next open. */
const SCAN_INDEX_INTERVAL_BYTES = 4096;

interface Seg { base: number; file: JournalFile; size: number; logPath(): string }

async function openSegments(dir: string, fs: FileLayer): Promise<Seg[]> {
  const bases = (await fs.readdir(dir)).map((n) => parseSegmentFileName(n, LOG_SUFFIX)).filter((b): b is number => b !== null).sort((a, b) => a - b);
  const segs: Seg[] = [];
  for (const base of bases) {
    const path = join(dir, segmentFileName(base, LOG_SUFFIX));
    const file = await fs.open(path, false);
    segs.push({ base, file, size: await file.size(), logPath: () => path });
  }
  return segs;
}

/** The first damage in the log, with where valid batches resume; null when every segment scans clean. */
async function firstDamage(segs: Seg[], gaps: OffsetGaps): Promise<{ i: number; site: CorruptionSite; resume: ValidResume | null } | null> {
  let prevEpoch = -1;
  let expected = segs[0]?.base ?? 0;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (i > 0 && s.base !== expected && !gaps.allows(expected, s.base)) {
      const site = { file: s.logPath(), position: 0, offset: expected, reason: `segment starts at ${s.base}, expected ${expected}` };
      return { i, site, resume: { file: s.logPath(), position: 0, offset: s.base } };
    }
    const r = await scanSegment(s.file, s.size, s.base, { intervalBytes: SCAN_INDEX_INTERVAL_BYTES, verifyCrc: true, prevEpoch });
    if (r.validBytes < s.size) {
      const site = { file: s.logPath(), position: r.validBytes, offset: r.nextOffset, reason: r.stopReason ?? 'invalid batch' };
      return { i, site, resume: await findResume(segs, i, r.validBytes, r.nextOffset) };
    }
    if (r.epochs.length > 0) prevEpoch = r.epochs[r.epochs.length - 1]!.epoch;
    expected = r.nextOffset;
  }
  return null;
}

/**
 * Repairs `dir` (a partition folder) offline, moving removed bytes into `quarantineDir`. Returns
 * the steps taken (empty when the log was already sound).
 */
export async function repairPartitionLog(dir: string, quarantineDir: string, mode: RepairMode, fs: FileLayer = NODE_FILE_LAYER): Promise<RepairStep[]> {
  const steps: RepairStep[] = [];
  for (let n = 0; n < REPAIR_STEPS_MAX; n++) {
    const gaps = await OffsetGaps.read(dir, fs);
    const segs = await openSegments(dir, fs);
    try {
      const damage = await firstDamage(segs, gaps);
      if (damage === null) return steps;
      await fs.mkdirp(quarantineDir);
      steps.push(await repairOne(dir, quarantineDir, segs, damage, damage.resume !== null && mode === 'skip' ? damage.resume : null, gaps, fs));
    } finally {
      for (const s of segs) await s.file.close().catch(() => undefined);
    }
  }
  throw new Error(`repair of ${dir} stopped after ${REPAIR_STEPS_MAX} steps`);
}

async function repairOne(
  dir: string, quarantineDir: string, segs: Seg[], damage: { i: number; site: CorruptionSite; resume: ValidResume | null },
  keepFrom: ValidResume | null, gaps: OffsetGaps, fs: FileLayer,
): Promise<RepairStep> {
  const { i, site } = damage;
  const quarantined: string[] = [];
  const copyOut = async (s: Seg, from: number, to: number): Promise<void> => {
    const name = `${segmentFileName(s.base, LOG_SUFFIX)}.bytes-${from}-${to}`;
    await writeRange(s.file, from, to, join(quarantineDir, name), fs);
    quarantined.push(name);
  };
  const seg = segs[i]!;
  // The segment holding the resume point (skip mode): segs[k] from byte q on stays in the log.
  const k = keepFrom === null ? segs.length : segs.findIndex((s) => s.logPath() === keepFrom.file);
  const q = keepFrom?.position ?? 0;
  const removedOffsets = { from: site.offset, to: keepFrom?.offset ?? null };
  if (keepFrom !== null && k === i && q === 0) {
    // A segment that does not continue the log: its batches are sound, only the gap is new.
    await gaps.add(site.offset, keepFrom.offset, dir, fs);
    return { site, resume: damage.resume, removedOffsets, quarantined };
  }
  if (keepFrom !== null && (k === i || q > 0) && keepFrom.offset === segs[k]!.base) {
    throw new Error(`cannot skip the damage in ${site.file}: the batch after it repeats offset ${keepFrom.offset}; use truncate`);
  }
  // 1. Everything removed goes to quarantine (synced) before the log changes.
  await copyOut(seg, site.position, k === i ? q : seg.size);
  for (let j = i + 1; j < Math.min(k, segs.length); j++) await copyOut(segs[j]!, 0, segs[j]!.size);
  if (k > i && k < segs.length && q > 0) await copyOut(segs[k]!, 0, q);
  await fs.fsyncDir(quarantineDir);
  // 2. The kept tail of the resume segment becomes a segment of its own, named by its first offset.
  if (keepFrom !== null && (k === i || q > 0)) {
    const tailSeg = segs[k]!;
    await writeRange(tailSeg.file, q, tailSeg.size, join(dir, segmentFileName(keepFrom.offset, LOG_SUFFIX)), fs);
  }
  if (keepFrom !== null && keepFrom.offset > site.offset) await gaps.add(site.offset, keepFrom.offset, dir, fs);
  // 3. Cut the damaged segment and drop the segments that were copied out whole.
  if (site.position === 0 && i > 0) await removeSegmentFiles(dir, seg.base, fs);
  else {
    await seg.file.truncate(site.position);
    await seg.file.datasync();
    for (const suffix of [INDEX_SUFFIX, TIME_INDEX_SUFFIX]) await fs.unlink(join(dir, segmentFileName(seg.base, suffix))).catch(() => undefined);
  }
  const lastGone = keepFrom === null ? segs.length : k === i ? i + 1 : q > 0 ? k + 1 : k;
  for (let j = i + 1; j < lastGone; j++) await removeSegmentFiles(dir, segs[j]!.base, fs);
  // 4. The next open rescans from the repaired segment and rebuilds what it needs.
  await fs.unlink(join(dir, CLEAN_SHUTDOWN_FILE)).catch(() => undefined);
  await fs.writeFileAtomic(join(dir, RECOVERY_POINT_FILE), Buffer.from(`${seg.base}\n`));
  await fs.fsyncDir(dir);
  return { site, resume: damage.resume, removedOffsets, quarantined };
}

async function removeSegmentFiles(dir: string, base: number, fs: FileLayer): Promise<void> {
  for (const suffix of [LOG_SUFFIX, INDEX_SUFFIX, TIME_INDEX_SUFFIX]) await fs.unlink(join(dir, segmentFileName(base, suffix))).catch(() => undefined);
}

/** Bytes per copy step. */
const COPY_CHUNK_BYTES = 1024 * 1024;

/** Copies bytes [from, to) of `file` into a new file at `path` and syncs it. */
async function writeRange(file: JournalFile, from: number, to: number, path: string, fs: FileLayer): Promise<void> {
  const out = await fs.open(path, true);
  try {
    await out.truncate(0);
    for (let p = from; p < to; p += COPY_CHUNK_BYTES) {
      const n = Math.min(COPY_CHUNK_BYTES, to - p);
      const buf = Buffer.allocUnsafe(n);
      if (await file.read(buf, 0, n, p) !== n) throw new Error(`short read copying ${path}`);
      await out.writeAll([buf], p - from);
    }
    await out.datasync();
  } finally {
    await out.close();
  }
}
