/**
 * Where the coordinator keeps its records: the partitions of the internal `__consumer_offsets`
 * topic. groups/ declares this interface and open-groups.ts implements it over those partitions
 * (through the Partition door; replay is Partition.committedBatches), as tree/ declares the
 * Upstream it pulls from; tests use
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
  /** First offset replay starts from. */
  logStartOffset(): number;
  /** Offset the next appended record gets (single node: the high watermark once appends resolved). */
  logEndOffset(): number;
  /** Forgets every record below `offset` (compaction, after a snapshot was appended). */
  deleteBefore(offset: number): Promise<GroupError>;
}

export interface GroupLog {
  readonly partitionCount: number;
  partition(index: number): GroupLogPartition;
}

/** An in-memory GroupLog for unit tests: records survive as long as the object does. */
export class MemoryGroupLog implements GroupLog {
  readonly partitionCount: number;
  /** Records still held per partition; records[p][i] is at offset startOffsets[p] + i. */
  readonly records: LogRecord[][];
  readonly startOffsets: number[];
  failNextAppend: GroupError = 'NONE';

  constructor(partitionCount: number) {
    this.partitionCount = partitionCount;
    this.records = Array.from({ length: partitionCount }, () => []);
    this.startOffsets = Array.from({ length: partitionCount }, () => 0);
  }

  partition(index: number): GroupLogPartition {
    const list = this.records[index]!;
    return {
      logStartOffset: () => this.startOffsets[index]!,
      logEndOffset: () => this.startOffsets[index]! + list.length,
      deleteBefore: async (offset) => {
        const drop = Math.min(list.length, Math.max(0, offset - this.startOffsets[index]!));
        list.splice(0, drop);
        this.startOffsets[index]! += drop;
        return 'NONE';
      },
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
