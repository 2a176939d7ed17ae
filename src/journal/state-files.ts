/**
 * The partition's small state files (formats in file-names.ts and leader-epochs.ts) and their
 * in-memory values: where the log starts (`log-start-offset`), where recovery starts after a crash
 * (`recovery-point`) and the leader epochs (`leader-epochs`). Each is rewritten atomically.
 */
import { join } from 'node:path';
import type { FileLayer } from './file-layer.js';
import { LEADER_EPOCHS_FILE, LOG_START_OFFSET_FILE, RECOVERY_POINT_FILE } from './file-names.js';
import { LeaderEpochs } from './leader-epochs.js';

export class StateFiles {
  /** The first offset readers may see (DeleteRecords, retention). */
  logStart = 0;
  /** Base of the oldest segment that may hold unsynced bytes. */
  recoveryPoint = 0;
  epochs = new LeaderEpochs();

  constructor(private readonly fs: FileLayer, private readonly dir: string) {}

  /** Moves the log start in memory first: readers stop at the new start even if the write fails. */
  async setLogStart(offset: number): Promise<void> {
    this.logStart = offset;
    await this.writeNumber(LOG_START_OFFSET_FILE, offset);
  }

  /** Moves the recovery point in memory only once the file says so. */
  async setRecoveryPoint(base: number): Promise<void> {
    await this.writeNumber(RECOVERY_POINT_FILE, base);
    this.recoveryPoint = base;
  }

  writeEpochs(): Promise<void> {
    return this.fs.writeFileAtomic(join(this.dir, LEADER_EPOCHS_FILE), this.epochs.encode());
  }

  writeNumber(name: string, n: number): Promise<void> {
    return this.fs.writeFileAtomic(join(this.dir, name), Buffer.from(`${n}\n`));
  }

  /** A number file's value, or null when it is missing or does not hold a safe integer. */
  async readNumber(name: string): Promise<number | null> {
    try {
      const text = (await this.fs.readFile(join(this.dir, name))).toString('utf8').trim();
      if (!/^\d+$/.test(text)) return null;
      const n = Number(text);
      return Number.isSafeInteger(n) ? n : null;
    } catch {
      return null;
    }
  }
}
