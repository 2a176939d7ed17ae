/**
 * Truncation: removes everything at and after an offset (a follower whose log diverged, or the
 * write pipeline cutting back a failed append). Batches are never split.
 */
import type { TrimContext } from './trim-context.js';

/**
 * Runs inside the exclusive chain. With `reset`, every batch goes and the log restarts empty at
 * `offset`, which may lie beyond the old end (a Raft follower reset to the leader's log start). `onCut(end)` runs last, once the log ends at `end`, even when
 * the truncation failed part way (what was cut is gone either way).
 */
export async function truncateLog(ctx: TrimContext, offset: number, onCut: (end: number) => void, opts: { reset?: boolean } = {}): Promise<void> {
  const { dir, fs, segments, state, roller, clock } = ctx;
  const reset = opts.reset === true;
  if (offset >= segments.logEndOffset && !reset) return;
  await roller.settleOrWarn();
  const segs = segments.all;
  let keep: number; // segments kept
  let cutPos = -1;
  if (reset || offset <= segs[0]!.base) {
    keep = 0;
  } else {
    const si = segments.indexFor(offset, segs);
    const seg = segs[si]!;
    const pos = await seg.findPosition(offset);
    if (pos === 0 && si > 0) keep = si;
    else { keep = si + 1; cutPos = pos; }
  }
  try {
    for (const s of segs.slice(keep)) await s.delete();
    if (keep === 0) {
      const seg = await segments.create(offset, clock());
      await seg.writeIndexes(false);
      segments.replace([seg]);
      await state.setLogStart(offset);
    } else {
      segments.replace(segs.slice(0, keep));
      const active = segments.active;
      if (cutPos >= 0 && cutPos < active.size) await active.truncate(cutPos);
      active.indexDirty = true;
      active.createdMs = clock();
    }
    await segments.active.file.datasync();
    await fs.fsyncDir(dir);
    if (state.recoveryPoint > segments.active.base) await state.setRecoveryPoint(segments.active.base);
  } finally {
    segments.assignStartBytes();
    const end = segments.logEndOffset;
    // A reset keeps no batch, so no epoch either (old epochs may be above what comes next).
    if (state.epochs.truncateFrom(reset ? 0 : end)) await state.writeEpochs().catch(() => undefined);
    if (state.logStart > end) state.logStart = end;
    onCut(end);
  }
}
