/**
 * Journal configuration: every bound of the journal is here or a named constant next to its use.
 */
export type FsyncPolicy = { mode: 'always' } | { mode: 'interval'; intervalMs: number } | { mode: 'never' };

export interface JournalConfig {
  /** A segment rolls before an append would take it past this size (a single larger append gets its own segment). */
  segmentBytesMax: number;
  /** A segment rolls on the first append after it has been the active segment for this long. */
  segmentMsMax: number;
  /** One offset-index entry (and at most one time-index entry) per this many log bytes. */
  indexIntervalBytes: number;
  /** Largest single batch accepted by append (whole batch, length prefix included). */
  batchBytesMax: number;
  /** When an append's promise resolves: after fsync (always), after the next periodic fsync (interval), after write (never). */
  fsync: FsyncPolicy;
  /** Retention by size of the whole partition; -1 = unlimited. */
  retentionBytes: number;
  /** Retention by age of a segment's newest timestamp; -1 = unlimited. */
  retentionMs: number;
  /** How often the background retention check runs; 0 disables it (enforceRetention can still be called). */
  retentionCheckMs?: number;
}

export const DEFAULT_JOURNAL_CONFIG: JournalConfig = Object.freeze({
  segmentBytesMax: 1024 * 1024 * 1024,
  segmentMsMax: 7 * 24 * 3600 * 1000,
  indexIntervalBytes: 4096,
  batchBytesMax: 1024 * 1024 + 12,
  fsync: Object.freeze({ mode: 'always' }) as FsyncPolicy,
  retentionBytes: -1,
  retentionMs: 7 * 24 * 3600 * 1000,
  retentionCheckMs: 5 * 60 * 1000,
}) as JournalConfig;

/** Upper bound for `interval:<ms>`: a longer interval is almost certainly a typo (units). */
export const FSYNC_INTERVAL_MS_MAX = 60 * 60 * 1000;

/** Parses 'always' | 'never' | 'interval:<ms>'; throws an Error naming the bad value. */
export function parseFsyncPolicy(text: string): FsyncPolicy {
  const value = text.trim();
  if (value === 'always') return { mode: 'always' };
  if (value === 'never') return { mode: 'never' };
  const m = /^interval:(\d+)$/.exec(value);
  if (m) {
    const intervalMs = Number(m[1]);
    if (intervalMs >= 1 && intervalMs <= FSYNC_INTERVAL_MS_MAX) return { mode: 'interval', intervalMs };
  }
  throw new Error(`invalid fsync policy "${text}": expected always, never or interval:<ms> (1..${FSYNC_INTERVAL_MS_MAX})`);
}

/** Checks a config's numbers; throws an Error naming the first bad field. */
export function validateJournalConfig(c: JournalConfig): void {
  const positive: (keyof JournalConfig)[] = ['segmentBytesMax', 'segmentMsMax', 'indexIntervalBytes', 'batchBytesMax'];
  for (const k of positive) {
    const v = c[k];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) throw new Error(`journal config ${k} must be a positive integer, got ${String(v)}`);
  }
  // Segment positions are stored as uint32 in the index files.
  if (c.segmentBytesMax > 0xffff_ffff - c.batchBytesMax) throw new Error(`journal config segmentBytesMax ${c.segmentBytesMax} is too large (index positions are 32-bit)`);
  for (const k of ['retentionBytes', 'retentionMs'] as const) {
    const v = c[k];
    if (!Number.isSafeInteger(v) || (v < 0 && v !== -1)) throw new Error(`journal config ${k} must be -1 or >= 0, got ${v}`);
  }
  if (c.fsync.mode === 'interval' && !(c.fsync.intervalMs >= 1)) throw new Error(`journal config fsync interval must be >= 1 ms`);
}
