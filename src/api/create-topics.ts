import { ApiKey, ZERO_UUID } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readCreateTopicsRequest, type CreateTopicsRequest, type CreateTopicsRequestCreatableTopic } from '../protocol/generated/create-topics-request.js';
import { writeCreateTopicsResponse, type CreateTopicsResponse, type CreateTopicsResponseCreatableTopicResult } from '../protocol/generated/create-topics-response.js';
import type { Broker } from './broker.js';
import type { ApiHandler } from './handler.js';
import { kafkaErrorOf } from './errors.js';
import { clientTopicConfigProblem, describeTopicConfigs } from './config-resources.js';

/**
 * CreateTopics (key 19), v0–7. -1 partitions or replication factor means the broker default in
 * every version (kafkajs sends -1 on v0–3, PROTOCOL.md §5.11). A single node holds one replica, so
 * a replication factor above 1 is refused with INVALID_REPLICATION_FACTOR and a message saying so.
 * Manual assignments are accepted when they name only this node. Configs are checked before
 * anything is created (INVALID_CONFIG naming the key); cleanup.policy=compact is refused.
 * validate_only checks everything and creates nothing. v5+ answers with the partition count,
 * replication factor and every config of the (would-be) topic.
 */
export const SINGLE_NODE_REPLICATION_FACTOR = 1;
const DEFAULT_SENTINEL = -1;

type Result = CreateTopicsResponseCreatableTopicResult;

function failure(name: string, errorCode: number, errorMessage: string | null): Result {
  return { name, topicId: ZERO_UUID, errorCode, errorMessage, topicConfigErrorCode: 0, numPartitions: -1, replicationFactor: -1, configs: null };
}

/** Partition count from numPartitions/assignments, or an error result. */
function partitionCount(broker: Broker, t: CreateTopicsRequestCreatableTopic): number | Result {
  if (t.assignments.length > 0) {
    if (t.numPartitions !== DEFAULT_SENTINEL || t.replicationFactor !== DEFAULT_SENTINEL) {
      return failure(t.name, ErrorCode.INVALID_REQUEST, 'both manual partition assignments and numPartitions/replicationFactor were given; set the latter to -1');
    }
    const indexes = t.assignments.map((a) => a.partitionIndex).sort((a, b) => a - b);
    if (indexes.some((p, i) => p !== i)) return failure(t.name, ErrorCode.INVALID_REPLICA_ASSIGNMENT, `partition indexes of the assignments must be 0..${t.assignments.length - 1} once each`);
    const bad = t.assignments.find((a) => a.brokerIds.length !== 1 || a.brokerIds[0] !== broker.nodeId);
    if (bad) return failure(t.name, ErrorCode.INVALID_REPLICA_ASSIGNMENT, `partition ${bad.partitionIndex}: replicas [${bad.brokerIds.join(', ')}] must be exactly this node [${broker.nodeId}]`);
    return t.assignments.length;
  }
  if (t.replicationFactor !== DEFAULT_SENTINEL && t.replicationFactor !== SINGLE_NODE_REPLICATION_FACTOR) {
    const why = t.replicationFactor > SINGLE_NODE_REPLICATION_FACTOR
      ? `replication factor ${t.replicationFactor} is larger than the number of available brokers (1)`
      : `replication factor ${t.replicationFactor} must be at least 1 (or -1 for the default)`;
    return failure(t.name, ErrorCode.INVALID_REPLICATION_FACTOR, why);
  }
  if (t.numPartitions === DEFAULT_SENTINEL) return broker.config.defaultPartitions;
  if (t.numPartitions < 1) return failure(t.name, ErrorCode.INVALID_PARTITIONS, `number of partitions ${t.numPartitions} must be at least 1 (or -1 for the default)`);
  return t.numPartitions;
}

async function createOne(broker: Broker, t: CreateTopicsRequestCreatableTopic, validateOnly: boolean): Promise<Result> {
  try {
    broker.topics.validateName(t.name);
  } catch (err) {
    return failure(t.name, ErrorCode.INVALID_TOPIC_EXCEPTION, (err as Error).message);
  }
  if (broker.topics.get(t.name)) return failure(t.name, ErrorCode.TOPIC_ALREADY_EXISTS, `topic "${t.name}" already exists`);
  const count = partitionCount(broker, t);
  if (typeof count !== 'number') return count;
  const configs: Record<string, string> = {};
  for (const c of t.configs) if (c.value !== null) configs[c.name] = c.value;
  const problem = clientTopicConfigProblem(configs);
  if (problem) return failure(t.name, ErrorCode.INVALID_CONFIG, problem);
  try {
    const topic = await broker.topics.create(t.name, { partitions: count, configs, validateOnly });
    return {
      name: t.name,
      topicId: validateOnly ? ZERO_UUID : topic.id,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      topicConfigErrorCode: 0,
      numPartitions: topic.partitionCount,
      replicationFactor: SINGLE_NODE_REPLICATION_FACTOR,
      configs: describeTopicConfigs(broker, topic, { synonyms: false, documentation: false }).map((c) => ({
        name: c.name, value: c.value, readOnly: c.readOnly, configSource: c.configSource, isSensitive: c.isSensitive,
      })),
    };
  } catch (err) {
    const e = kafkaErrorOf(err);
    if (!e.expected) throw err;
    return failure(t.name, e.code, e.message);
  }
}

export const createTopicsHandler: ApiHandler<CreateTopicsRequest, CreateTopicsResponse> = {
  apiKey: ApiKey.CreateTopics,
  minVersion: 0,
  maxVersion: 7,
  readRequest: readCreateTopicsRequest,
  writeResponse: writeCreateTopicsResponse,

  async handle(request, ctx) {
    const seen = new Map<string, number>();
    for (const t of request.topics) seen.set(t.name, (seen.get(t.name) ?? 0) + 1);
    const topics: Result[] = [];
    for (const t of request.topics) {
      // Kafka refuses every copy of a name given twice in one request.
      if (seen.get(t.name)! > 1) topics.push(failure(t.name, ErrorCode.INVALID_REQUEST, `topic "${t.name}" appears more than once in the request`));
      else topics.push(await createOne(ctx.broker, t, request.validateOnly));
    }
    return { throttleTimeMs: 0, topics };
  },

  errorResponse(request, errorCode) {
    return { throttleTimeMs: 0, topics: request.topics.map((t) => failure(t.name, errorCode, null)) };
  },
};
