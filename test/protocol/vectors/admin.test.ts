// Admin API byte vectors from the public protocol guide: CreateTopics (19, including the tagged
// TopicConfigErrorCode of v5+), DeleteTopics (20), SaslHandshake (17) and DescribeCluster (60).
import t from 'tap';
import { checkVector, hex } from '../../helpers/protocol-vector.js';
import { ZERO_UUID } from '../../../src/protocol/generated/index.js';
import { readCreateTopicsRequest, writeCreateTopicsRequest } from '../../../src/protocol/generated/create-topics-request.js';
import { readCreateTopicsResponse, writeCreateTopicsResponse } from '../../../src/protocol/generated/create-topics-response.js';
import { readDeleteTopicsRequest, writeDeleteTopicsRequest } from '../../../src/protocol/generated/delete-topics-request.js';
import { readSaslHandshakeRequest, writeSaslHandshakeRequest } from '../../../src/protocol/generated/sasl-handshake-request.js';
import { readSaslHandshakeResponse, writeSaslHandshakeResponse } from '../../../src/protocol/generated/sasl-handshake-response.js';
import { readDescribeClusterRequest, writeDescribeClusterRequest } from '../../../src/protocol/generated/describe-cluster-request.js';

t.test('CreateTopics v0 request: -1 partitions and replication factor (kafkajs default)', async (t) => {
  checkVector(t, {
    name: 'CreateTopicsRequest', version: 0, read: readCreateTopicsRequest, write: writeCreateTopicsRequest,
    bytes: hex(
      '00000001',          // topics: 1 entry
      '0001 74',           //   name "t"
      'ffffffff', 'ffff',  //   num_partitions -1, replication_factor -1
      '00000000',          //   assignments: none
      '00000001', '000e 636c65616e75702e706f6c696379', '0007 636f6d70616374', // configs: cleanup.policy=compact
      '00007530',          // timeout_ms 30000
    ),
    expected: {
      topics: [{ name: 't', numPartitions: -1, replicationFactor: -1, assignments: [], configs: [{ name: 'cleanup.policy', value: 'compact' }] }],
      timeoutMs: 30000, validateOnly: false,
    },
  });
});

t.test('CreateTopics v5 response: the tagged TopicConfigErrorCode sits in the topic tag section', async (t) => {
  checkVector(t, {
    name: 'CreateTopicsResponse', version: 5, read: readCreateTopicsResponse, write: writeCreateTopicsResponse,
    bytes: hex(
      '00000000',       // throttle_time_ms
      '02',             // topics: 1 entry
      '02 74',          //   name "t"
      '0000',           //   error_code
      '00',             //   error_message null
      '00000001',       //   num_partitions 1
      '0001',           //   replication_factor 1
      '00',             //   configs null
      '01 00 02 001d',  //   tags: 1 field, tag 0, 2 bytes, TopicConfigErrorCode 29 (TOPIC_AUTHORIZATION_FAILED)
      '00',             // tags
    ),
    expected: {
      throttleTimeMs: 0,
      topics: [{
        name: 't', topicId: ZERO_UUID, errorCode: 0, errorMessage: null, topicConfigErrorCode: 29,
        numPartitions: 1, replicationFactor: 1, configs: null,
      }],
    },
  });
});

t.test('DeleteTopics v1 request (names) and v6 request (name or id)', async (t) => {
  const rw = { read: readDeleteTopicsRequest, write: writeDeleteTopicsRequest };
  checkVector(t, {
    name: 'DeleteTopicsRequest', version: 1, ...rw,
    bytes: hex('00000002', '0001 61', '0001 62', '00001388'),
    expected: { topics: [], topicNames: ['a', 'b'], timeoutMs: 5000 },
  });
  const id = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
  checkVector(t, {
    name: 'DeleteTopicsRequest', version: 6, ...rw,
    bytes: hex('03', '02 61', ZERO_UUID.toString('hex'), '00', '00', id.toString('hex'), '00', '00001388', '00'),
    expected: { topics: [{ name: 'a', topicId: ZERO_UUID }, { name: null, topicId: id }], topicNames: [], timeoutMs: 5000 },
  });
});

t.test('SaslHandshake v0 request and response', async (t) => {
  checkVector(t, {
    name: 'SaslHandshakeRequest', version: 0, read: readSaslHandshakeRequest, write: writeSaslHandshakeRequest,
    bytes: hex('0005 504c41494e'), // "PLAIN"
    expected: { mechanism: 'PLAIN' },
  });
  checkVector(t, {
    name: 'SaslHandshakeResponse', version: 1, read: readSaslHandshakeResponse, write: writeSaslHandshakeResponse,
    bytes: hex('0021', '00000001', '0005 504c41494e'), // UNSUPPORTED_SASL_MECHANISM (33), enabled ["PLAIN"]
    expected: { errorCode: 33, mechanisms: ['PLAIN'] },
  });
});

t.test('DescribeCluster v0 and v1 requests (flexible from v0)', async (t) => {
  const rw = { read: readDescribeClusterRequest, write: writeDescribeClusterRequest };
  checkVector(t, { name: 'DescribeClusterRequest', version: 0, ...rw, bytes: hex('01', '00'), expected: { includeClusterAuthorizedOperations: true, endpointType: 1 } });
  checkVector(t, { name: 'DescribeClusterRequest', version: 1, ...rw, bytes: hex('00', '02', '00'), expected: { includeClusterAuthorizedOperations: false, endpointType: 2 } });
});
