import type { FastifyInstance } from 'fastify';
import { AdminError } from '../errors.js';
import {
  commonErrors, configKeysPerRequestMax, configMap, errorResponse, topicDescription, topicName,
  topicPartitionsMax, topicSummary,
} from '../schemas.js';
import type { AdminResult, AdminViews, TopicDescriptionView } from '../views.js';

const topicParams = {
  type: 'object', required: ['topic'], properties: { topic: topicName }, additionalProperties: false,
} as const;

interface TopicParams { topic: string }
interface CreateBody { name: string; partitions?: number; configs?: Record<string, string> }
interface AlterBody { set?: Record<string, string>; delete?: string[] }

/** The value of an AdminResult, or the AdminError the error handler turns into a JSON reply. */
export function unwrap<T>(result: AdminResult<T>): T {
  if (result.ok) return result.value;
  throw new AdminError(result.code, result.message);
}

function summarize(description: TopicDescriptionView) {
  let sizeBytes = 0;
  let messages = 0;
  for (const p of description.partitions) {
    sizeBytes += p.sizeBytes;
    messages += Math.max(0, p.highWatermark - p.logStartOffset);
  }
  return { name: description.name, partitions: description.partitions.length, internal: description.internal, sizeBytes, messages };
}

/**
 * Topics: list, describe (partitions with offsets, sizes and effective configs), create, delete,
 * alter configs. The broker does the work through `TopicsView`; these routes validate and map
 * results to HTTP.
 */
export async function topicRoutes(app: FastifyInstance, opts: { views: AdminViews }): Promise<void> {
  // Views are read per request (never at registration): they may not be attached yet.
  const views = opts.views;
  const describeOr404 = (name: string): TopicDescriptionView => {
    const description = views.topics.describe(name);
    if (description === undefined) throw new AdminError('CANOPY_ERR_TOPIC_NOT_FOUND', `topic ${name} does not exist`, 'params.topic');
    return description;
  };

  app.get('/v1/topics', {
    schema: {
      summary: 'List topics with partition counts, stored bytes and retained messages',
      tags: ['topics'],
      response: { 200: { type: 'object', properties: { topics: { type: 'array', items: topicSummary } } }, ...commonErrors },
    },
  }, async () => {
    const list = [];
    const topics = views.topics;
    for (const t of topics.list()) {
      const description = topics.describe(t.name);
      if (description !== undefined) list.push(summarize(description));
    }
    list.sort((a, b) => a.name.localeCompare(b.name));
    return { topics: list };
  });

  app.get<{ Params: TopicParams }>('/v1/topics/:topic', {
    schema: {
      summary: 'Describe a topic: partitions, offsets, sizes and configs',
      tags: ['topics'], params: topicParams,
      response: { 200: topicDescription, ...commonErrors },
    },
  }, async (request) => describeOr404(request.params.topic));

  app.post<{ Body: CreateBody }>('/v1/topics', {
    schema: {
      summary: 'Create a topic',
      tags: ['topics'],
      body: {
        type: 'object', required: ['name'], additionalProperties: false,
        properties: {
          name: topicName,
          partitions: { type: 'integer', minimum: 1, maximum: topicPartitionsMax },
          configs: configMap,
        },
      },
      response: { 201: topicDescription, 409: errorResponse, ...commonErrors },
    },
  }, async (request, reply) => {
    const { name, partitions, configs } = request.body;
    const created = unwrap(await views.topics.create({
      name, configs: configs ?? {}, ...(partitions === undefined ? {} : { partitions }),
    }));
    return reply.code(201).send(created);
  });

  app.delete<{ Params: TopicParams }>('/v1/topics/:topic', {
    schema: {
      summary: 'Delete a topic and its data',
      tags: ['topics'], params: topicParams,
      response: { 200: { type: 'object', properties: { deleted: { type: 'string' } } }, ...commonErrors },
    },
  }, async (request) => {
    unwrap(await views.topics.delete(request.params.topic));
    return { deleted: request.params.topic };
  });

  app.post<{ Params: TopicParams; Body: { count: number } }>('/v1/topics/:topic/partitions', {
    schema: {
      summary: 'Grow a topic to `count` partitions in total (partitions are only ever added)',
      tags: ['topics'], params: topicParams,
      body: {
        type: 'object', required: ['count'], additionalProperties: false,
        properties: { count: { type: 'integer', minimum: 1, maximum: topicPartitionsMax } },
      },
      response: { 200: topicDescription, ...commonErrors },
    },
  }, async (request) => {
    describeOr404(request.params.topic);
    return unwrap(await views.topics.addPartitions(request.params.topic, request.body.count));
  });

  app.patch<{ Params: TopicParams; Body: AlterBody }>('/v1/topics/:topic/configs', {
    schema: {
      summary: 'Set and remove topic configs (removed keys fall back to the broker default)',
      tags: ['topics'], params: topicParams,
      body: {
        type: 'object', additionalProperties: false, minProperties: 1,
        properties: {
          set: configMap,
          delete: { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: configKeysPerRequestMax },
        },
      },
      response: {
        200: { type: 'object', properties: { name: { type: 'string' }, configs: { type: 'object', additionalProperties: { type: 'string' } } } },
        ...commonErrors,
      },
    },
  }, async (request) => {
    const { topic } = request.params;
    describeOr404(topic);
    const configs = unwrap(await views.topics.alterConfigs(topic, request.body.set ?? {}, request.body.delete ?? []));
    return { name: topic, configs };
  });
}
