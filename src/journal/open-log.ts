/**
 * Opening a partition folder: clean up leftovers, open every segment, rescan the ones a crash may
 * have left unsynced (recovery.ts), refuse damage that is not a torn tail (corruption.ts), rebuild
 * what the state files lost, and leave the folder ready for appends. Fills `segments` and `state`.
 */
import { join } from 'node:path';
import { CorruptLogError, findResume } from './corruption.js';
import { dirOf, type FileLayer } from './file-layer.js';
import { CLEAN_SHUTDOWN_FILE, INDEX_SUFFIX, LEADER_EPOCHS_FILE, LOG_START_OFFSET_FILE, LOG_SUFFIX, parseSegmentFileName, RECOVERY_POINT_FILE, TIME_INDEX_SUFFIX } from './file-names.js';
import { parseCleanShutdownMarker } from './clean-shutdown.js';
import type { JournalLogger } from './journal-logger.js';
import { LeaderEpochs } from './leader-epochs.js';
import { OffsetGaps } from './offset-gaps.js';
import type { ScanResult } from './recovery.js';
import type { Segment } from './segment.js';
import type { SegmentList } from './segment-list.js';
import type { StateFiles } from './state-files.js';

export interface OpenLogInput { dir: string; fs: FileLayer; segments: SegmentList; state: StateFiles; clock: () => number; logger: JournalLogger }

export async function openLog(input: OpenLogInput): Promise<void> {
  const { fs, dir, segments, state, clock, logger } = input;
  if (!(await fs.exists(dir))) {
    // The new folder's name lives in the parent: without this fsync a power loss can take the
    // whole partition, acknowledged appends included.
    await fs.mkdirp(dir);
    await fs.fsyncDir(dirOf(dir));
  }
  const names = await fs.readdir(dir);
  const clean = names.includes(CLEAN_SHUTDOWN_FILE);
  const bases = names.map((n) => parseSegmentFileName(n, LOG_SUFFIX)).filter((b): b is number => b !== null).sort((a, b) => a - b);
  const baseSet = new Set(bases);
  for (const n of names) {
    const orphan = [INDEX_SUFFIX, TIME_INDEX_SUFFIX].some((suf) => { const b = parseSegmentFileName(n, suf); return b !== null && !baseSet.has(b); });
    if (orphan || n.endsWith('.tmp')) await fs.unlink(join(dir, n));
  }
  const recoveryPointFile = await state.readNumber(RECOVERY_POINT_FILE);
  const logStartFile = await state.readNumber(LOG_START_OFFSET_FILE);
  let epochsFile: LeaderEpochs | null = null;
  let epochsBytes: Buffer | null = null;
  if (names.includes(LEADER_EPOCHS_FILE)) { epochsBytes = await fs.readFile(join(dir, LEADER_EPOCHS_FILE)); epochsFile = LeaderEpochs.decode(epochsBytes); }
  const now = clock();

  if (bases.length === 0) {
    const base = logStartFile ?? 0;
    segments.replace([await segments.create(base, now)]);
    await segments.active.writeIndexes(true);
    await fs.fsyncDir(dir);
    state.logStart = base;
    await state.setRecoveryPoint(base);
    if (logStartFile === null) await state.writeNumber(LOG_START_OFFSET_FILE, base);
    await state.writeEpochs();
    if (clean) { await fs.unlink(join(dir, CLEAN_SHUTDOWN_FILE)); await fs.fsyncDir(dir); }
    return;
  }

  const markerCrcs = clean ? parseCleanShutdownMarker(await fs.readFile(join(dir, CLEAN_SHUTDOWN_FILE)).catch(() => Buffer.alloc(0))) : new Map<number, [number, number]>();
  const recoveryPoint = clean ? Number.MAX_SAFE_INTEGER : (recoveryPointFile ?? 0);
  const gaps = await OffsetGaps.read(dir, fs);
  const segs: Segment[] = [];
  for (const b of bases) segs.push(await segments.openFile(b, now));
  const scannedEpochs: { epoch: number; startOffset: number }[] = [];
  let firstRecoveredBase = -1;
  let prevEpoch = -1;
  let keep = segs.length;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const expectedBase = i === 0 ? seg.base : segs[i - 1]!.nextOffset;
    let truncated = false;
    if (seg.base >= recoveryPoint) {
      if (firstRecoveredBase < 0) firstRecoveredBase = seg.base;
      if (prevEpoch < 0 && epochsFile) prevEpoch = epochBefore(epochsFile, seg.base);
      const r = await seg.scan(true, prevEpoch);
      seg.adoptScan(r);
      scannedEpochs.push(...r.epochs);
      if (r.epochs.length > 0) prevEpoch = r.epochs[r.epochs.length - 1]!.epoch;
      if (r.validBytes < seg.size) {
        await refuseCorruption(segs, i, r);
        logger.warn({ dir, segment: seg.base, sizeBytes: seg.size, validBytes: r.validBytes, droppedBytes: seg.size - r.validBytes, reason: r.stopReason }, 'journal recovery: truncating segment at the first invalid byte');
        await seg.file.truncate(r.validBytes);
        seg.size = r.validBytes;
        truncated = true;
      }
      await seg.file.datasync();
      await seg.writeIndexes(true);
    } else {
      const why = await seg.loadIndexes(markerCrcs.get(seg.base));
      if (why !== null) {
        logger.warn({ dir, segment: seg.base, reason: why }, 'journal: rebuilding segment index');
        const r = await seg.scan(true, -1);
        seg.adoptScan(r);
        if (r.validBytes < seg.size) {
          await refuseCorruption(segs, i, r);
          logger.warn({ dir, segment: seg.base, sizeBytes: seg.size, validBytes: r.validBytes, reason: r.stopReason }, 'journal: damaged batch in a closed segment; truncating the log there');
          await seg.file.truncate(r.validBytes);
          seg.size = r.validBytes;
          truncated = true;
        }
        await seg.writeIndexes(true);
      }
    }
    if (seg.base !== expectedBase && !gaps.allows(expectedBase, seg.base)) {
      logger.warn({ dir, segment: seg.base, expectedBase }, 'journal recovery: segment does not continue the log; dropping it and later segments');
      keep = i;
      break;
    }
    if (truncated) {
      keep = i + 1;
      // An emptied segment that is not the first would leave a name that no batch backs.
      if (seg.size === 0 && i > 0) keep = i;
      break;
    }
  }
  for (const dropped of segs.slice(keep)) {
    logger.warn({ dir, segment: dropped.base, sizeBytes: dropped.size }, 'journal recovery: deleting segment after the truncation point');
    await dropped.delete();
  }
  segments.replace(segs.slice(0, keep));
  segments.assignStartBytes();

  // Leader epochs: trust the file for what was not recovered, rebuild the rest from headers.
  if (epochsFile === null) {
    state.epochs = new LeaderEpochs();
    let prev = -1;
    for (const seg of segments.all) {
      const r = firstRecoveredBase >= 0 && seg.base >= firstRecoveredBase ? null : await seg.scan(false, prev);
      const list = r ? r.epochs : scannedEpochs.filter((e) => e.startOffset >= seg.base && e.startOffset < seg.nextOffset);
      for (const e of list) { state.epochs.assign(e.epoch, e.startOffset); prev = e.epoch; }
    }
  } else {
    state.epochs = epochsFile;
    if (firstRecoveredBase >= 0) {
      state.epochs.truncateFrom(firstRecoveredBase);
      for (const e of scannedEpochs) state.epochs.assign(e.epoch, e.startOffset);
    }
  }
  state.epochs.truncateFrom(segments.logEndOffset);

  const first = segments.all[0]!;
  state.logStart = Math.min(Math.max(logStartFile ?? first.base, first.base), segments.logEndOffset);
  // Segments wholly below the log start (a crash during deleteBefore or retention) go now.
  while (segments.all.length > 1 && segments.all[1]!.base <= state.logStart) {
    const s = segments.all[0]!;
    segments.replace(segments.all.slice(1));
    await s.delete();
  }
  state.epochs.trimBefore(state.logStart);
  // Small files are rewritten only when they changed: opening many partitions stays cheap.
  if (epochsBytes === null || !state.epochs.encode().equals(epochsBytes)) await state.writeEpochs();
  const active = segments.active;
  active.createdMs = now;
  active.indexDirty = true;
  if (clean) await fs.unlink(join(dir, CLEAN_SHUTDOWN_FILE));
  await fs.fsyncDir(dir);
  if (recoveryPointFile !== active.base) await state.setRecoveryPoint(active.base);
  else state.recoveryPoint = active.base;
}

/**
 * A scan of segs[i] stopped before its end. A torn tail (nothing valid after it) returns and is
 * truncated by the caller. Damage followed by valid batches throws CorruptLogError after closing
 * every file, before anything on disk is changed.
 */
async function refuseCorruption(segs: Segment[], i: number, r: ScanResult): Promise<void> {
  const resume = await findResume(segs, i, r.validBytes, r.nextOffset);
  if (resume === null) return;
  for (const s of segs) await s.closeFile().catch(() => undefined);
  throw new CorruptLogError({ file: segs[i]!.logPath(), position: r.validBytes, offset: r.nextOffset, reason: r.stopReason ?? 'invalid batch' }, resume);
}

function epochBefore(epochs: LeaderEpochs, offset: number): number {
  let e = -1;
  for (const x of epochs.entries) if (x.startOffset < offset) e = x.epoch;
  return e;
}
