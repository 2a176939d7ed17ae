import type { FastifyInstance } from 'fastify';
import { AdminError } from '../errors.js';
import { commonErrors, errorResponse, groupDescription, groupId, groupSummary, topicName, topicPartitionsMax } from '../schemas.js';
import type { AdminViews, GroupsView, OffsetResetTarget } from '../views.js';
import { unwrap } from './topics.js';

const groupParams = {
  type: 'object', required: ['group'], properties: { group: groupId }, additionalProperties: false,
} as const;

interface GroupParams { group: string }
interface ResetBody {
  to: 'earliest' | 'latest' | 'timestamp' | 'offset';
  timestampMs?: number;
  offset?: number;
  topic?: string;
  partitions?: number[];
  dryRun?: boolean;
}

const unavailable = { 503: errorResponse } as const;

/** The target a reset body names; the schema guarantees the matching number is present. */
function targetOf(body: ResetBody): OffsetResetTarget {
  switch (body.to) {
    case 'earliest': return { kind: 'earliest' };
    case 'latest': return { kind: 'latest' };
    case 'timestamp': return { kind: 'timestamp', timestampMs: body.timestampMs! };
    case 'offset': return { kind: 'offset', offset: body.offset! };
  }
}

/**
 * Consumer groups: list, describe (state, members, assignments, committed offsets and lag per
 * partition), delete, reset offsets (earliest, latest, timestamp, offset; `dryRun` reports without
 * committing). 503 CANOPY_ERR_GROUPS_UNAVAILABLE while no group coordinator runs.
 */
export async function groupRoutes(app: FastifyInstance, opts: { views: AdminViews }): Promise<void> {
  const groupsOr503 = (): GroupsView => {
    if (opts.views.groups === undefined) throw new AdminError('CANOPY_ERR_GROUPS_UNAVAILABLE', 'the group coordinator is not running');
    return opts.views.groups;
  };

  app.get('/v1/groups', {
    schema: {
      summary: 'List consumer groups with state and member count',
      tags: ['groups'],
      response: { 200: { type: 'object', properties: { groups: { type: 'array', items: groupSummary } } }, ...unavailable, ...commonErrors },
    },
  }, async () => {
    const groups = [...await groupsOr503().list()].sort((a, b) => a.groupId.localeCompare(b.groupId));
    return { groups };
  });

  app.get<{ Params: GroupParams }>('/v1/groups/:group', {
    schema: {
      summary: 'Describe a group: state, members, assignments, committed offsets and lag',
      tags: ['groups'], params: groupParams,
      response: { 200: groupDescription, ...unavailable, ...commonErrors },
    },
  }, async (request) => {
    const description = await groupsOr503().describe(request.params.group);
    if (description === undefined) throw new AdminError('CANOPY_ERR_GROUP_NOT_FOUND', `group ${request.params.group} does not exist`, 'params.group');
    const totalLag = description.offsets.reduce((sum, o) => sum + (o.lag ?? 0), 0);
    return { ...description, totalLag };
  });

  app.delete<{ Params: GroupParams }>('/v1/groups/:group', {
    schema: {
      summary: 'Delete an empty group and its committed offsets',
      tags: ['groups'], params: groupParams,
      response: { 200: { type: 'object', properties: { deleted: { type: 'string' } } }, 409: errorResponse, ...unavailable, ...commonErrors },
    },
  }, async (request) => {
    unwrap(await groupsOr503().delete(request.params.group));
    return { deleted: request.params.group };
  });

  app.post<{ Params: GroupParams; Body: ResetBody }>('/v1/groups/:group/offsets/reset', {
    schema: {
      summary: 'Reset committed offsets of a group without members (dryRun: report only)',
      tags: ['groups'], params: groupParams,
      body: {
        type: 'object', required: ['to'], additionalProperties: false,
        properties: {
          to: { type: 'string', enum: ['earliest', 'latest', 'timestamp', 'offset'] },
          timestampMs: { type: 'integer', minimum: 0 },
          offset: { type: 'integer', minimum: 0 },
          topic: topicName,
          partitions: { type: 'array', items: { type: 'integer', minimum: 0 }, maxItems: topicPartitionsMax, minItems: 1 },
          dryRun: { type: 'boolean' },
        },
        // A timestamp reset needs the timestamp, an offset reset the offset; partitions need a topic.
        allOf: [
          { if: { required: ['to'], properties: { to: { const: 'timestamp' } } }, then: { required: ['timestampMs'] } },
          { if: { required: ['to'], properties: { to: { const: 'offset' } } }, then: { required: ['offset'] } },
          { if: { required: ['partitions'] }, then: { required: ['topic'] } },
        ],
      },
      response: {
        200: {
          type: 'object',
          properties: {
            groupId: { type: 'string' },
            dryRun: { type: 'boolean' },
            partitions: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  topic: { type: 'string' }, partition: { type: 'integer' },
                  previousOffset: { type: 'integer', nullable: true }, newOffset: { type: 'integer' },
                },
              },
            },
          },
        },
        409: errorResponse, ...unavailable, ...commonErrors,
      },
    },
  }, async (request) => {
    const body = request.body;
    const dryRun = body.dryRun ?? false;
    const partitions = unwrap(await groupsOr503().resetOffsets(request.params.group, {
      target: targetOf(body), dryRun,
      ...(body.topic === undefined ? {} : { topic: body.topic }),
      ...(body.partitions === undefined ? {} : { partitions: body.partitions }),
    }));
    return { groupId: request.params.group, dryRun, partitions };
  });
}
