import { ApiKey, ZERO_UUID } from '../protocol/generated/index.js';
import { clusterBrokers } from './cluster-brokers.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readMetadataRequest, type MetadataRequest } from '../protocol/generated/metadata-request.js';
import { writeMetadataResponse, type MetadataResponse, type MetadataResponseTopics } from '../protocol/generated/metadata-response.js';
import type { TopicInfo } from '../cluster/topic-store.js';
import type { Broker } from './broker.js';
import type { ApiHandler } from './handler.js';
import { topicOrAutoCreate } from './auto-create.js';
import { kafkaErrorOf } from './errors.js';

/**
 * Metadata (key 3), v0–12. One broker (this node), which is also the controller (kafkajs and
 * kafka-python send CreateTopics to controller_id). Successful topics carry no partition errors:
 * kafkajs rejects the whole response when any code is non-zero (PROTOCOL.md §5.9).
 *
 * leader_epoch is reported as -1 (unknown): with an epoch ≥ 0 librdkafka ≥2.1 and Java start
 * validating positions with OffsetForLeaderEpoch and current_leader_epoch, which single-node
 * Canopy does not need. Switch to the partition's epoch once OffsetForLeaderEpoch is served.
 */
export const METADATA_LEADER_EPOCH = -1;
/** Kafka's "authorized operations not requested/unknown" value (INT32_MIN). */
const AUTHORIZED_OPERATIONS_OMITTED = -2147483648;

export function topicMetadata(broker: Broker, topic: TopicInfo): MetadataResponseTopics {
  const nodeId = broker.nodeId;
  return {
    errorCode: ErrorCode.NONE,
    name: topic.name,
    topicId: topic.id,
    isInternal: topic.internal,
    partitions: Array.from({ length: topic.partitionCount }, (_, index) => {
      // An offline partition (damaged journal) has no leader, as in Kafka, but no error code:
      // kafkajs would reject the whole topic. Clients skip it; requests to it get KAFKA_STORAGE_ERROR.
      const offline = broker.partitions.offline(topic.name, index) !== undefined;
      return {
        errorCode: ErrorCode.NONE,
        partitionIndex: index,
        leaderId: offline ? -1 : nodeId,
        leaderEpoch: METADATA_LEADER_EPOCH,
        replicaNodes: [nodeId],
        isrNodes: offline ? [] : [nodeId],
        offlineReplicas: offline ? [nodeId] : [],
      };
    }),
    topicAuthorizedOperations: AUTHORIZED_OPERATIONS_OMITTED,
  };
}

function topicError(name: string | null, topicId: Buffer, errorCode: number): MetadataResponseTopics {
  return { errorCode, name, topicId, isInternal: false, partitions: [], topicAuthorizedOperations: AUTHORIZED_OPERATIONS_OMITTED };
}

export const metadataHandler: ApiHandler<MetadataRequest, MetadataResponse> = {
  apiKey: ApiKey.Metadata,
  minVersion: 0,
  maxVersion: 12,
  readRequest: readMetadataRequest,
  writeResponse: writeMetadataResponse,

  async handle(request, ctx) {
    const { broker } = ctx;
    const version = ctx.header.apiVersion;
    // v0 has no null: an empty list meant "all topics". v1+: null = all, empty = none.
    const all = request.topics === null || (version === 0 && request.topics.length === 0);
    // v0–3 have no flag and always auto-create, like Kafka.
    const allowCreate = version < 4 ? true : request.allowAutoTopicCreation;
    const topics: MetadataResponseTopics[] = [];
    if (all) {
      for (const t of broker.topics.list()) topics.push(topicMetadata(broker, t));
    } else {
      for (const wanted of request.topics!) {
        if (wanted.name === null || wanted.name === '') {
          const byId = wanted.topicId.equals(ZERO_UUID) ? undefined : broker.topics.getById(wanted.topicId);
          topics.push(byId ? topicMetadata(broker, byId) : topicError(version >= 12 ? null : '', wanted.topicId, ErrorCode.UNKNOWN_TOPIC_ID));
          continue;
        }
        try {
          const topic = await topicOrAutoCreate(broker, wanted.name, allowCreate);
          topics.push(topic ? topicMetadata(broker, topic) : topicError(wanted.name, ZERO_UUID, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION));
        } catch (err) {
          const e = kafkaErrorOf(err);
          if (!e.expected) throw err;
          topics.push(topicError(wanted.name, ZERO_UUID, e.code));
        }
      }
    }
    return {
      throttleTimeMs: 0,
      brokers: clusterBrokers(broker),
      clusterId: broker.clusterId,
      controllerId: broker.nodeId,
      topics,
      clusterAuthorizedOperations: AUTHORIZED_OPERATIONS_OMITTED,
    };
  },
};
