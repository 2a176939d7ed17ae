/**
 * Offset index of one segment (`<base>.index`): fixed-width entries, big-endian, no header.
 *
 *   off size field
 *     0    4  relativeOffset  baseOffset of a batch minus the segment's base offset (uint32)
 *     4    4  position        byte position of that batch in the .log file (uint32)
 *
 * Sparse: one entry per `indexIntervalBytes` of log (the first batch always has one). Entries are
 * strictly increasing in both fields. To find the batch holding offset o: binary search the last
 * entry with relativeOffset <= o - base, then walk batch headers forward from its position.
 * The file is written whole when the segment rolls and on clean close; while a segment is active
 * its index lives in memory, and after a crash it is rebuilt from the log by recovery.
 */
export const OFFSET_INDEX_ENTRY_BYTES = 8;

export class OffsetIndex {
  readonly rel: number[] = [];
  readonly pos: number[] = [];

  get length(): number { return this.rel.length; }
  get lastPosition(): number { return this.pos.length === 0 ? -1 : this.pos[this.pos.length - 1]!; }

  add(relativeOffset: number, position: number): void {
    this.rel.push(relativeOffset);
    this.pos.push(position);
  }

  /** Index of the last entry with rel <= relativeOffset, or -1. */
  floor(relativeOffset: number): number {
    let lo = 0, hi = this.rel.length - 1, ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.rel[mid]! <= relativeOffset) { ans = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return ans;
  }

  /** Drops entries for batches at or after byte `position` (truncation). */
  truncateAtPosition(position: number): void {
    let n = this.pos.length;
    while (n > 0 && this.pos[n - 1]! >= position) n--;
    this.rel.length = n;
    this.pos.length = n;
  }

  encode(): Buffer {
    const buf = Buffer.alloc(this.rel.length * OFFSET_INDEX_ENTRY_BYTES);
    for (let i = 0; i < this.rel.length; i++) {
      buf.writeUInt32BE(this.rel[i]!, i * OFFSET_INDEX_ENTRY_BYTES);
      buf.writeUInt32BE(this.pos[i]!, i * OFFSET_INDEX_ENTRY_BYTES + 4);
    }
    return buf;
  }

  /** Parses and checks an index file against its log's size; a string says why it is unusable. */
  static decode(buf: Buffer, logBytes: number): OffsetIndex | string {
    if (buf.length % OFFSET_INDEX_ENTRY_BYTES !== 0) return `size ${buf.length} is not a multiple of ${OFFSET_INDEX_ENTRY_BYTES}`;
    const idx = new OffsetIndex();
    for (let at = 0; at < buf.length; at += OFFSET_INDEX_ENTRY_BYTES) {
      const rel = buf.readUInt32BE(at), pos = buf.readUInt32BE(at + 4);
      if (idx.length === 0 ? (rel !== 0 || pos !== 0) : (rel <= idx.rel[idx.length - 1]! || pos <= idx.lastPosition)) return `entry ${at / OFFSET_INDEX_ENTRY_BYTES} out of order`;
      if (pos >= logBytes) return `entry ${at / OFFSET_INDEX_ENTRY_BYTES} points past the log (${pos} >= ${logBytes})`;
      idx.add(rel, pos);
    }
    if (logBytes > 0 && idx.length === 0) return 'empty index for a non-empty log';
    return idx;
  }
}
