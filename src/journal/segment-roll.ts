/**
 * Rolling the active segment, and the background sync of the segment rolled last.
 *
 * Under `fsync: always` (and when `background` is false) the old segment's log and indexes are
 * synced before the new one is created. Under `never` and `interval` that sync (which can flush a
 * whole segment of dirty pages, far longer than any append) runs in the background instead,
 * outside the append chain: the recovery point moves to the new segment only after the old one is
 * on disk, so a crash meanwhile rescans the old segment too. Every other operation that touches old
 * segments, the recovery point or durability (truncation, deletion, retention, flush, interval
 * syncs, close, the next roll) first waits for it (settle).
 */
import type { FsyncPolicy } from './config.js';
import { storageError } from './errors.js';
import type { FileLayer } from './file-layer.js';
import type { JournalLogger } from './journal-logger.js';
import type { SegmentList } from './segment-list.js';
import type { StateFiles } from './state-files.js';

export interface SegmentRollerOptions {
  dir: string; fs: FileLayer; segments: SegmentList; state: StateFiles; logger: JournalLogger; clock: () => number;
  /** Read at each roll: the policy can change while the log is open. */
  fsync: () => FsyncPolicy;
}

export class SegmentRoller {
  /** The background sync of the segment rolled last under fsync never/interval; never rejects. */
  #pending: Promise<Error | null> | null = null;
  readonly #o: SegmentRollerOptions;

  constructor(opts: SegmentRollerOptions) { this.#o = opts; }

  async roll(background = false): Promise<void> {
    const { dir, fs, segments, state, clock } = this.#o;
    await this.settleOrWarn();
    const old = segments.active;
    const deferSync = background && this.#o.fsync().mode !== 'always';
    if (!deferSync) {
      await old.writeIndexes(true);
      await old.file.datasync();
    }
    const seg = await segments.create(old.nextOffset, clock());
    seg.startByte = old.startByte + old.size;
    await seg.writeIndexes(false);
    await fs.fsyncDir(dir);
    segments.replace([...segments.all, seg]);
    if (!deferSync) {
      // Segments before the new one are on disk: recovery after a crash starts here.
      await state.setRecoveryPoint(seg.base);
      return;
    }
    this.#pending = (async (): Promise<Error | null> => {
      try {
        await old.file.datasync();
        await old.writeIndexes(true);
        await state.setRecoveryPoint(seg.base);
        return null;
      } catch (err) {
        return storageError(`syncing rolled segment ${old.logPath()}`, err);
      }
    })();
  }

  /** Waits for a background roll sync; its error (the old segment may not be on disk) or null. */
  async settle(): Promise<Error | null> {
    const p = this.#pending;
    if (p === null) return null;
    const err = await p;
    if (this.#pending === p) this.#pending = null;
    return err;
  }

  /** settle, logging a failure instead of returning it (recovery rescans that segment). */
  async settleOrWarn(): Promise<void> {
    const err = await this.settle();
    if (err !== null) this.#o.logger.warn({ dir: this.#o.dir, err: err.message }, 'journal: syncing a rolled segment failed; recovery will rescan it');
  }
}
