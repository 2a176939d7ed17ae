/**
 * Where the coordinator keeps its records: the partitions of the internal `__consumer_offsets`
 * topic. groups/ declares this interface and the broker supplies the implementation over its
 * partitions (partition-log.ts), as tree/ declares the Upstream it pulls from; tests use
 * MemoryGroupLog. When the partitions are Raft-replicated, `isLeader` decides which node
 * coordinates a group; nothing else changes.
 */
import type { GroupError } from './errors.js';

export interface LogRecord {
  key: Buffer;
  /** null is a tombstone: the key is deleted. */
  value: Buffer | null;
  timestampMs: number;
}

export interface GroupLogPartition {
  /** Makes the records durable as one batch, in order; resolves to NONE or why not. */
  append(records: LogRecord[]): Promise<GroupError>;
  /** Calls onRecord for every record from the start of the partition, in offset order. */
  replay(onRecord: (record: LogRecord) => void): Promise<void>;
  /** Whether this node may coordinate the groups of this partition right now. */
  isLeader(): boolean;
}

export interface GroupLog {
  readonly partitionCount: number;
  partition(index: number): GroupLogPartition;
}

/** An in-memory GroupLog for unit tests: records survive as long as the object does. */
export class MemoryGroupLog implements GroupLog {
  readonly partitionCount: number;
  readonly records: LogRecord[][];
  failNextAppend: GroupError = 'NONE';

  constructor(partitionCount: number) {
    this.partitionCount = partitionCount;
    this.records = Array.from({ length: partitionCount }, () => []);
  }

  partition(index: number): GroupLogPartition {
    const list = this.records[index]!;
    return {
      append: async (records) => {
        if (this.failNextAppend !== 'NONE') {
          const e = this.failNextAppend;
          this.failNextAppend = 'NONE';
          return e;
        }
        list.push(...records);
        return 'NONE';
      },
      replay: async (onRecord) => {
        for (const r of list) onRecord(r);
      },
      isLeader: () => true,
    };
  }
}
