/**
 * Offset ranges removed from the middle of a log by `canopy journal repair` in skip mode
 * (repair.ts). Normally every segment starts where the previous one ends, and open drops a
 * segment that does not; a recorded gap [from, to) lets a segment start at `to` after one that
 * ends at `from`. File `offset-gaps` (text, written atomically), absent when there is none:
 *
 *   v1
 *   <from> <to>        one line per gap
 */
import { join } from 'node:path';
import type { FileLayer } from './file-layer.js';
import { OFFSET_GAPS_FILE } from './file-names.js';

export class OffsetGaps {
  private constructor(private readonly gaps: { from: number; to: number }[]) {}

  /** Reads the file; a missing or unreadable one means no gaps (open then drops the segment, as before). */
  static async read(dir: string, fs: FileLayer): Promise<OffsetGaps> {
    const text = await fs.readFile(join(dir, OFFSET_GAPS_FILE)).then((b) => b.toString('utf8'), () => '');
    const lines = text.split('\n').filter((l) => l.length > 0);
    if (lines[0] !== 'v1') return new OffsetGaps([]);
    const gaps: { from: number; to: number }[] = [];
    for (const line of lines.slice(1)) {
      const m = /^(\d+) (\d+)$/.exec(line);
      if (m) gaps.push({ from: Number(m[1]), to: Number(m[2]) });
    }
    return new OffsetGaps(gaps);
  }

  /** Whether a segment may start at `to` after a log that ends at `from`. */
  allows(from: number, to: number): boolean {
    return this.gaps.some((g) => g.from === from && g.to === to);
  }

  async add(from: number, to: number, dir: string, fs: FileLayer): Promise<void> {
    this.gaps.push({ from, to });
    await fs.writeFileAtomic(join(dir, OFFSET_GAPS_FILE), Buffer.from(['v1', ...this.gaps.map((g) => `${g.from} ${g.to}`)].join('\n') + '\n'));
  }
}
