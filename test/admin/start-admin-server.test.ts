import t from 'tap';
import { pino } from 'pino';
import { startAdminServer } from '../../src/admin/start-admin-server.js';
import { createMetrics } from '../../src/metrics/registry.js';
import { startAdminNode, http } from '../helpers/admin-node.js';

t.test('before the broker is attached: alive, not ready, /v1 answers 503; after: serves the broker', async (t) => {
  const metrics = createMetrics({ processMetrics: false });
  t.teardown(() => metrics.stop());
  const checks = { journalRecovered: false, kafkaListening: false };
  const server = await startAdminServer({
    metrics, listen: { host: '127.0.0.1', port: 0 }, allowedHosts: [], version: '9.9.9', startedAtMs: Date.now(), logger: pino({ level: 'silent' }),
    readiness: () => ({ ready: checks.journalRecovered && checks.kafkaListening, checks: { ...checks } }),
  });
  t.teardown(() => server.close());
  t.equal(server.address.host, '127.0.0.1');
  t.ok(server.address.port > 0, 'port 0 resolved to the bound port');
  const base = `http://127.0.0.1:${server.address.port}`;

  t.equal((await http(base, 'GET', '/healthz')).status, 200, 'liveness answers during recovery');
  const readyz = await http(base, 'GET', '/readyz');
  t.equal(readyz.status, 503);
  t.match(readyz.body.error.message, /journalRecovered, kafkaListening/);
  t.equal((await http(base, 'GET', '/metrics')).status, 200);
  for (const path of ['/v1/topics', '/v1/node', '/v1/cluster', '/v1/groups', '/v1/topics/x']) {
    const res = await http(base, 'GET', path);
    t.equal(res.status, 503, path);
    t.equal(res.body.error.code, 'CANOPY_ERR_NOT_READY', path);
  }

  const node = await startAdminNode(t);
  await node.broker.topics.create('attached', { partitions: 1 });
  server.attach(node.broker);
  checks.journalRecovered = true;
  checks.kafkaListening = true;
  t.equal((await http(base, 'GET', '/readyz')).status, 200);
  const topics = await http(base, 'GET', '/v1/topics');
  t.equal(topics.status, 200);
  t.match(topics.body.topics, [{ name: 'attached', partitions: 1 }]);
  const info = await http(base, 'GET', '/v1/node');
  t.match(info.body, { nodeId: 1, version: '9.9.9', ready: true });
  const groups = await http(base, 'GET', '/v1/groups');
  t.equal(groups.status, 503, 'no GroupsService on this broker object');
  t.equal(groups.body.error.code, 'CANOPY_ERR_GROUPS_UNAVAILABLE');
});

t.test('a taken admin port fails with a message naming the setting', async (t) => {
  const metrics = createMetrics({ processMetrics: false });
  t.teardown(() => metrics.stop());
  const options = {
    metrics, allowedHosts: [], version: '0', startedAtMs: Date.now(), logger: pino({ level: 'silent' }),
    readiness: () => ({ ready: false, checks: {} }),
  };
  const first = await startAdminServer({ ...options, listen: { host: '127.0.0.1', port: 0 } });
  t.teardown(() => first.close());
  await t.rejects(startAdminServer({ ...options, listen: { host: '127.0.0.1', port: first.address.port } }),
    { message: new RegExp(`admin listener 127\\.0\\.0\\.1:${first.address.port}: .*EADDRINUSE.*--admin-listen`) });
});
