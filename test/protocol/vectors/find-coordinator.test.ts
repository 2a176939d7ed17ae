// FindCoordinator (API key 10) byte vectors, written by hand from the public protocol guide:
// v0 (kafka-python 2.0.2 always sends it), and v4 (batched CoordinatorKeys, flexible).
import t from 'tap';
import { checkVector, compactStr, hex, str16 } from '../../helpers/protocol-vector.js';
import { readFindCoordinatorRequest, writeFindCoordinatorRequest } from '../../../src/protocol/generated/find-coordinator-request.js';
import { readFindCoordinatorResponse, writeFindCoordinatorResponse } from '../../../src/protocol/generated/find-coordinator-response.js';

const request = { read: readFindCoordinatorRequest, write: writeFindCoordinatorRequest };
const response = { read: readFindCoordinatorResponse, write: writeFindCoordinatorResponse };

t.test('v0 request: key only', async (t) => {
  checkVector(t, {
    name: 'FindCoordinatorRequest', version: 0, ...request,
    // key => STRING "group-1"
    bytes: hex('0007 67726f75702d31'),
    expected: { key: 'group-1', keyType: 0, coordinatorKeys: [] },
  });
  t.equal(str16('group-1'), '000767726f75702d31', 'the helper agrees with the hand-written bytes');
});

t.test('v1 request: key and key type (1 = transaction)', async (t) => {
  checkVector(t, {
    name: 'FindCoordinatorRequest', version: 1, ...request,
    bytes: hex('0003 747831', '01'), // key "tx1", key_type 1
    expected: { key: 'tx1', keyType: 1, coordinatorKeys: [] },
  });
});

t.test('v0 response: error, node id, host, port', async (t) => {
  checkVector(t, {
    name: 'FindCoordinatorResponse', version: 0, ...response,
    bytes: hex(
      '0000',                    // error_code
      '00000001',                // node_id 1
      '0009 6c6f63616c686f7374', // host "localhost"
      '00002384',                // port 9092
    ),
    expected: { throttleTimeMs: 0, errorCode: 0, errorMessage: null, nodeId: 1, host: 'localhost', port: 9092, coordinators: [] },
  });
});

t.test('v2 response: throttle time and a null error message before the node', async (t) => {
  checkVector(t, {
    name: 'FindCoordinatorResponse', version: 2, ...response,
    bytes: hex('00000000', '000f', 'ffff', 'ffffffff', '0000', 'ffffffff'), // COORDINATOR_NOT_AVAILABLE, node -1, host "", port -1
    expected: { throttleTimeMs: 0, errorCode: 15, errorMessage: null, nodeId: -1, host: '', port: -1, coordinators: [] },
  });
});

t.test('v4 request: key type and a compact array of coordinator keys', async (t) => {
  checkVector(t, {
    name: 'FindCoordinatorRequest', version: 4, ...request,
    bytes: hex(
      '00',             // key_type 0 (group)
      '03',             // coordinator_keys: compact array, 2 entries (length + 1)
      '03 6731',        //   "g1"
      compactStr('g2'), //   "g2"
      '00',             // tagged fields: none
    ),
    expected: { key: '', keyType: 0, coordinatorKeys: ['g1', 'g2'] },
  });
});

t.test('v4 response: one coordinator per key, each with its own error', async (t) => {
  checkVector(t, {
    name: 'FindCoordinatorResponse', version: 4, ...response,
    bytes: hex(
      '00000000',                 // throttle_time_ms
      '02',                       // coordinators: 1 entry
      '03 6731',                  //   key "g1"
      '00000001',                 //   node_id 1
      '0a 6c6f63616c686f7374',    //   host "localhost" (compact)
      '00002384',                 //   port 9092
      '0000',                     //   error_code
      '00',                       //   error_message null
      '00',                       //   coordinator tagged fields
      '00',                       // tagged fields
    ),
    expected: {
      throttleTimeMs: 0, errorCode: 0, errorMessage: null, nodeId: 0, host: '', port: 0,
      coordinators: [{ key: 'g1', nodeId: 1, host: 'localhost', port: 9092, errorCode: 0, errorMessage: null }],
    },
  });
});
