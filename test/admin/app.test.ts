import t from 'tap';
import { startAdminNode, http } from '../helpers/admin-node.js';

t.test('unknown paths get a JSON 404 with a stable code', async (t) => {
  const node = await startAdminNode(t);
  const res = await http(node.baseUrl, 'GET', '/v1/nope');
  t.equal(res.status, 404);
  t.equal(res.body.error.code, 'CANOPY_ERR_ROUTE_NOT_FOUND');
  t.match(res.body.error.message, /GET \/v1\/nope/);
});

t.test('validation errors name the field (inject)', async (t) => {
  const node = await startAdminNode(t);
  const cases: Array<{ payload: unknown; field: string }> = [
    { payload: {}, field: 'body.name' },
    { payload: { name: 'ok', partitions: '3' }, field: 'body.partitions' },
    { payload: { name: 'ok', partitions: 0 }, field: 'body.partitions' },
    { payload: { name: 'bad name!' }, field: 'body.name' },
    { payload: { name: 'ok', colour: 'red' }, field: 'body.colour' },
    { payload: { name: 'ok', configs: { 'retention.ms': 5 } }, field: 'body.configs.retention.ms' },
  ];
  for (const c of cases) {
    const res = await node.app.inject({ method: 'POST', url: '/v1/topics', payload: c.payload as object });
    t.equal(res.statusCode, 400, JSON.stringify(c.payload));
    const body = res.json();
    t.equal(body.error.code, 'CANOPY_ERR_INVALID_REQUEST');
    t.equal(body.error.field, c.field, `field for ${JSON.stringify(c.payload)}`);
    t.match(body.error.message, c.field);
  }
});

t.test('a body that is not JSON gets 415, a malformed one 400, an oversized one 413', async (t) => {
  const node = await startAdminNode(t);
  const text = await node.app.inject({ method: 'POST', url: '/v1/topics', payload: 'name=x', headers: { 'content-type': 'text/plain' } });
  t.equal(text.statusCode, 415);
  t.equal(text.json().error.code, 'CANOPY_ERR_UNSUPPORTED_MEDIA_TYPE');
  const broken = await node.app.inject({ method: 'POST', url: '/v1/topics', payload: '{"name":', headers: { 'content-type': 'application/json' } });
  t.equal(broken.statusCode, 400);
  t.equal(broken.json().error.code, 'CANOPY_ERR_INVALID_REQUEST');
  const huge = await node.app.inject({
    method: 'POST', url: '/v1/topics', headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ name: 'x', pad: 'y'.repeat(300 * 1024) }),
  });
  t.equal(huge.statusCode, 413);
  t.equal(huge.json().error.code, 'CANOPY_ERR_PAYLOAD_TOO_LARGE');
});

t.test('the OpenAPI document lists every route with its schemas', async (t) => {
  const node = await startAdminNode(t);
  const res = await http(node.baseUrl, 'GET', '/openapi.json');
  t.equal(res.status, 200);
  t.equal(res.body.openapi, '3.0.3');
  const paths = res.body.paths as Record<string, Record<string, any>>;
  const expected: Array<[string, string]> = [
    ['/healthz', 'get'], ['/readyz', 'get'], ['/metrics', 'get'], ['/v1/node', 'get'], ['/v1/cluster', 'get'],
    ['/v1/topics', 'get'], ['/v1/topics', 'post'], ['/v1/topics/{topic}', 'get'], ['/v1/topics/{topic}', 'delete'],
    ['/v1/topics/{topic}/configs', 'patch'], ['/v1/groups', 'get'], ['/v1/groups/{group}', 'get'],
    ['/v1/groups/{group}', 'delete'], ['/v1/groups/{group}/offsets/reset', 'post'],
  ];
  for (const [path, method] of expected) {
    t.ok(paths[path]?.[method], `${method.toUpperCase()} ${path} documented`);
    t.ok(paths[path]?.[method]?.responses?.['200'] ?? paths[path]?.[method]?.responses?.['201'], `${method} ${path} has a success response schema`);
  }
  t.ok(paths['/v1/topics']!.post.requestBody.content['application/json'].schema.properties.partitions, 'request body schema present');
  t.notOk(paths['/openapi.json'], 'the document itself is hidden');
});
