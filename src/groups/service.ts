/**
 * `Broker.groups`: the GroupCoordinator the group APIs use, extended with the operations the admin
 * HTTP API and the CLI call (describeWithLag, lag, deleteGroups, resetOffsets; list, describe,
 * deleteGroup, fetchOffsets and commitOffsets are the coordinator's own). Built at broker
 * start-up by openGroups (open-groups.ts), which wires it to the broker's partitions.
 */
import type { GroupError } from './errors.js';
import { GroupCoordinator } from './coordinator.js';
import type { CoordinatorConfig, CoordinatorLogger } from './coordinator.js';
import type { GroupLog } from './group-log.js';
import type { Timers } from './timers.js';
import type { GroupState } from './group.js';
import { assignedPartitions } from './consumer-protocol.js';
import type { AssignedTopic } from './consumer-protocol.js';
import { groupLag, lagSeconds } from './lag.js';
import type { PartitionLag, PartitionOffsetsSource } from './lag.js';

export interface MemberView {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  assignment: AssignedTopic[];
}

export interface GroupView {
  groupId: string;
  state: GroupState | 'Dead';
  protocolType: string;
  protocolName: string;
  generationId: number;
  leaderId: string | null;
  members: MemberView[];
  /** Committed offset, high watermark and lag per partition (committed or assigned). */
  offsets: PartitionLag[];
}

/** Where a reset moves the committed offsets. */
export type ResetTarget =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  | { kind: 'timestamp'; timestampMs: number }
  | { kind: 'offset'; offset: number };

export interface ResetRequest {
  groupId: string;
  topic: string;
  /** Partitions to reset; all of the topic's when omitted. */
  partitions?: number[];
  to: ResetTarget;
  /** Compute and return the new offsets without committing them. */
  dryRun: boolean;
}

export interface ResetRow {
  topic: string;
  partition: number;
  previousOffset: number | null;
  newOffset: number;
}

export type ResetResult = { error: 'NONE'; rows: ResetRow[] } | { error: GroupError | 'UNKNOWN_TOPIC_OR_PARTITION'; rows: [] };

export class GroupsService extends GroupCoordinator {
  readonly #source: PartitionOffsetsSource;

  constructor(opts: { log: GroupLog; timers: Timers; config: CoordinatorConfig; logger?: CoordinatorLogger; source: PartitionOffsetsSource }) {
    super(opts);
    this.#source = opts.source;
  }

  /** The group with members, their assignments and lag per partition; null when it does not exist. */
  describeWithLag(groupId: string): GroupView | null {
    const { error, group } = this.describe(groupId);
    if (error !== 'NONE' || (group.state === 'Dead' && !this.offsets.hasOffsets(groupId))) return null;
    return {
      ...group,
      members: group.members.map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        assignment: group.protocolType === 'consumer' ? assignedPartitions(m.assignment) : [],
      })),
      offsets: this.lag(groupId),
    };
  }

  lag(groupId: string): PartitionLag[] {
    return groupLag(this, groupId, this.#source);
  }

  /** lag() with each row's lag in seconds (lag.ts lagSeconds), against the wall clock. */
  async lagWithSeconds(groupId: string): Promise<(PartitionLag & { lagSeconds: number | null })[]> {
    const nowMs = Date.now();
    return Promise.all(this.lag(groupId).map(async (row) => ({ ...row, lagSeconds: await lagSeconds(row, this.#source, nowMs) })));
  }

  async deleteGroups(groupIds: string[]): Promise<{ groupId: string; error: GroupError }[]> {
    const out: { groupId: string; error: GroupError }[] = [];
    for (const groupId of groupIds) out.push({ groupId, error: await this.deleteGroup(groupId) });
    return out;
  }

  /**
   * Moves a group's committed offsets (like kafka-consumer-groups --reset-offsets). Only for a
   * group with no members (NON_EMPTY_GROUP otherwise): live consumers would overwrite the reset
   * with their next commit. Targets are clamped into [logStartOffset, highWatermark].
   */
  async resetOffsets(req: ResetRequest): Promise<ResetResult> {
    const error = this.coordinatorError(req.groupId);
    if (error !== 'NONE') return { error, rows: [] };
    const group = this.group(req.groupId);
    if (group !== null && group.state !== 'Empty' && group.state !== 'Dead') return { error: 'NON_EMPTY_GROUP', rows: [] };
    const all = this.#source.partitionIds(req.topic);
    if (all === null) return { error: 'UNKNOWN_TOPIC_OR_PARTITION', rows: [] };
    const partitions = req.partitions ?? all;
    if (partitions.some((p) => !all.includes(p))) return { error: 'UNKNOWN_TOPIC_OR_PARTITION', rows: [] };
    const rows: ResetRow[] = [];
    for (const partition of partitions) {
      const start = this.#source.logStartOffset(req.topic, partition) ?? 0;
      const end = this.#source.highWatermark(req.topic, partition) ?? 0;
      let target: number;
      switch (req.to.kind) {
        case 'earliest':
          target = start;
          break;
        case 'latest':
          target = end;
          break;
        case 'timestamp':
          target = (await this.#source.offsetForTimestamp(req.topic, partition, req.to.timestampMs)) ?? end;
          break;
        case 'offset':
          target = req.to.offset;
          break;
      }
      target = Math.min(Math.max(target, start), end);
      rows.push({ topic: req.topic, partition, previousOffset: this.offsets.get(req.groupId, req.topic, partition)?.offset ?? null, newOffset: target });
    }
    if (req.dryRun) return { error: 'NONE', rows };
    const errors = await this.commitOffsets(
      req.groupId,
      '',
      null,
      -1,
      rows.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.newOffset, leaderEpoch: -1, metadata: '' })),
    );
    const failed = errors.find((e) => e !== 'NONE');
    if (failed !== undefined) return { error: failed, rows: [] };
    this.audit('group offsets reset', { group: req.groupId, generation: group?.generationId ?? null, topic: req.topic, to: req.to, partitions: rows.map((r) => ({ partition: r.partition, from: r.previousOffset, to: r.newOffset })) });
    return { error: 'NONE', rows };
  }
}
