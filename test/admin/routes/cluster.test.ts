import t from 'tap';
import { startAdminNode, http } from '../../helpers/admin-node.js';

t.test('/v1/node describes this node', async (t) => {
  const node = await startAdminNode(t);
  const res = await http(node.baseUrl, 'GET', '/v1/node');
  t.equal(res.status, 200);
  t.match(res.body, {
    nodeId: 1, clusterId: 'admin-test-cluster', version: '0.0.0-test', advertised: { host: '127.0.0.1', port: 9092 },
    dataDir: node.dataDir, ready: true, checks: { journalRecovered: true, kafkaListening: true },
  });
  t.ok(res.body.uptimeSeconds >= 0);
});

t.test('/v1/cluster counts topics, partitions and stored bytes', async (t) => {
  const node = await startAdminNode(t);
  await node.broker.topics.create('a', { partitions: 3 });
  await node.broker.topics.create('b', { partitions: 2 });
  const res = await http(node.baseUrl, 'GET', '/v1/cluster');
  t.equal(res.status, 200);
  t.match(res.body, { clusterId: 'admin-test-cluster', controllerId: 1, topics: 2, partitions: 5 });
  t.equal(res.body.nodes.length, 1);
  t.equal(res.body.nodes[0].nodeId, 1);
  t.equal(typeof res.body.sizeBytes, 'number');
});
