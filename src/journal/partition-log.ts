/** PartitionLog: interface first (implementation follows in this file). */
import type { JournalConfig } from './config.js';
import { JournalError } from './errors.js';
import type { FileLayer } from './file-layer.js';
import type { PageCache } from './cache.js';

export type { FsyncPolicy, JournalConfig } from './config.js';
export { DEFAULT_JOURNAL_CONFIG, parseFsyncPolicy } from './config.js';
export { JournalError } from './errors.js';
export { PageCache } from './cache.js';

export interface AppendResult { baseOffset: number; lastOffset: number; batchCount: number }
export interface ReadResult { chunks: Buffer[]; bytes: number }
export interface JournalLogger { info(o: object, m?: string): void; warn(o: object, m?: string): void }
export interface PartitionLogDeps { cache?: PageCache; fs?: FileLayer; logger?: JournalLogger; clock?: () => number }

const notYet = (): never => { throw new JournalError('STORAGE', 'not implemented yet'); };

export class PartitionLog {
  highWatermark = 0;
  get logStartOffset(): number { return 0; }
  get logEndOffset(): number { return 0; }
  get sizeBytes(): number { return 0; }
  static async open(_dir: string, _config: JournalConfig, _deps: PartitionLogDeps = {}): Promise<PartitionLog> { return notYet(); }
  async append(_records: Buffer, _opts: { leaderEpoch: number }): Promise<AppendResult> { return notYet(); }
  async read(_offset: number, _maxBytes: number, _opts: { maxOffset?: number } = {}): Promise<ReadResult> { return notYet(); }
  async offsetForTimestamp(_timestampMs: number): Promise<{ offset: number; batch: Buffer } | null> { return notYet(); }
  endOffsetForEpoch(_epoch: number): { epoch: number; endOffset: number } { return notYet(); }
  async truncateFrom(_offset: number): Promise<void> { return notYet(); }
  async deleteBefore(_offset: number): Promise<void> { return notYet(); }
  async enforceRetention(_nowMs: number): Promise<{ segmentsDeleted: number }> { return notYet(); }
  async flush(): Promise<void> { return notYet(); }
  async close(): Promise<void> { return notYet(); }
  async destroy(): Promise<void> { return notYet(); }
}
