// JoinGroup (API key 11) byte vectors from the public protocol guide: v0 request (the oldest form,
// which librdkafka's feature check needs advertised), v2 request (kafka-python 2.0.2), v5 response
// (kafkajs / librdkafka), v6 request (first flexible version).
import t from 'tap';
import { checkVector, hex } from '../../helpers/protocol-vector.js';
import { readJoinGroupRequest, writeJoinGroupRequest } from '../../../src/protocol/generated/join-group-request.js';
import { readJoinGroupResponse, writeJoinGroupResponse } from '../../../src/protocol/generated/join-group-response.js';

const request = { read: readJoinGroupRequest, write: writeJoinGroupRequest };
const response = { read: readJoinGroupResponse, write: writeJoinGroupResponse };

/** A consumer subscription payload: version 0 prefix, topics ["t"], user data null (13 bytes). */
const SUBSCRIPTION = hex('0000', '00000001 0001 74', 'ffffffff');

t.test('v0 request', async (t) => {
  checkVector(t, {
    name: 'JoinGroupRequest', version: 0, ...request,
    bytes: hex(
      '0002 6731',               // group_id "g1"
      '00007530',                // session_timeout_ms 30000
      '0000',                    // member_id ""
      '0008 636f6e73756d6572',   // protocol_type "consumer"
      '00000001',                // protocols: 1 entry
      '0005 72616e6765',         //   name "range"
      '0000000d', SUBSCRIPTION.toString('hex'), // metadata: 13 bytes
    ),
    expected: {
      groupId: 'g1', sessionTimeoutMs: 30000, rebalanceTimeoutMs: -1, memberId: '', groupInstanceId: null,
      protocolType: 'consumer', protocols: [{ name: 'range', metadata: SUBSCRIPTION }], reason: null,
    },
  });
});

t.test('v2 request: rebalance timeout after the session timeout', async (t) => {
  checkVector(t, {
    name: 'JoinGroupRequest', version: 2, ...request,
    bytes: hex('0001 67', '00002710', '0000ea60', '0003 6d2d31', '0008 636f6e73756d6572', '00000000'),
    expected: {
      groupId: 'g', sessionTimeoutMs: 10000, rebalanceTimeoutMs: 60000, memberId: 'm-1', groupInstanceId: null,
      protocolType: 'consumer', protocols: [], reason: null,
    },
  });
});

t.test('v5 response: leader view with one member and a null group instance id', async (t) => {
  checkVector(t, {
    name: 'JoinGroupResponse', version: 5, ...response,
    bytes: hex(
      '00000000',        // throttle_time_ms
      '0000',            // error_code
      '00000001',        // generation_id 1
      '0005 72616e6765', // protocol_name "range"
      '0003 6d2d31',     // leader "m-1"
      '0003 6d2d31',     // member_id "m-1"
      '00000001',        // members: 1 entry
      '0003 6d2d31',     //   member_id "m-1"
      'ffff',            //   group_instance_id null
      '0000000d', SUBSCRIPTION.toString('hex'), // metadata
    ),
    expected: {
      throttleTimeMs: 0, errorCode: 0, generationId: 1, protocolType: null, protocolName: 'range', leader: 'm-1',
      skipAssignment: false, memberId: 'm-1', members: [{ memberId: 'm-1', groupInstanceId: null, metadata: SUBSCRIPTION }],
    },
  });
});

t.test('v4 response: MEMBER_ID_REQUIRED with the member id to rejoin with', async (t) => {
  checkVector(t, {
    name: 'JoinGroupResponse', version: 4, ...response,
    bytes: hex('00000000', '004f', 'ffffffff', '0000', '0000', '0003 6d2d31', '00000000'),
    expected: {
      throttleTimeMs: 0, errorCode: 79, generationId: -1, protocolType: null, protocolName: '', leader: '',
      skipAssignment: false, memberId: 'm-1', members: [],
    },
  });
});

t.test('v6 request: compact strings, compact bytes and tagged fields', async (t) => {
  checkVector(t, {
    name: 'JoinGroupRequest', version: 6, ...request,
    bytes: hex(
      '02 67',                 // group_id "g"
      '0000ea60',              // session_timeout_ms 60000
      '00018e70',              // rebalance_timeout_ms 102000
      '01',                    // member_id ""
      '00',                    // group_instance_id null
      '09 636f6e73756d6572',   // protocol_type "consumer"
      '02',                    // protocols: 1 entry
      '06 72616e6765',         //   name "range"
      '0e', SUBSCRIPTION.toString('hex'), // metadata: 13 bytes (length + 1)
      '00',                    //   protocol tagged fields
      '00',                    // tagged fields
    ),
    expected: {
      groupId: 'g', sessionTimeoutMs: 60000, rebalanceTimeoutMs: 102000, memberId: '', groupInstanceId: null,
      protocolType: 'consumer', protocols: [{ name: 'range', metadata: SUBSCRIPTION }], reason: null,
    },
  });
});
