/**
 * JSON schemas shared by the admin routes. They validate input (fastify + ajv), shape output
 * (fast-json-stringify drops fields not listed, so every response field must be here) and become
 * the OpenAPI document (@fastify/swagger). Inline objects rather than $refs keep the three in step.
 */

/** Kafka's legal topic names: ASCII letters, digits, '.', '_', '-', at most 249 characters. */
export const topicNameMaxChars = 249;
/** Upper bound on partitions per topic accepted by the admin API (a typo guard, not a broker limit). */
export const topicPartitionsMax = 10_000;
/** Upper bound on a group id's length in a URL. */
export const groupIdMaxChars = 255;
/** Upper bound on config keys changed in one alter request. */
export const configKeysPerRequestMax = 100;

export const topicName = {
  type: 'string', minLength: 1, maxLength: topicNameMaxChars, pattern: '^[a-zA-Z0-9._-]+$',
} as const;

export const groupId = { type: 'string', minLength: 1, maxLength: groupIdMaxChars } as const;

export const configMap = {
  type: 'object', additionalProperties: { type: 'string' }, maxProperties: configKeysPerRequestMax,
} as const;

export const errorResponse = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
    },
  },
} as const;

export const hostPort = {
  type: 'object', properties: { host: { type: 'string' }, port: { type: 'integer' } },
} as const;

export const partition = {
  type: 'object',
  properties: {
    partition: { type: 'integer' },
    leader: { type: 'integer' },
    replicas: { type: 'array', items: { type: 'integer' } },
    isr: { type: 'array', items: { type: 'integer' } },
    logStartOffset: { type: 'integer' },
    logEndOffset: { type: 'integer' },
    highWatermark: { type: 'integer' },
    sizeBytes: { type: 'integer' },
    offline: { type: 'string', nullable: true },
  },
} as const;

export const topicDescription = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    internal: { type: 'boolean' },
    partitions: { type: 'array', items: partition },
    configs: { type: 'object', additionalProperties: { type: 'string' } },
    configSources: { type: 'object', additionalProperties: { type: 'string', enum: ['topic', 'broker', 'default'] } },
  },
} as const;

export const topicSummary = {
  type: 'object',
  properties: {
    name: { type: 'string' }, partitions: { type: 'integer' }, internal: { type: 'boolean' },
    sizeBytes: { type: 'integer' }, messages: { type: 'integer' },
  },
} as const;

export const groupSummary = {
  type: 'object',
  properties: {
    groupId: { type: 'string' }, state: { type: 'string' }, protocolType: { type: 'string' },
    members: { type: 'integer' },
  },
} as const;

export const groupDescription = {
  type: 'object',
  properties: {
    groupId: { type: 'string' },
    state: { type: 'string' },
    protocolType: { type: 'string' },
    protocol: { type: 'string' },
    totalLag: { type: 'integer' },
    members: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          memberId: { type: 'string' }, clientId: { type: 'string' }, clientHost: { type: 'string' },
          assignments: {
            type: 'array',
            items: {
              type: 'object',
              properties: { topic: { type: 'string' }, partitions: { type: 'array', items: { type: 'integer' } } },
            },
          },
        },
      },
    },
    offsets: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          topic: { type: 'string' }, partition: { type: 'integer' },
          committedOffset: { type: 'integer', nullable: true }, highWatermark: { type: 'integer', nullable: true },
          lag: { type: 'integer', nullable: true }, memberId: { type: 'string', nullable: true },
        },
      },
    },
  },
} as const;

/** Responses every route can give besides its success: the JSON error body. */
export const commonErrors = { 400: errorResponse, 404: errorResponse, 500: errorResponse } as const;
