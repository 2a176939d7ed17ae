import type { FastifyInstance } from 'fastify';
import { errorResponse } from '../schemas.js';
import { errorBody } from '../errors.js';
import type { AdminViews } from '../views.js';

const checksSchema = { type: 'object', additionalProperties: { type: 'boolean' } } as const;

/**
 * `/healthz`: the process answers (liveness; restart when it stops). `/readyz`: the node serves
 * clients — journal recovered and the Kafka listener accepting (the Docker HEALTHCHECK and load
 * balancers use this one). 503 with the failing checks otherwise.
 */
export async function healthRoutes(app: FastifyInstance, opts: { views: AdminViews }): Promise<void> {
  app.get('/healthz', {
    schema: {
      summary: 'Liveness: the process is up and its event loop answers',
      tags: ['health'],
      response: { 200: { type: 'object', properties: { status: { type: 'string' } } } },
    },
  }, async () => ({ status: 'ok' }));

  app.get('/readyz', {
    schema: {
      summary: 'Readiness: journal recovered and Kafka listener accepting',
      tags: ['health'],
      response: {
        200: { type: 'object', properties: { ready: { type: 'boolean' }, checks: checksSchema } },
        503: { type: 'object', properties: { ...errorResponse.properties, checks: checksSchema } },
      },
    },
  }, async (_request, reply) => {
    const report = opts.views.node.readiness();
    if (report.ready) return { ready: true, checks: report.checks };
    const pending = Object.entries(report.checks).filter(([, ok]) => !ok).map(([name]) => name);
    return reply.code(503).send({
      ...errorBody('CANOPY_ERR_NOT_READY', `not ready: ${pending.join(', ') || 'starting'}`),
      checks: report.checks,
    });
  });
}
