import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readOffsetFetchRequest, type OffsetFetchRequest } from '../protocol/generated/offset-fetch-request.js';
import { writeOffsetFetchResponse, type OffsetFetchResponse, type OffsetFetchResponseTopic } from '../protocol/generated/offset-fetch-response.js';
import type { GroupsService } from '../groups/service.js';
import type { GroupError } from '../groups/errors.js';
import type { ApiHandler } from './handler.js';
import { groupErrorCode, groupsOf } from './group-errors.js';

/** v2+ have a top-level error code and accept null topics (= every committed partition). */
const TOP_LEVEL_ERROR_MIN_VERSION = 2;
/** v8+ ask about several groups at once (KIP-709). */
const MULTI_GROUP_MIN_VERSION = 8;
/** Offset reported for a partition with nothing committed. */
const NO_OFFSET = -1;

interface GroupAnswer {
  error: GroupError;
  topics: OffsetFetchResponseTopic[];
}

/**
 * The committed offsets of one group: every requested partition (NO_OFFSET where nothing is
 * committed), or every committed partition when topics is null.
 */
function fetchGroup(groups: GroupsService, groupId: string, topics: { name: string; partitionIndexes: number[] }[] | null): GroupAnswer {
  const { error, entries } = groups.fetchOffsets(groupId, topics === null ? null : topics.map((t) => t.name));
  if (error !== 'NONE') return { error, topics: [] };
  const row = (partitionIndex: number, e: (typeof entries)[number] | undefined) => ({
    partitionIndex,
    committedOffset: e?.offset ?? NO_OFFSET,
    committedLeaderEpoch: e?.leaderEpoch ?? -1,
    metadata: e?.metadata ?? '',
    errorCode: ErrorCode.NONE,
  });
  if (topics === null) {
    const byTopic = new Map<string, OffsetFetchResponseTopic>();
    for (const e of entries) {
      let t = byTopic.get(e.topic);
      if (t === undefined) byTopic.set(e.topic, (t = { name: e.topic, partitions: [] }));
      t.partitions.push(row(e.partition, e));
    }
    return { error: 'NONE', topics: [...byTopic.values()] };
  }
  const index = new Map(entries.map((e) => [`${e.topic}\u0000${e.partition}`, e]));
  return {
    error: 'NONE',
    topics: topics.map((t) => ({ name: t.name, partitions: t.partitionIndexes.map((p) => row(p, index.get(`${t.name}\u0000${p}`))) })),
  };
}

/**
 * OffsetFetch (key 9), v0–9. v0 reads from ZooKeeper in old Kafka; here, as in Kafka 3.x, it is
 * v1 (the offsets topic). v0–1: a coordinator error is reported in every partition; v2–7: at the
 * top level; v8+: per group in `groups`. require_stable (v7+) needs nothing extra: without
 * transactions no offset is ever pending.
 */
export const offsetFetchHandler: ApiHandler<OffsetFetchRequest, OffsetFetchResponse> = {
  apiKey: ApiKey.OffsetFetch,
  minVersion: 0,
  maxVersion: 9,
  readRequest: readOffsetFetchRequest,
  writeResponse: writeOffsetFetchResponse,

  async handle(request, ctx) {
    const version = ctx.header.apiVersion;
    const groups = groupsOf(ctx);
    const answer = (groupId: string, topics: { name: string; partitionIndexes: number[] }[] | null): GroupAnswer =>
      groups === null ? { error: 'COORDINATOR_NOT_AVAILABLE', topics: [] } : fetchGroup(groups, groupId, topics);

    if (version >= MULTI_GROUP_MIN_VERSION) {
      return {
        throttleTimeMs: 0, topics: [], errorCode: ErrorCode.NONE,
        groups: request.groups.map((g) => {
          const a = answer(g.groupId, g.topics);
          return { groupId: g.groupId, errorCode: groupErrorCode(a.error), topics: a.topics };
        }),
      };
    }
    const topics = version < TOP_LEVEL_ERROR_MIN_VERSION && request.topics === null ? [] : request.topics;
    const a = answer(request.groupId, topics);
    if (version < TOP_LEVEL_ERROR_MIN_VERSION && a.error !== 'NONE') {
      const code = groupErrorCode(a.error);
      return {
        throttleTimeMs: 0, errorCode: ErrorCode.NONE, groups: [],
        topics: (topics ?? []).map((t) => ({
          name: t.name,
          partitions: t.partitionIndexes.map((p) => ({ partitionIndex: p, committedOffset: NO_OFFSET, committedLeaderEpoch: -1, metadata: '', errorCode: code })),
        })),
      };
    }
    return { throttleTimeMs: 0, errorCode: groupErrorCode(a.error), topics: a.topics, groups: [] };
  },
};
