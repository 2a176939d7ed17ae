/**
 * Moving the log start forward: DeleteRecords (deleteBefore) and retention by size and age. Whole
 * segments below the new start are deleted; the active segment never is.
 */
import { JournalError, storageError } from './errors.js';
import type { TrimContext } from './trim-context.js';

/** Runs inside the exclusive chain; `offset` is at most logEndOffset. */
export async function deleteBefore(ctx: TrimContext, offset: number): Promise<void> {
  const { dir, segments, state, roller } = ctx;
  if (offset <= state.logStart) return;
  try {
    const rolled = await roller.settle();
    if (rolled !== null) throw rolled;
    await state.setLogStart(offset);
    if (segments.active.size > 0 && segments.active.nextOffset <= offset) await roller.roll(false);
    await dropSegmentsBelow(ctx, offset);
  } catch (err) {
    throw err instanceof JournalError ? err : storageError(`deleteBefore in ${dir}`, err);
  }
}

/** Runs inside the exclusive chain: deletes whole segments beyond retentionBytes or older than retentionMs. */
export async function enforceRetention(ctx: TrimContext, limits: { retentionBytes: number; retentionMs: number }, nowMs: number): Promise<{ segmentsDeleted: number }> {
  const { dir, segments, state, roller, logger } = ctx;
  const { retentionBytes, retentionMs } = limits;
  const segs = segments.all;
  let drop = 0;
  let total = segments.sizeBytes;
  while (drop < segs.length - 1) {
    const s = segs[drop]!;
    const expired = retentionMs >= 0 && s.maxTimestamp < nowMs - retentionMs;
    const tooBig = retentionBytes >= 0 && total - s.size >= retentionBytes;
    if (!expired && !tooBig) break;
    total -= s.size;
    drop++;
  }
  if (drop === 0) return { segmentsDeleted: 0 };
  const newStart = segs[drop]!.base;
  try {
    const rolled = await roller.settle(); // a segment being synced is not deleted under it
    if (rolled !== null) throw rolled;
    if (newStart > state.logStart) await state.setLogStart(newStart);
    const n = await dropSegmentsBelow(ctx, newStart);
    logger.info({ dir, segmentsDeleted: n, logStartOffset: state.logStart }, 'journal retention deleted segments');
    return { segmentsDeleted: n };
  } catch (err) {
    throw storageError(`retention in ${dir}`, err);
  }
}

async function dropSegmentsBelow(ctx: TrimContext, offset: number): Promise<number> {
  const { dir, fs, segments, state } = ctx;
  let n = 0;
  while (segments.all.length > 1 && segments.all[1]!.base <= offset) {
    const s = segments.all[0]!;
    segments.replace(segments.all.slice(1));
    await s.delete();
    n++;
  }
  if (n > 0) await fs.fsyncDir(dir);
  if (state.epochs.trimBefore(offset)) await state.writeEpochs();
  return n;
}
