import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readIncrementalAlterConfigsRequest, type IncrementalAlterConfigsRequest, type IncrementalAlterConfigsRequestAlterConfigsResource } from '../protocol/generated/incremental-alter-configs-request.js';
import { writeIncrementalAlterConfigsResponse, type IncrementalAlterConfigsResponse, type IncrementalAlterConfigsResponseAlterConfigsResourceResponse } from '../protocol/generated/incremental-alter-configs-response.js';
import type { Broker } from './broker.js';
import type { TopicInfo } from '../cluster/topic-store.js';
import { effectiveTopicConfig } from '../cluster/topic-config.js';
import type { ApiHandler } from './handler.js';
import { kafkaErrorOf } from './errors.js';
import { clientTopicConfigProblem, isTopicConfig, topicConfigType } from './config-resources.js';
import { alterResult, internalTopicRefused, nonTopicResource } from './alter-configs.js';

/**
 * IncrementalAlterConfigs (key 44), v0–1: per-key operations on a topic's configs. SET writes a
 * value, DELETE returns the key to its default, APPEND/SUBTRACT add or remove items of a list
 * config (cleanup.policy), starting from its effective value. Validation, persistence and
 * application are those of AlterConfigs (alter-configs.ts).
 */
export const ConfigOperation = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;

type Result = IncrementalAlterConfigsResponseAlterConfigsResourceResponse;

function listItems(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** The set/remove change the operations describe, or an error result. */
function changeOf(broker: Broker, topic: TopicInfo, r: IncrementalAlterConfigsRequestAlterConfigsResource): { set: Record<string, string>; remove: string[] } | Result {
  const fail = (code: number, message: string): Result => alterResult(r.resourceType, r.resourceName, code, message);
  const set: Record<string, string> = {};
  const remove: string[] = [];
  const seen = new Set<string>();
  for (const c of r.configs) {
    if (seen.has(c.name)) return fail(ErrorCode.INVALID_REQUEST, `config "${c.name}" appears more than once`);
    seen.add(c.name);
    if (!isTopicConfig(c.name)) return fail(ErrorCode.INVALID_CONFIG, `${c.name}: unknown topic config`);
    switch (c.configOperation) {
      case ConfigOperation.SET:
        if (c.value === null) return fail(ErrorCode.INVALID_CONFIG, `${c.name}: SET needs a value`);
        set[c.name] = c.value;
        break;
      case ConfigOperation.DELETE:
        remove.push(c.name);
        break;
      case ConfigOperation.APPEND:
      case ConfigOperation.SUBTRACT: {
        if (topicConfigType(c.name) !== 'list') return fail(ErrorCode.INVALID_CONFIG, `${c.name}: ${c.configOperation === ConfigOperation.APPEND ? 'APPEND' : 'SUBTRACT'} applies only to list configs`);
        const current = listItems(effectiveTopicConfig(c.name, topic.configs, broker.config.topicDefaults)!.value);
        const items = listItems(c.value ?? '');
        const next = c.configOperation === ConfigOperation.APPEND
          ? [...current, ...items.filter((i) => !current.includes(i))]
          : current.filter((i) => !items.includes(i));
        set[c.name] = next.join(',');
        break;
      }
      default:
        return fail(ErrorCode.INVALID_REQUEST, `${c.name}: unknown config operation ${c.configOperation}`);
    }
  }
  return { set, remove };
}

async function alterOne(broker: Broker, r: IncrementalAlterConfigsRequestAlterConfigsResource, validateOnly: boolean): Promise<Result> {
  const other = nonTopicResource(broker, r.resourceType, r.resourceName);
  if (other) return other;
  const topic = broker.topics.get(r.resourceName);
  if (!topic) return alterResult(r.resourceType, r.resourceName, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `topic "${r.resourceName}" does not exist`);
  if (topic.internal) return internalTopicRefused(r.resourceType, r.resourceName);
  const change = changeOf(broker, topic, r);
  if ('errorCode' in change) return change;
  const problem = clientTopicConfigProblem(change.set, topic.configs);
  if (problem) return alterResult(r.resourceType, r.resourceName, ErrorCode.INVALID_CONFIG, problem);
  try {
    await broker.topics.alterConfigs(topic.name, { ...change, validateOnly });
    return alterResult(r.resourceType, r.resourceName, ErrorCode.NONE, null);
  } catch (err) {
    const e = kafkaErrorOf(err);
    if (!e.expected) throw err;
    return alterResult(r.resourceType, r.resourceName, e.code, e.message);
  }
}

export const incrementalAlterConfigsHandler: ApiHandler<IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse> = {
  apiKey: ApiKey.IncrementalAlterConfigs,
  minVersion: 0,
  maxVersion: 1,
  readRequest: readIncrementalAlterConfigsRequest,
  writeResponse: writeIncrementalAlterConfigsResponse,

  async handle(request, ctx) {
    const responses: Result[] = [];
    for (const r of request.resources) responses.push(await alterOne(ctx.broker, r, request.validateOnly));
    return { throttleTimeMs: 0, responses };
  },

  errorResponse(request, errorCode) {
    return { throttleTimeMs: 0, responses: request.resources.map((r) => alterResult(r.resourceType, r.resourceName, errorCode, null)) };
  },
};
