import { ApiKey, ZERO_UUID } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readDeleteTopicsRequest, type DeleteTopicsRequest } from '../protocol/generated/delete-topics-request.js';
import { writeDeleteTopicsResponse, type DeleteTopicsResponse, type DeleteTopicsResponseDeletableTopicResult } from '../protocol/generated/delete-topics-response.js';
import type { Broker } from './broker.js';
import type { TopicInfo } from '../cluster/topic-store.js';
import type { ApiHandler } from './handler.js';
import { kafkaErrorOf } from './errors.js';

/**
 * DeleteTopics (key 20), v0–6; v6 names a topic by name or by id. Internal topics
 * (__consumer_offsets) are refused with INVALID_REQUEST and a message: deleting them would lose
 * every group's committed offsets. Unknown names get UNKNOWN_TOPIC_OR_PARTITION, unknown ids
 * UNKNOWN_TOPIC_ID. The topic's partitions and files are gone when the answer is sent.
 */
type Result = DeleteTopicsResponseDeletableTopicResult;

function result(name: string | null, topicId: Buffer, errorCode: number, errorMessage: string | null): Result {
  return { name, topicId, errorCode, errorMessage };
}

async function deleteOne(broker: Broker, name: string | null, topicId: Buffer): Promise<Result> {
  const byId = name === null;
  if (!byId && !topicId.equals(ZERO_UUID)) return result(name, topicId, ErrorCode.INVALID_REQUEST, 'give a topic name or a topic id, not both');
  let topic: TopicInfo | undefined;
  if (byId) {
    topic = topicId.equals(ZERO_UUID) ? undefined : broker.topics.getById(topicId);
    if (!topic) return result(null, topicId, ErrorCode.UNKNOWN_TOPIC_ID, `no topic has id ${topicId.toString('hex')}`);
  } else {
    topic = broker.topics.get(name);
    if (!topic) return result(name, ZERO_UUID, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `topic "${name}" does not exist`);
  }
  if (topic.internal) return result(topic.name, topic.id, ErrorCode.INVALID_REQUEST, `topic "${topic.name}" is internal and cannot be deleted`);
  try {
    await broker.topics.delete(topic.name);
    return result(topic.name, topic.id, ErrorCode.NONE, null);
  } catch (err) {
    const e = kafkaErrorOf(err);
    if (!e.expected) throw err;
    return result(topic.name, topic.id, e.code, e.message);
  }
}

export const deleteTopicsHandler: ApiHandler<DeleteTopicsRequest, DeleteTopicsResponse> = {
  apiKey: ApiKey.DeleteTopics,
  minVersion: 0,
  maxVersion: 6,
  readRequest: readDeleteTopicsRequest,
  writeResponse: writeDeleteTopicsResponse,

  async handle(request, ctx) {
    const targets = ctx.header.apiVersion >= 6
      ? request.topics.map((t) => ({ name: t.name, topicId: t.topicId }))
      : request.topicNames.map((name) => ({ name: name as string | null, topicId: ZERO_UUID }));
    const responses: Result[] = [];
    for (const t of targets) responses.push(await deleteOne(ctx.broker, t.name, t.topicId));
    return { throttleTimeMs: 0, responses };
  },

  errorResponse(request, errorCode, version) {
    const targets = version >= 6 ? request.topics.map((t) => ({ name: t.name, topicId: t.topicId })) : request.topicNames.map((name) => ({ name, topicId: ZERO_UUID }));
    return { throttleTimeMs: 0, responses: targets.map((t) => result(t.name, t.topicId, errorCode, null)) };
  },
};
