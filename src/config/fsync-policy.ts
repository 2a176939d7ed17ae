/**
 * The `fsync` setting's format. It lives in config/ (a leaf every layer may import) because it is
 * user input: the loader refuses a bad value naming the field, and the partition manager hands
 * the parsed policy to the journal, whose FsyncPolicy has the same shape.
 */
export type FsyncPolicy = { mode: 'always' } | { mode: 'interval'; intervalMs: number } | { mode: 'never' };

/** Upper bound for `interval:<ms>`: a longer interval is almost certainly a typo (units). */
export const FSYNC_INTERVAL_MS_MAX = 60 * 60 * 1000;

/** Parses 'always' | 'never' | 'interval:<ms>'; throws an Error naming the bad value. */
export function parseFsyncPolicy(text: string): FsyncPolicy {
  const value = text.trim();
  if (value === 'always' || value === 'never') return { mode: value };
  const m = /^interval:(\d+)$/.exec(value);
  const intervalMs = m ? Number(m[1]) : 0;
  if (intervalMs >= 1 && intervalMs <= FSYNC_INTERVAL_MS_MAX) return { mode: 'interval', intervalMs };
  throw new Error(`invalid fsync policy "${text}": expected always, never or interval:<ms> (1..${FSYNC_INTERVAL_MS_MAX})`);
}
