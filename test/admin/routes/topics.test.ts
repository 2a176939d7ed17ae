import t from 'tap';
import { startAdminNode, http } from '../../helpers/admin-node.js';
import { recordsBatch } from '../../helpers/valid-batches.js';

t.test('create, list, describe, alter configs and delete a topic over HTTP', async (t) => {
  const node = await startAdminNode(t);
  const created = await http(node.baseUrl, 'POST', '/v1/topics', { name: 'orders', partitions: 3, configs: { 'retention.ms': '3600000' } });
  t.equal(created.status, 201);
  t.equal(created.body.name, 'orders');
  t.equal(created.body.partitions.length, 3);
  t.equal(created.body.configs['retention.ms'], '3600000');
  t.equal(created.body.configs['cleanup.policy'], 'delete', 'effective defaults are included');
  t.ok(node.broker.topics.get('orders'), 'the broker\'s topic store has it');

  const batch = recordsBatch(4, Date.now());
  await node.broker.partitions.get('orders', 2)!.append(batch, { acks: 1, timeoutMs: 5000 });

  const described = await http(node.baseUrl, 'GET', '/v1/topics/orders');
  t.equal(described.status, 200);
  const p2 = described.body.partitions.find((p: { partition: number }) => p.partition === 2);
  t.match(p2, { partition: 2, leader: 1, replicas: [1], isr: [1], logStartOffset: 0, logEndOffset: 4, highWatermark: 4 });
  t.ok(p2.sizeBytes >= batch.length, 'size counts the batch');

  const listed = await http(node.baseUrl, 'GET', '/v1/topics');
  t.equal(listed.status, 200);
  t.match(listed.body.topics, [{ name: 'orders', partitions: 3, internal: false, messages: 4 }]);

  const altered = await http(node.baseUrl, 'PATCH', '/v1/topics/orders/configs', { set: { 'retention.bytes': '1048576' }, delete: ['retention.ms'] });
  t.equal(altered.status, 200);
  t.equal(altered.body.configs['retention.bytes'], '1048576');
  t.equal(altered.body.configs['retention.ms'], '604800000', 'a removed override falls back to the default');
  t.same(node.broker.topics.get('orders')!.configs, { 'retention.bytes': '1048576' });

  const deleted = await http(node.baseUrl, 'DELETE', '/v1/topics/orders');
  t.equal(deleted.status, 200);
  t.same(deleted.body, { deleted: 'orders' });
  t.equal(node.broker.topics.get('orders'), undefined);
  const gone = await http(node.baseUrl, 'GET', '/v1/topics/orders');
  t.equal(gone.status, 404);
  t.equal(gone.body.error.code, 'CANOPY_ERR_TOPIC_NOT_FOUND');
});

t.test('topic errors: exists 409, unknown 404, refused config 400, invalid input 400 naming the field', async (t) => {
  const node = await startAdminNode(t);
  t.equal((await http(node.baseUrl, 'POST', '/v1/topics', { name: 'dup' })).status, 201, 'default partitions');
  t.equal(node.broker.topics.get('dup')!.partitionCount, node.broker.config.defaultPartitions);

  const cases: Array<[string, string, unknown, number, string, string?]> = [
    ['POST', '/v1/topics', { name: 'dup' }, 409, 'CANOPY_ERR_TOPIC_EXISTS'],
    ['POST', '/v1/topics', { name: 'x', configs: { 'no.such.config': '1' } }, 400, 'CANOPY_ERR_TOPIC_INVALID'],
    ['POST', '/v1/topics', { name: 'x', configs: { 'retention.ms': 'soon' } }, 400, 'CANOPY_ERR_TOPIC_INVALID'],
    ['POST', '/v1/topics', { name: '..' }, 400, 'CANOPY_ERR_TOPIC_INVALID'],
    ['POST', '/v1/topics', { partitions: 2 }, 400, 'CANOPY_ERR_INVALID_REQUEST', 'body.name'],
    ['POST', '/v1/topics', { name: 'x', partitions: 1.5 }, 400, 'CANOPY_ERR_INVALID_REQUEST', 'body.partitions'],
    ['GET', '/v1/topics/missing', undefined, 404, 'CANOPY_ERR_TOPIC_NOT_FOUND', 'params.topic'],
    ['GET', '/v1/topics/bad%20name', undefined, 400, 'CANOPY_ERR_INVALID_REQUEST', 'params.topic'],
    ['DELETE', '/v1/topics/missing', undefined, 404, 'CANOPY_ERR_TOPIC_NOT_FOUND'],
    ['PATCH', '/v1/topics/missing/configs', { set: { 'retention.ms': '1' } }, 404, 'CANOPY_ERR_TOPIC_NOT_FOUND'],
    ['PATCH', '/v1/topics/dup/configs', {}, 400, 'CANOPY_ERR_INVALID_REQUEST', 'body'],
    ['PATCH', '/v1/topics/dup/configs', { set: { 'segment.bytes': '1' } }, 400, 'CANOPY_ERR_TOPIC_INVALID'],
    ['PATCH', '/v1/topics/dup/configs', { delete: 'retention.ms' }, 400, 'CANOPY_ERR_INVALID_REQUEST', 'body.delete'],
  ];
  for (const [method, path, body, status, code, field] of cases) {
    const res = await http(node.baseUrl, method, path, body);
    const label = `${method} ${path} ${JSON.stringify(body)}`;
    t.equal(res.status, status, label);
    t.equal(res.body.error?.code, code, label);
    t.equal(typeof res.body.error?.message, 'string', label);
    if (field !== undefined) t.equal(res.body.error.field, field, `${label} names ${field}`);
  }
  t.same(node.broker.topics.get('dup')!.configs, {}, 'refused changes left the topic alone');
});

t.test('internal topics cannot be deleted through the admin API', async (t) => {
  const node = await startAdminNode(t);
  await node.broker.topics.create('__consumer_offsets', { partitions: 1, internal: true });
  const res = await http(node.baseUrl, 'DELETE', '/v1/topics/__consumer_offsets');
  t.equal(res.status, 400);
  t.equal(res.body.error.code, 'CANOPY_ERR_TOPIC_INVALID');
  t.ok(node.broker.topics.get('__consumer_offsets'));
});
