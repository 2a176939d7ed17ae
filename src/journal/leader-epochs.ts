/**
 * Leader-epoch → start-offset map (Kafka's leader-epoch checkpoint), derived from the
 * partitionLeaderEpoch of appended batches. File `leader-epochs` (text, written atomically):
 *
 *   v1
 *   <epoch> <startOffset>      one line per epoch, both increasing
 *
 * A missing or damaged file is rebuilt from batch headers on open.
 */
export interface EpochEntry { epoch: number; startOffset: number }

export class LeaderEpochs {
  entries: EpochEntry[] = [];

  get latestEpoch(): number { return this.entries.length === 0 ? -1 : this.entries[this.entries.length - 1]!.epoch; }

  /** Records that batches from `startOffset` on carry `epoch`; returns whether the map changed. */
  assign(epoch: number, startOffset: number): boolean {
    if (epoch < 0 || epoch <= this.latestEpoch) return false;
    this.entries.push({ epoch, startOffset });
    return true;
  }

  /** Forgets epochs that start at or after `offset` (truncation). */
  truncateFrom(offset: number): boolean {
    const n = this.entries.length;
    this.entries = this.entries.filter((e) => e.startOffset < offset);
    return this.entries.length !== n;
  }

  /** Drops epochs that end before the new log start; the one covering it now starts there. */
  trimBefore(logStartOffset: number): boolean {
    let changed = false;
    while (this.entries.length > 1 && this.entries[1]!.startOffset <= logStartOffset) { this.entries.shift(); changed = true; }
    const first = this.entries[0];
    if (first !== undefined && first.startOffset < logStartOffset) { first.startOffset = logStartOffset; changed = true; }
    return changed;
  }

  /** OffsetForLeaderEpoch: the largest epoch <= `epoch` held and where it ends. */
  endOffsetFor(epoch: number, logEndOffset: number): { epoch: number; endOffset: number } {
    let i = this.entries.length - 1;
    while (i >= 0 && this.entries[i]!.epoch > epoch) i--;
    if (i < 0) return { epoch: -1, endOffset: -1 };
    const next = this.entries[i + 1];
    return { epoch: this.entries[i]!.epoch, endOffset: next === undefined ? logEndOffset : next.startOffset };
  }

  encode(): Buffer {
    return Buffer.from(['v1', ...this.entries.map((e) => `${e.epoch} ${e.startOffset}`)].join('\n') + '\n');
  }

  static decode(buf: Buffer): LeaderEpochs | null {
    const lines = buf.toString('utf8').split('\n').filter((l) => l.length > 0);
    if (lines[0] !== 'v1') return null;
    const out = new LeaderEpochs();
    for (const line of lines.slice(1)) {
      const m = /^(\d+) (\d+)$/.exec(line);
      if (!m) return null;
      const epoch = Number(m[1]), startOffset = Number(m[2]);
      const last = out.entries[out.entries.length - 1];
      if (!Number.isSafeInteger(startOffset) || (last && (epoch <= last.epoch || startOffset < last.startOffset))) return null;
      out.entries.push({ epoch, startOffset });
    }
    return out;
  }
}
