import fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { Registry } from 'prom-client';
import type { Logger } from 'pino';
import { AdminError, adminErrors, errorBody, type AdminErrorCode } from './errors.js';
import type { AdminViews } from './views.js';
import type { HostCheck } from './allowed-hosts.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoutes } from './routes/metrics.js';
import { clusterRoutes } from './routes/cluster.js';
import { topicRoutes } from './routes/topics.js';
import { groupRoutes } from './routes/groups.js';
import { openapiRoutes } from './routes/openapi.js';

/** Largest admin request body; the biggest legitimate one is a topic with its configs. */
export const adminBodyBytesMax = 256 * 1024;

export interface AdminAppOptions {
  readonly views: AdminViews;
  /** Version shown in the OpenAPI document (the views may not be readable yet at build time). */
  readonly version: string;
  /** The node's metrics registry, exposed at /metrics. */
  readonly registry: Registry;
  /** Broker logger (child `admin` is used); absent = fastify logging off (tests). */
  readonly logger?: Logger;
  /** Requests whose Host header it refuses get 403 CANOPY_ERR_HOST_NOT_ALLOWED; absent = no check (inject tests). */
  readonly hostCheck?: HostCheck;
}

/**
 * Builds the admin HTTP app, not listening: the caller (`startAdminServer`, or a test) decides
 * where it listens. Registration order matters: swagger first, so it sees every route, then the
 * routes; `ready()` freezes the set.
 */
export async function buildAdminApp(options: AdminAppOptions): Promise<FastifyInstance> {
  const app = fastify({
    loggerInstance: options.logger?.child({ module: 'admin' }),
    // Scrapes and health probes arrive every few seconds; per-request log lines would drown the log.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: adminBodyBytesMax,
    // Reject instead of silently dropping unknown fields, and do not coerce JSON types: a
    // `"partitions": "3"` typo must be a 400 naming the field, not a guess.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  }) as unknown as FastifyInstance;
  // JSON only: a text/plain body would otherwise reach validation as a string.
  app.removeContentTypeParser('text/plain');
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Canopy admin API', version: options.version,
        description: 'Health, readiness, metrics and JSON resources of one Canopy node.' },
    },
  });
  app.setErrorHandler((error: FastifyError | AdminError, request, reply) => {
    if (error instanceof AdminError) {
      return reply.code(error.statusCode).send(errorBody(error.code, error.message, error.field));
    }
    if (error.validation !== undefined) {
      const { field, message } = describeValidation(error);
      return reply.code(400).send(errorBody('CANOPY_ERR_INVALID_REQUEST', message, field));
    }
    const code = codeForFastifyError(error);
    if (code === 'CANOPY_ERR_INTERNAL') request.log.error({ err: error }, 'admin request failed');
    return reply.code(adminErrors[code].status).send(errorBody(code, code === 'CANOPY_ERR_INTERNAL' ? 'internal error' : error.message));
  });
  const hostCheck = options.hostCheck;
  if (hostCheck !== undefined) {
    // First hook, so a refused request reaches no route (a DNS-rebinding page must not DELETE).
    app.addHook('onRequest', async (request, reply) => {
      if (hostCheck(request.headers.host)) return;
      return reply.code(403).send(errorBody('CANOPY_ERR_HOST_NOT_ALLOWED',
        `Host ${JSON.stringify(request.headers.host ?? null)} is not an address of this admin listener; add the name to adminAllowedHosts (CANOPY_ADMIN_ALLOWED_HOSTS) to allow it`));
    });
  }
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(errorBody('CANOPY_ERR_ROUTE_NOT_FOUND', `no route ${request.method} ${request.url}`));
  });
  await app.register(healthRoutes, { views: options.views });
  await app.register(metricsRoutes, { registry: options.registry });
  await app.register(clusterRoutes, { views: options.views });
  await app.register(topicRoutes, { views: options.views });
  await app.register(groupRoutes, { views: options.views });
  await app.register(openapiRoutes);
  await app.ready();
  return app;
}

function codeForFastifyError(error: FastifyError): AdminErrorCode {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': return 'CANOPY_ERR_PAYLOAD_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return 'CANOPY_ERR_UNSUPPORTED_MEDIA_TYPE';
    default:
      return error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500
        ? 'CANOPY_ERR_INVALID_REQUEST' : 'CANOPY_ERR_INTERNAL';
  }
}

/**
 * Turns ajv's first error into a field path a person can act on: `body.partitions`,
 * `params.topic`, `body.configs.retention.ms`. ajv reports a missing or extra property on the
 * parent object, so the property name is appended from the error's params.
 */
function describeValidation(error: FastifyError): { field: string; message: string } {
  const first = error.validation![0]!;
  const context = error.validationContext ?? 'body';
  const segments = first.instancePath.split('/').filter((s) => s !== '');
  const params = first.params as { missingProperty?: string; additionalProperty?: string };
  if (params.missingProperty !== undefined) segments.push(params.missingProperty);
  if (params.additionalProperty !== undefined) segments.push(params.additionalProperty);
  const field = [context, ...segments].join('.');
  let what = first.message ?? 'is invalid';
  if (params.additionalProperty !== undefined) what = 'is not a known field';
  if (params.missingProperty !== undefined) what = 'is required';
  return { field, message: `${field} ${what}` };
}
