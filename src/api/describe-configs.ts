import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readDescribeConfigsRequest, type DescribeConfigsRequest, type DescribeConfigsRequestDescribeConfigsResource } from '../protocol/generated/describe-configs-request.js';
import { writeDescribeConfigsResponse, type DescribeConfigsResponse, type DescribeConfigsResponseDescribeConfigsResult } from '../protocol/generated/describe-configs-response.js';
import type { Broker } from './broker.js';
import type { ApiHandler } from './handler.js';
import { ResourceType, describeBrokerConfigs, describeTopicConfigs, type DescribedConfig } from './config-resources.js';

/**
 * DescribeConfigs (key 32), v0–4. Topic resources (type 2): every supported topic config with
 * its effective value, its source (topic override, broker default from the config file, or
 * Kafka's default) and is_default/read_only flags. Broker resources (type 4, named by this node's
 * id, or "" for the cluster-wide defaults): the broker's effective settings, read-only.
 * configuration_keys filters (unknown keys are left out, as Kafka does); include_synonyms and
 * include_documentation add the synonym chain and the config's documentation.
 */
type Result = DescribeConfigsResponseDescribeConfigsResult;

function failure(r: DescribeConfigsRequestDescribeConfigsResource, errorCode: number, errorMessage: string | null): Result {
  return { errorCode, errorMessage, resourceType: r.resourceType, resourceName: r.resourceName, configs: [] };
}

function describeOne(broker: Broker, r: DescribeConfigsRequestDescribeConfigsResource, synonyms: boolean, documentation: boolean): Result {
  let configs: DescribedConfig[];
  if (r.resourceType === ResourceType.TOPIC) {
    const topic = broker.topics.get(r.resourceName);
    if (!topic) return failure(r, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `topic "${r.resourceName}" does not exist`);
    configs = describeTopicConfigs(broker, topic, { synonyms, documentation });
  } else if (r.resourceType === ResourceType.BROKER) {
    if (r.resourceName !== '' && r.resourceName !== String(broker.nodeId)) {
      return failure(r, ErrorCode.INVALID_REQUEST, `broker "${r.resourceName}" is not this node (${broker.nodeId})`);
    }
    configs = describeBrokerConfigs(broker, { documentation });
  } else {
    return failure(r, ErrorCode.INVALID_REQUEST, `resource type ${r.resourceType} is not supported; use 2 (topic) or 4 (broker)`);
  }
  if (r.configurationKeys !== null) {
    const wanted = new Set(r.configurationKeys);
    configs = configs.filter((c) => wanted.has(c.name));
  }
  return { errorCode: ErrorCode.NONE, errorMessage: null, resourceType: r.resourceType, resourceName: r.resourceName, configs };
}

export const describeConfigsHandler: ApiHandler<DescribeConfigsRequest, DescribeConfigsResponse> = {
  apiKey: ApiKey.DescribeConfigs,
  minVersion: 0,
  maxVersion: 4,
  readRequest: readDescribeConfigsRequest,
  writeResponse: writeDescribeConfigsResponse,

  async handle(request, ctx) {
    const synonyms = ctx.header.apiVersion >= 1 && request.includeSynonyms;
    const documentation = ctx.header.apiVersion >= 3 && request.includeDocumentation;
    return { throttleTimeMs: 0, results: request.resources.map((r) => describeOne(ctx.broker, r, synonyms, documentation)) };
  },

  errorResponse(request, errorCode) {
    return { throttleTimeMs: 0, results: request.resources.map((r) => failure(r, errorCode, null)) };
  },
};
