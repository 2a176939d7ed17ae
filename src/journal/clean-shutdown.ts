/**
 * The `.clean-shutdown` marker: present only after a clean close. It records each segment's index
 * checksums, so a damaged index is caught on open, not only when a lookup lands on a wrong entry.
 *
 *   v1
 *   <segment base> <index crc32c> <timeindex crc32c>      one line per segment
 */
import type { Segment } from './segment.js';

export function encodeCleanShutdownMarker(segments: readonly Segment[]): Buffer {
  const lines = segments.filter((s) => s.indexCrcs !== null).map((s) => `${s.base} ${s.indexCrcs![0]} ${s.indexCrcs![1]}`);
  return Buffer.from(['v1', ...lines].join('\n') + '\n');
}

/** Segment base → [index crc, timeindex crc]; empty for an unknown version or damaged text. */
export function parseCleanShutdownMarker(buf: Buffer): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  const lines = buf.toString('utf8').split('\n');
  if (lines[0] !== 'v1') return out;
  for (const line of lines.slice(1)) {
    const m = /^(\d+) (\d+) (\d+)$/.exec(line);
    if (m) out.set(Number(m[1]), [Number(m[2]), Number(m[3])]);
  }
  return out;
}
