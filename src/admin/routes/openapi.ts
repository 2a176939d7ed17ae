import type { FastifyInstance } from 'fastify';

/** `/openapi.json`: the OpenAPI 3 document @fastify/swagger generated from the route schemas. */
export async function openapiRoutes(app: FastifyInstance): Promise<void> {
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
