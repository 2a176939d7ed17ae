import t from 'tap';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { metadataRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';

t.test('DescribeCluster against a real broker', async (t) => {
  const broker = await spawnBroker(t, { args: ['--node-id', '7'] });
  const raw = await RawClient.connect(t, broker.port);
  const meta = await raw.request(ApiKey.Metadata, 9, metadataRequest([], false));

  await t.test('kafkajs describeCluster: this node, its cluster id, itself as controller', async (t) => {
    const admin = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    t.teardown(() => admin.disconnect());
    const cluster = await admin.describeCluster();
    t.same(cluster.brokers, [{ nodeId: 7, host: '127.0.0.1', port: broker.port }]);
    t.equal(cluster.controller, 7);
    t.equal(cluster.clusterId, meta.clusterId, 'the cluster id Metadata reports');
  });

  await t.test('v0 and v1 over the wire', async (t) => {
    for (const v of [0, 1]) {
      const res = await raw.request(ApiKey.DescribeCluster, v, { includeClusterAuthorizedOperations: true, endpointType: 1 });
      t.equal(res.errorCode, ErrorCode.NONE);
      t.equal(res.controllerId, 7);
      t.equal(res.clusterId, meta.clusterId);
      t.same(res.brokers.map((b: any) => [b.brokerId, b.host, b.port, b.rack]), [[7, '127.0.0.1', broker.port, null]]);
      t.equal(res.clusterAuthorizedOperations, -2147483648, 'authorized operations not provided');
    }
    const controllers = await raw.request(ApiKey.DescribeCluster, 1, { includeClusterAuthorizedOperations: false, endpointType: 2 });
    t.equal(controllers.errorCode, ErrorCode.UNSUPPORTED_ENDPOINT_TYPE);
  });
});
