/**
 * Issue #9 item 11: the admin API (no authentication yet) answers only requests whose Host header
 * is an address of its listener, localhost on loopback, or a configured name, so a DNS-rebinding
 * page in a browser cannot reach it, e.g. to DELETE a topic. Against a real broker process.
 */
import t from 'tap';
import { request } from 'node:http';
import { spawnBroker } from '../helpers/spawn-broker.js';

interface Reply { status: number; body: any }

/** An HTTP request with a Host header of our choosing (fetch does not let us set it). */
function withHost(port: number, method: string, path: string, host: string, body?: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request({
      host: '127.0.0.1', port, method, path, timeout: 10_000,
      headers: { host, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => { text += chunk.toString(); });
      res.on('end', () => resolve({ status: res.statusCode!, body: text.startsWith('{') ? JSON.parse(text) : text }));
    });
    req.on('timeout', () => req.destroy(new Error('admin request timed out')));
    req.on('error', reject);
    req.end(payload);
  });
}

t.test('a foreign Host is refused before any route runs; the listener\'s own addresses and allowed names are served', async (t) => {
  const broker = await spawnBroker(t, { env: { CANOPY_ADMIN_ALLOWED_HOSTS: 'canopy.internal, metrics.example:8080' } });
  const port = broker.adminPort!;
  const created = await withHost(port, 'POST', '/v1/topics', `127.0.0.1:${port}`, { name: 'kept', partitions: 1 });
  t.equal(created.status, 201, 'the listener address with its port is served');

  const rebinding = await withHost(port, 'DELETE', '/v1/topics/kept', `evil.example:${port}`);
  t.equal(rebinding.status, 403);
  t.equal(rebinding.body.error.code, 'CANOPY_ERR_HOST_NOT_ALLOWED');
  t.match(rebinding.body.error.message, /evil\.example.*adminAllowedHosts/);
  const topic = await withHost(port, 'GET', '/v1/topics/kept', `localhost:${port}`);
  t.equal(topic.status, 200, 'the topic survived the refused DELETE (and localhost is served on loopback)');

  for (const host of [`evil.example`, `127.0.0.2:${port}`, `127.0.0.1:${port + 1}`, `metrics.example:${port}`, `localhost.evil.example:${port}`]) {
    const res = await withHost(port, 'GET', '/healthz', host);
    t.equal(res.status, 403, `Host ${host} is refused`);
  }
  for (const host of [`canopy.internal:${port}`, 'canopy.internal', 'CANOPY.internal.', 'metrics.example:8080']) {
    const res = await withHost(port, 'GET', '/metrics', host);
    t.equal(res.status, 200, `Host ${host} (configured) is served`);
  }
});
