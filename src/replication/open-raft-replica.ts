/**
 * Opens a RaftReplica on its own journal folder, for groups that are not topic partitions served
 * through the PartitionManager (the cluster metadata group, `__cluster_metadata` partition 0):
 * callers outside replication/ never reach the journal (the partition door, STYLE.md).
 */
import { parseFsyncPolicy } from '../config/fsync-policy.js';
import { DEFAULT_JOURNAL_CONFIG, PartitionLog } from '../journal/partition-log.js';
import type { JournalLogger } from '../journal/journal-logger.js';
import { RaftReplica, type RaftReplicaOptions } from './raft-replica.js';

export interface OpenRaftReplicaOptions extends Omit<RaftReplicaOptions, 'log' | 'fs'> {
  /** The group's folder (created when missing). */
  readonly dir: string;
  /** The node's fsync policy (config `fsync`). */
  readonly fsync: string;
  readonly logger?: JournalLogger;
}

export async function openRaftReplica(options: OpenRaftReplicaOptions): Promise<RaftReplica> {
  const { dir, fsync, logger, ...replica } = options;
  // No time or size retention: the group's log is its state until snapshots exist.
  const config = { ...DEFAULT_JOURNAL_CONFIG, fsync: parseFsyncPolicy(fsync), retentionMs: -1, retentionBytes: -1, retentionCheckMs: 0 };
  const log = await PartitionLog.open(dir, config, logger === undefined ? {} : { logger });
  try {
    return await RaftReplica.open({ ...replica, log });
  } catch (err) {
    await log.close().catch(() => undefined);
    throw err;
  }
}
