import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

/** `/metrics`: the node's registry in Prometheus text format (scraped by Prometheus). */
export async function metricsRoutes(app: FastifyInstance, opts: { registry: Registry }): Promise<void> {
  app.get('/metrics', {
    schema: {
      summary: 'Prometheus metrics of this node (text exposition format)',
      tags: ['health'],
      produces: ['text/plain'],
      response: { 200: { type: 'string' } },
    },
  }, async (_request, reply) => {
    const text = await opts.registry.metrics();
    return reply.type(opts.registry.contentType).send(text);
  });
}
