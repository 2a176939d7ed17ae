import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { metadataRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';

t.test('Metadata', async (t) => {
  const broker = await spawnBroker(t, { args: ['--default-partitions', '3', '--node-id', '7'] });
  const c = await RawClient.connect(t, broker.port);

  await t.test('auto-creation: v0-3 always, v4+ when allowed; broker, controller and partitions', async (t) => {
    const v1 = await c.request(ApiKey.Metadata, 1, metadataRequest(['auto-v1']));
    t.same(v1.brokers.map((b: any) => [b.nodeId, b.host, b.port]), [[7, '127.0.0.1', broker.port]], 'advertised = bound address');
    t.equal(v1.controllerId, 7, 'controller is this node');
    const topic = v1.topics[0];
    t.same([topic.errorCode, topic.name, topic.partitions.length], [0, 'auto-v1', 3]);
    t.same(topic.partitions.map((p: any) => [p.errorCode, p.leaderId, p.replicaNodes, p.isrNodes]), [[0, 7, [7], [7]], [0, 7, [7], [7]], [0, 7, [7], [7]]], 'no partition errors');
    const refused = await c.request(ApiKey.Metadata, 9, metadataRequest(['not-created'], false));
    t.equal(refused.topics[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    const created = await c.request(ApiKey.Metadata, 9, metadataRequest(['created-v9'], true));
    t.equal(created.topics[0].errorCode, ErrorCode.NONE);
    const bad = await c.request(ApiKey.Metadata, 9, metadataRequest(['bad/name'], true));
    t.equal(bad.topics[0].errorCode, ErrorCode.INVALID_TOPIC_EXCEPTION);
  });

  await t.test('all topics: null (v1+) or empty (v0); empty at v1+ means none', async (t) => {
    const all = await c.request(ApiKey.Metadata, 1, metadataRequest(null));
    const names = all.topics.map((x: any) => x.name);
    t.ok(names.includes('auto-v1') && names.includes('created-v9'));
    t.notOk(names.includes('not-created'));
    const v0 = await c.request(ApiKey.Metadata, 0, metadataRequest([]));
    t.same(v0.topics.map((x: any) => x.name).sort(), names.sort());
    const none = await c.request(ApiKey.Metadata, 1, metadataRequest([]));
    t.same(none.topics, []);
  });

  await t.test('cluster id (v2+) and topic ids (v10+), lookup by id (v10+)', async (t) => {
    const v2 = await c.request(ApiKey.Metadata, 2, metadataRequest(['auto-v1']));
    t.match(v2.clusterId, /^[A-Za-z0-9_-]{22}$/);
    const v10 = await c.request(ApiKey.Metadata, 10, metadataRequest(['auto-v1']));
    const id = v10.topics[0].topicId as Buffer;
    t.equal(id.length, 16);
    t.not(id.toString('hex'), '0'.repeat(32));
    const byId = await c.request(ApiKey.Metadata, 12, { topics: [{ topicId: id, name: null }], allowAutoTopicCreation: false, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: false });
    t.same([byId.topics[0].errorCode, byId.topics[0].name], [0, 'auto-v1']);
    const unknown = await c.request(ApiKey.Metadata, 12, { topics: [{ topicId: Buffer.alloc(16, 1), name: null }], allowAutoTopicCreation: false, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: false });
    t.equal(unknown.topics[0].errorCode, ErrorCode.UNKNOWN_TOPIC_ID);
  });

  await t.test('every version 0-12 decodes and carries the same topic', async (t) => {
    for (let v = 0; v <= 12; v++) {
      const r = await c.request(ApiKey.Metadata, v, metadataRequest(['auto-v1']));
      t.same([r.topics[0].name, r.topics[0].partitions.length], ['auto-v1', 3], `v${v}`);
    }
  });
});

t.test('--advertised-listener is what Metadata reports', async (t) => {
  const broker = await spawnBroker(t, { args: ['--advertised-listener', 'kafka.example:19092'] });
  const c = await RawClient.connect(t, broker.port);
  const r = await c.request(ApiKey.Metadata, 1, metadataRequest([]));
  t.same(r.brokers.map((b: any) => [b.host, b.port]), [['kafka.example', 19092]]);
});
