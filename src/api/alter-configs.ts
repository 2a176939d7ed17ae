import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readAlterConfigsRequest, type AlterConfigsRequest, type AlterConfigsRequestAlterConfigsResource } from '../protocol/generated/alter-configs-request.js';
import { writeAlterConfigsResponse, type AlterConfigsResponse, type AlterConfigsResponseAlterConfigsResourceResponse } from '../protocol/generated/alter-configs-response.js';
import type { Broker } from './broker.js';
import type { ApiHandler } from './handler.js';
import { kafkaErrorOf } from './errors.js';
import { ResourceType, clientTopicConfigProblem } from './config-resources.js';

/**
 * AlterConfigs (key 33), v0–2: replaces ALL of a topic's configs with the given set (keys left
 * out return to their defaults), as Kafka's legacy API does. Values are validated (INVALID_CONFIG
 * naming the key; unknown keys and cleanup.policy=compact included), persisted in the topic
 * store, and applied at once to every partition (segment size/age, retention, max.message.bytes,
 * message.timestamp.type). Broker configs are static in Canopy, and internal topics keep the
 * configs the broker gave them: both get INVALID_REQUEST with a message.
 */
type Result = AlterConfigsResponseAlterConfigsResourceResponse;

export function alterResult(resourceType: number, resourceName: string, errorCode: number, errorMessage: string | null): Result {
  return { errorCode, errorMessage, resourceType, resourceName };
}

/** The answer for a non-topic resource of AlterConfigs/IncrementalAlterConfigs, or null for topics. */
export function nonTopicResource(broker: Broker, resourceType: number, resourceName: string): Result | null {
  if (resourceType === ResourceType.TOPIC) return null;
  if (resourceType === ResourceType.BROKER) {
    return alterResult(resourceType, resourceName, ErrorCode.INVALID_REQUEST, `broker configs of node ${broker.nodeId} are static: set them in the config file, CANOPY_* variables or flags and restart`);
  }
  return alterResult(resourceType, resourceName, ErrorCode.INVALID_REQUEST, `resource type ${resourceType} is not supported; use 2 (topic)`);
}

/**
 * Internal topics keep the configs the broker gave them: __consumer_offsets relies on
 * retention.ms=-1, and a replace-all AlterConfigs would silently expire committed offsets.
 */
export function internalTopicRefused(resourceType: number, resourceName: string): Result {
  return alterResult(resourceType, resourceName, ErrorCode.INVALID_REQUEST, `topic "${resourceName}" is internal; its configs are managed by the broker`);
}

async function alterOne(broker: Broker, r: AlterConfigsRequestAlterConfigsResource, validateOnly: boolean): Promise<Result> {
  const other = nonTopicResource(broker, r.resourceType, r.resourceName);
  if (other) return other;
  const topic = broker.topics.get(r.resourceName);
  if (!topic) return alterResult(r.resourceType, r.resourceName, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `topic "${r.resourceName}" does not exist`);
  if (topic.internal) return internalTopicRefused(r.resourceType, r.resourceName);
  const set: Record<string, string> = {};
  for (const c of r.configs) {
    if (Object.hasOwn(set, c.name)) return alterResult(r.resourceType, r.resourceName, ErrorCode.INVALID_REQUEST, `config "${c.name}" appears more than once`);
    if (c.value !== null) set[c.name] = c.value;
  }
  const problem = clientTopicConfigProblem(set, topic.configs);
  if (problem) return alterResult(r.resourceType, r.resourceName, ErrorCode.INVALID_CONFIG, problem);
  try {
    await broker.topics.alterConfigs(topic.name, { set, replaceAll: true, validateOnly });
    return alterResult(r.resourceType, r.resourceName, ErrorCode.NONE, null);
  } catch (err) {
    const e = kafkaErrorOf(err);
    if (!e.expected) throw err;
    return alterResult(r.resourceType, r.resourceName, e.code, e.message);
  }
}

export const alterConfigsHandler: ApiHandler<AlterConfigsRequest, AlterConfigsResponse> = {
  apiKey: ApiKey.AlterConfigs,
  minVersion: 0,
  maxVersion: 2,
  readRequest: readAlterConfigsRequest,
  writeResponse: writeAlterConfigsResponse,

  async handle(request, ctx) {
    const responses: Result[] = [];
    for (const r of request.resources) responses.push(await alterOne(ctx.broker, r, request.validateOnly));
    return { throttleTimeMs: 0, responses };
  },

  errorResponse(request, errorCode) {
    return { throttleTimeMs: 0, responses: request.resources.map((r) => alterResult(r.resourceType, r.resourceName, errorCode, null)) };
  },
};
