/**
 * Disk faults on a stopped node's data dir, confined to a partition's unsynced tail: the bytes of
 * its last segment (`<data-dir>/<topic>-<p>/<base>.log`, RecordBatches back to back) after the
 * batch holding `keepThrough`, the highest offset anyone was told of (acked, read, or under a
 * sampled high watermark). With fsync=always those bytes were never promised to anyone, so a power
 * loss may take them:
 *
 * - lose-unsynced: the file is cut at a batch boundary past keepThrough (whole batches never synced);
 * - torn: the file is cut inside a batch past keepThrough (a write half on disk);
 * - bitflip: one bit of a byte past keepThrough is flipped (a sector written wrong, left to CRC).
 *
 * On a replicated cluster the same faults go on a minority, where they may reach synced bytes too.
 */
import { openSync, readdirSync, readFileSync, truncateSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { Prng } from '../raft/sim/prng.js';

export type TailFault = 'lose-unsynced' | 'torn' | 'bitflip';
export const TAIL_FAULTS: readonly TailFault[] = ['lose-unsynced', 'torn', 'bitflip'];

/** Batch header: baseOffset int64, batchLength int32 (the bytes after it); a whole header is 61 bytes. */
const LENGTH_AT = 8;
const HEADER_BYTES = 12;
const BATCH_HEADER_BYTES = 61;

interface Batch { start: number; end: number; baseOffset: number }

function batchesOf(bytes: Buffer): Batch[] {
  const out: Batch[] = [];
  for (let pos = 0; pos + BATCH_HEADER_BYTES <= bytes.length;) {
    const end = pos + HEADER_BYTES + bytes.readInt32BE(pos + LENGTH_AT);
    if (end > bytes.length || end <= pos) break;
    out.push({ start: pos, end, baseOffset: Number(bytes.readBigInt64BE(pos)) });
    pos = end;
  }
  return out;
}

function lastSegment(partitionDir: string): string | null {
  const logs = readdirSync(partitionDir).filter((n) => /^\d{20}\.log$/.test(n)).sort();
  return logs.length === 0 ? null : join(partitionDir, logs[logs.length - 1]!);
}

/**
 * Applies `fault` to the tail of partition `partition` of `topic` past `keepThrough` (-1: none
 * promised). Returns what it did, for the history, or null when there was no tail to harm.
 */
export function applyTailFault(dataDir: string, topic: string, partition: number, keepThrough: number, fault: TailFault, rng: Prng): string | null {
  const file = lastSegment(join(dataDir, `${topic}-${partition}`));
  if (file === null) return null;
  const bytes = readFileSync(file);
  const batches = batchesOf(bytes);
  // Kept: every batch starting at or before keepThrough (the last of them holds it).
  const kept = batches.filter((b) => b.baseOffset <= keepThrough);
  const safeEnd = kept.length === 0 ? 0 : kept[kept.length - 1]!.end;
  const tail = batches.filter((b) => b.start >= safeEnd);
  if (bytes.length <= safeEnd) return null;
  const name = file.slice(dataDir.length + 1);
  if (fault === 'lose-unsynced') {
    const cuts = [safeEnd, ...tail.map((b) => b.end)].filter((c) => c < bytes.length);
    const cut = rng.pick(cuts);
    truncateSync(file, cut);
    return `${name}: cut at ${cut} of ${bytes.length} bytes (${tail.filter((b) => b.start >= cut).length} whole batches past offset ${keepThrough} lost)`;
  }
  if (fault === 'torn') {
    // In [safeEnd + 1, length - 1]: some bytes of a batch remain, not all.
    const cut = Math.min(safeEnd + 1 + rng.int(bytes.length - safeEnd - 1), bytes.length - 1);
    truncateSync(file, cut);
    return `${name}: torn at ${cut} of ${bytes.length} bytes (past offset ${keepThrough})`;
  }
  const at = safeEnd + rng.int(bytes.length - safeEnd);
  const bit = rng.int(8);
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.from([bytes[at]! ^ (1 << bit)]), 0, 1, at);
  } finally {
    closeSync(fd);
  }
  return `${name}: bit ${bit} of byte ${at} of ${bytes.length} flipped (past offset ${keepThrough})`;
}
