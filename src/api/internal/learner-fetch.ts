/**
 * LearnerFetch (Canopy internal API 30002), served on the internal listener: a learner's long-poll
 * for committed batches from its next offset. Reads go through `Partition.read` (committed only,
 * below the high watermark) and the Fetch long-poll, so nothing above this node's commit leaves;
 * nothing is kept per learner beyond the open request. A topic asked with no partitions (or an
 * empty topic list) is described instead, so a learner can create it with the same partition count
 * and configs.
 */
import type { TopicStore } from '../../cluster/topic-store.js';
import { ErrorCode } from '../../protocol/generated/error-codes.js';
import type { LearnerFetchRequest, LearnerFetchRequestLearnerTopic } from '../../protocol/generated/learner-fetch-request.js';
import type { LearnerFetchResponseInput, LearnerFetchResponseLearnerPartitionDataInput, LearnerFetchResponseLearnerTopicDataInput } from '../../protocol/generated/learner-fetch-response.js';
import type { PartitionDirectory } from '../../replication/partition.js';
import type { EdgeFilterLookup } from '../../tree/upstream-edge-filter.js';
import { readPartitions, type FetchTarget } from '../fetch/read-partitions.js';
import { waitForAnyData } from '../fetch.js';

export interface LearnerFetchSource {
  readonly clusterId: string;
  readonly nodeId: number;
  readonly topics: Pick<TopicStore, 'get' | 'list'>;
  readonly partitions: PartitionDirectory;
  readonly limits: { readonly fetchWaitMsMax: number; readonly fetchResponseBytesMax: number };
  /** Each learner's edge filter (the tree config); undefined for a learner it does not name. */
  readonly edgeFilterFor: EdgeFilterLookup;
}

export async function handleLearnerFetch(source: LearnerFetchSource, request: LearnerFetchRequest, signal: AbortSignal): Promise<LearnerFetchResponseInput> {
  const filter = source.edgeFilterFor(request.learnerName);
  if (filter === undefined) {
    return { errorCode: ErrorCode.UNKNOWN_MEMBER_ID, errorMessage: `learner "${request.learnerName}" is not in this node's tree config`, clusterId: source.clusterId, nodeId: source.nodeId, topics: [] };
  }
  // The edge's topic selection: a learner is told of, and may read, only what its filter selects.
  const listed = source.topics.list().filter((t) => !t.internal && filter.selectsTopic(t.name));
  const asked = request.topics.length > 0 ? request.topics : listed.map((t) => ({ name: t.name, partitions: [] }));
  // Partitions it does not select are left out of the answer (not errors, which would end the long-poll).
  const fetched = asked.map((t) => ({ topic: t, targets: filter.selectsTopic(t.name) ? t.partitions.filter((p) => filter.selectsPartition(p.partitionIndex)).map((p) => targetOf(source, t.name, p)) : [] }));
  const targets = fetched.flatMap((f) => f.targets);
  const maxBytes = Math.min(Math.max(request.maxBytes, 1), source.limits.fetchResponseBytesMax);
  const deadlineMs = Date.now() + Math.min(Math.max(request.maxWaitMs, 0), source.limits.fetchWaitMsMax);
  const diverged = () => targets.some((t) => t.divergence !== null);

  let pass = await readPartitions(targets, maxBytes);
  while (pass.bytes === 0 && !pass.anyError && !diverged() && !signal.aborted && Date.now() < deadlineMs && targets.length > 0) {
    await waitForAnyData(targets, deadlineMs, signal);
    pass = await readPartitions(targets, maxBytes);
  }

  let i = 0;
  const answered = fetched.map(({ topic, targets: ts }) => ({ topic, pairs: ts.map((t) => ({ t, a: pass.answers[i++]! })) }));
  const topics: LearnerFetchResponseLearnerTopicDataInput[] = await Promise.all(answered.map(async ({ topic, pairs }) => {
    const info = filter.selectsTopic(topic.name) ? source.topics.get(topic.name) : undefined;
    return {
      name: topic.name,
      errorCode: info === undefined ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.NONE,
      partitionCount: info?.partitionCount ?? 0,
      configs: Object.entries(info?.configs ?? {}).map(([name, value]) => ({ name, value })),
      partitions: await Promise.all(pairs.map(async ({ t, a }): Promise<LearnerFetchResponseLearnerPartitionDataInput> => {
        const records = t.divergence !== null ? [] : Buffer.isBuffer(a.records) ? [a.records] : (a.records ?? []);
        return {
          partitionIndex: a.partitionIndex,
          errorCode: a.errorCode,
          highWatermark: a.highWatermark,
          logStartOffset: a.logStartOffset,
          divergingEpoch: t.divergence?.epoch ?? -1,
          divergingEndOffset: t.divergence?.endOffset ?? -1,
          records: await filter.apply(records),
        };
      })),
    };
  }));
  return { errorCode: ErrorCode.NONE, errorMessage: null, clusterId: source.clusterId, nodeId: source.nodeId, topics };
}

type LearnerTarget = FetchTarget & { divergence: { epoch: number; endOffset: number } | null };

function targetOf(source: LearnerFetchSource, topic: string, p: LearnerFetchRequestLearnerTopic['partitions'][number]): LearnerTarget {
  const partition = source.partitions.get(topic, p.partitionIndex) ?? null;
  const offline = source.partitions.offlineError(topic, p.partitionIndex);
  // As Kafka's follower fetch: the learner's last epoch ends earlier here (or this node never had
  // it), so what the learner holds past that end is not this log's; it truncates there.
  let divergence: LearnerTarget['divergence'] = null;
  if (partition !== null && p.lastFetchedEpoch >= 0) {
    const end = partition.endOffsetForEpoch(p.lastFetchedEpoch);
    if (end.endOffset < p.fetchOffset || end.epoch < p.lastFetchedEpoch) divergence = end;
  }
  return {
    partitionIndex: p.partitionIndex,
    fetchOffset: p.fetchOffset,
    partitionMaxBytes: Number.MAX_SAFE_INTEGER,
    partition,
    errorCode: offline !== undefined ? ErrorCode.KAFKA_STORAGE_ERROR : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
    seenHighWatermark: partition?.highWatermark ?? -1,
    divergence,
  };
}
