import type { GroupsService, ResetResult } from '../groups/service.js';
import type { GroupError } from '../groups/errors.js';
import type { AdminErrorCode } from './errors.js';
import type { AdminResult, GroupsView, OffsetResetView } from './views.js';

/** Group outcomes the admin API reports with its own code; anything else is a 503 naming it. */
function groupErrorCode(error: GroupError | 'UNKNOWN_TOPIC_OR_PARTITION'): AdminErrorCode {
  switch (error) {
    case 'GROUP_ID_NOT_FOUND': return 'CANOPY_ERR_GROUP_NOT_FOUND';
    case 'NON_EMPTY_GROUP': return 'CANOPY_ERR_GROUP_NOT_EMPTY';
    case 'UNKNOWN_TOPIC_OR_PARTITION': return 'CANOPY_ERR_TOPIC_NOT_FOUND';
    default: return 'CANOPY_ERR_GROUPS_UNAVAILABLE';
  }
}

function failure<T>(error: GroupError | 'UNKNOWN_TOPIC_OR_PARTITION', what: string): AdminResult<T> {
  const hint = error === 'NON_EMPTY_GROUP' ? ' (the group has active members; stop its consumers first)'
    : error === 'UNKNOWN_TOPIC_OR_PARTITION' ? ' (no such topic or partition)' : '';
  return { ok: false, code: groupErrorCode(error), message: `${what}: ${error}${hint}` };
}

/**
 * GroupsView over the groups layer's GroupsService (`broker.groups`): listing, describing with
 * lag, deleting and resetting are the service's; this adapter maps its results and errors to the
 * admin API's shapes and codes, and widens a reset without a topic to every topic the group has
 * committed offsets for.
 */
export function createGroupsView(service: GroupsService): GroupsView {
  return {
    async list() {
      return service.list(null).map((g) => ({
        groupId: g.groupId, state: g.state, protocolType: g.protocolType,
        members: service.describe(g.groupId).group.members.length,
      }));
    },

    async describe(groupId) {
      const view = service.describeWithLag(groupId);
      if (view === null) return undefined;
      return {
        groupId, state: view.state, protocolType: view.protocolType, protocol: view.protocolName,
        members: view.members.map((m) => ({
          memberId: m.memberId, clientId: m.clientId, clientHost: m.clientHost,
          assignments: m.assignment.map((a) => ({ topic: a.topic, partitions: [...a.partitions] })),
        })),
        offsets: view.offsets.map((o) => ({
          topic: o.topic, partition: o.partition, committedOffset: o.committedOffset, highWatermark: o.highWatermark,
          lag: o.lag, memberId: o.memberId,
        })),
      };
    },

    async delete(groupId) {
      const error = await service.deleteGroup(groupId);
      return error === 'NONE' ? { ok: true, value: null } : failure(error, `cannot delete group ${groupId}`);
    },

    async resetOffsets(groupId, request) {
      let topics: string[];
      if (request.topic !== undefined) {
        topics = [request.topic];
      } else {
        topics = [...new Set(service.fetchOffsets(groupId, null).entries.map((e) => e.topic))].sort();
        if (topics.length === 0) {
          return { ok: false, code: 'CANOPY_ERR_GROUP_NOT_FOUND', message: `group ${groupId} has no committed offsets; name a topic to reset` };
        }
      }
      const rows: OffsetResetView[] = [];
      for (const topic of topics) {
        const result: ResetResult = await service.resetOffsets({
          groupId, topic, to: request.target, dryRun: request.dryRun,
          ...(request.partitions === undefined ? {} : { partitions: [...request.partitions] }),
        });
        if (result.error !== 'NONE') return failure(result.error, `cannot reset offsets of group ${groupId} on ${topic}`);
        rows.push(...result.rows);
      }
      return { ok: true, value: rows };
    },
  };
}
