/**
 * Names inside a partition folder `<data-dir>/<topic>-<partition>/`:
 *
 *   00000000000000000000.log        segment: RecordBatches (magic v2) back to back, as they go on the wire
 *   00000000000000000000.index      its offset index (offset-index.ts)
 *   00000000000000000000.timeindex  its time index (time-index.ts)
 *   recovery-point                  decimal base offset of the oldest segment that may hold unsynced bytes
 *   log-start-offset                decimal log start offset (DeleteRecords, retention)
 *   leader-epochs                   epoch → start offset lines (leader-epochs.ts)
 *   .clean-shutdown                 present only between a clean close and the next open
 *   offset-gaps                     offset ranges an operator repair skipped (offset-gaps.ts)
 *
 * A segment is named by its base offset (the offset of its first batch), zero-padded to 20 digits
 * so that names sort as offsets do.
 */
export const LOG_SUFFIX = '.log';
export const INDEX_SUFFIX = '.index';
export const TIME_INDEX_SUFFIX = '.timeindex';
export const RECOVERY_POINT_FILE = 'recovery-point';
export const LOG_START_OFFSET_FILE = 'log-start-offset';
export const LEADER_EPOCHS_FILE = 'leader-epochs';
export const CLEAN_SHUTDOWN_FILE = '.clean-shutdown';
export const OFFSET_GAPS_FILE = 'offset-gaps';
const OFFSET_DIGITS = 20;

export function segmentFileName(baseOffset: number, suffix: string): string {
  return String(baseOffset).padStart(OFFSET_DIGITS, '0') + suffix;
}

/** The base offset a segment file name encodes, or null for any other name. */
export function parseSegmentFileName(name: string, suffix: string): number | null {
  if (!name.endsWith(suffix)) return null;
  const digits = name.slice(0, -suffix.length);
  if (digits.length !== OFFSET_DIGITS || !/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

/** Folder of one partition under the data dir. */
export function partitionDirName(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}
