import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readCreatePartitionsRequest, type CreatePartitionsRequest, type CreatePartitionsRequestCreatePartitionsTopic } from '../protocol/generated/create-partitions-request.js';
import { writeCreatePartitionsResponse, type CreatePartitionsResponse, type CreatePartitionsResponseCreatePartitionsTopicResult } from '../protocol/generated/create-partitions-response.js';
import type { Broker } from './broker.js';
import type { ApiHandler } from './handler.js';
import { kafkaErrorOf } from './errors.js';

/**
 * CreatePartitions (key 37), v0–3: grows a topic to `count` partitions (the new total; it only
 * increases: INVALID_PARTITIONS with a message otherwise). Assignments, when given, must list one
 * entry per new partition naming only this node. Internal topics are refused: the group
 * coordinator maps groups to __consumer_offsets partitions by their count. validate_only checks
 * and changes nothing.
 */
type Result = CreatePartitionsResponseCreatePartitionsTopicResult;

function result(name: string, errorCode: number, errorMessage: string | null): Result {
  return { name, errorCode, errorMessage };
}

async function growOne(broker: Broker, t: CreatePartitionsRequestCreatePartitionsTopic, validateOnly: boolean): Promise<Result> {
  const topic = broker.topics.get(t.name);
  if (!topic) return result(t.name, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `topic "${t.name}" does not exist`);
  if (topic.internal) return result(t.name, ErrorCode.INVALID_REQUEST, `topic "${t.name}" is internal; its partition count cannot change`);
  if (t.assignments !== null) {
    const added = t.count - topic.partitionCount;
    if (t.assignments.length !== added) return result(t.name, ErrorCode.INVALID_REPLICA_ASSIGNMENT, `${t.assignments.length} assignments given for ${Math.max(added, 0)} new partitions`);
    const bad = t.assignments.find((a) => a.brokerIds.length !== 1 || a.brokerIds[0] !== broker.nodeId);
    if (bad) return result(t.name, ErrorCode.INVALID_REPLICA_ASSIGNMENT, `replicas [${bad.brokerIds.join(', ')}] must be exactly this node [${broker.nodeId}]`);
  }
  try {
    await broker.topics.addPartitions(t.name, t.count, { validateOnly });
    return result(t.name, ErrorCode.NONE, null);
  } catch (err) {
    const e = kafkaErrorOf(err);
    if (!e.expected) throw err;
    return result(t.name, e.code, e.message);
  }
}

export const createPartitionsHandler: ApiHandler<CreatePartitionsRequest, CreatePartitionsResponse> = {
  apiKey: ApiKey.CreatePartitions,
  minVersion: 0,
  maxVersion: 3,
  readRequest: readCreatePartitionsRequest,
  writeResponse: writeCreatePartitionsResponse,

  async handle(request, ctx) {
    const seen = new Map<string, number>();
    for (const t of request.topics) seen.set(t.name, (seen.get(t.name) ?? 0) + 1);
    const results: Result[] = [];
    for (const t of request.topics) {
      if (seen.get(t.name)! > 1) results.push(result(t.name, ErrorCode.INVALID_REQUEST, `topic "${t.name}" appears more than once in the request`));
      else results.push(await growOne(ctx.broker, t, request.validateOnly));
    }
    return { throttleTimeMs: 0, results };
  },

  errorResponse(request, errorCode) {
    return { throttleTimeMs: 0, results: request.topics.map((t) => result(t.name, errorCode, null)) };
  },
};
