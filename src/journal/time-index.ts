/**
 * Time index of one segment (`<base>.timeindex`): fixed-width entries, big-endian, no header.
 *
 *   off size field
 *     0    8  timestamp       largest batch maxTimestamp seen in the segment up to and including this batch (int64 ms)
 *     8    4  relativeOffset  baseOffset of that batch minus the segment base (uint32)
 *    12    4  position        byte position of that batch in the .log file (uint32)
 *
 * An entry is added when a batch raises the segment's running maximum timestamp and at least
 * `indexIntervalBytes` have passed since the previous entry; on roll and clean close a final entry
 * records the segment's maximum. Timestamps are non-decreasing. Every batch before an entry's batch
 * has maxTimestamp <= the entry's timestamp, so the first batch with maxTimestamp >= t lies at or
 * after the last entry whose timestamp is < t: binary search, then walk headers forward.
 */
import { readInt64, writeInt64 } from '../util/int64.js';

export const TIME_INDEX_ENTRY_BYTES = 16;

export class TimeIndex {
  readonly ts: number[] = [];
  readonly rel: number[] = [];
  readonly pos: number[] = [];

  get length(): number { return this.ts.length; }
  get lastTimestamp(): number { return this.ts.length === 0 ? -1 : this.ts[this.ts.length - 1]!; }
  get lastPosition(): number { return this.pos.length === 0 ? -1 : this.pos[this.pos.length - 1]!; }

  add(timestamp: number, relativeOffset: number, position: number): void {
    this.ts.push(timestamp);
    this.rel.push(relativeOffset);
    this.pos.push(position);
  }

  /** Index of the last entry with timestamp < t, or -1. */
  lastBefore(t: number): number {
    let lo = 0, hi = this.ts.length - 1, ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ts[mid]! < t) { ans = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return ans;
  }

  truncateAtPosition(position: number): void {
    let n = this.pos.length;
    while (n > 0 && this.pos[n - 1]! >= position) n--;
    this.ts.length = n; this.rel.length = n; this.pos.length = n;
  }

  encode(): Buffer {
    const buf = Buffer.alloc(this.ts.length * TIME_INDEX_ENTRY_BYTES);
    for (let i = 0; i < this.ts.length; i++) {
      const at = i * TIME_INDEX_ENTRY_BYTES;
      writeInt64(buf, at, this.ts[i]!);
      buf.writeUInt32BE(this.rel[i]!, at + 8);
      buf.writeUInt32BE(this.pos[i]!, at + 12);
    }
    return buf;
  }

  static decode(buf: Buffer, logBytes: number): TimeIndex | string {
    if (buf.length % TIME_INDEX_ENTRY_BYTES !== 0) return `size ${buf.length} is not a multiple of ${TIME_INDEX_ENTRY_BYTES}`;
    const idx = new TimeIndex();
    for (let at = 0; at < buf.length; at += TIME_INDEX_ENTRY_BYTES) {
      let ts: number;
      try { ts = readInt64(buf, at); } catch { return `entry ${at / TIME_INDEX_ENTRY_BYTES} has an out-of-range timestamp`; }
      const rel = buf.readUInt32BE(at + 8), pos = buf.readUInt32BE(at + 12);
      const n = idx.length;
      // The final entry written on roll/close may repeat the previous batch (same rel and position).
      if (n > 0 && (ts < idx.ts[n - 1]! || rel < idx.rel[n - 1]! || pos < idx.pos[n - 1]!)) return `entry ${n} out of order`;
      if (pos >= logBytes) return `entry ${n} points past the log (${pos} >= ${logBytes})`;
      idx.add(ts, rel, pos);
    }
    if (logBytes > 0 && idx.length === 0) return 'empty time index for a non-empty log';
    return idx;
  }
}
