// Byte vectors for Canopy's internal APIs (protocol/canopy/), computed by hand from the specs and
// the flexible-version encoding rules in protocol/README.md (compact lengths are length + 1,
// every struct ends with its tagged fields, tagged fields are written only when not default).
import t from 'tap';
import { checkVector, compactStr, hex } from '../../helpers/protocol-vector.js';
import { readPeerHelloRequest, writePeerHelloRequest } from '../../../src/protocol/generated/peer-hello-request.js';
import { readPeerHelloResponse, writePeerHelloResponse } from '../../../src/protocol/generated/peer-hello-response.js';
import { readRaftMessagesRequest, writeRaftMessagesRequest, type RaftMessagesRequestRaftMessage } from '../../../src/protocol/generated/raft-messages-request.js';
import { CanopyApiKey } from '../../../src/protocol/generated/canopy-index.js';
import { apiSpecs } from '../../../src/protocol/generated/index.js';

const raftMessages = { read: readRaftMessagesRequest, write: writeRaftMessagesRequest };

t.test('Canopy API keys are in their own range and invisible to the Kafka API table', async (t) => {
  t.strictSame(CanopyApiKey, { PeerHello: 30000, RaftMessages: 30001, LearnerFetch: 30002 });
  for (const key of Object.values(CanopyApiKey)) t.notOk(apiSpecs.has(key), `${key} is not a Kafka API`);
});

t.test('PeerHello v0 request and response', async (t) => {
  checkVector(t, {
    name: 'PeerHelloRequest', version: 0, read: readPeerHelloRequest, write: writePeerHelloRequest,
    bytes: hex(
      compactStr('c1'), // cluster_id "c1": 03 6331
      '00000001',       // sender_node_id 1
      '00000002',       // receiver_node_id 2
      '0000',           // protocol_version 0
      '00',             // tagged fields: none
    ),
    expected: { clusterId: 'c1', senderNodeId: 1, receiverNodeId: 2, protocolVersion: 0 },
  });
  checkVector(t, {
    name: 'PeerHelloResponse', version: 0, read: readPeerHelloResponse, write: writePeerHelloResponse,
    bytes: hex(
      '0068',       // error_code 104 INCONSISTENT_CLUSTER_ID
      '03 6e6f',    // error_message "no"
      '03 6332',    // cluster_id "c2"
      '00000002',   // node_id 2
      '0000',       // protocol_version 0
      '00',         // tagged fields: none
    ),
    expected: { errorCode: 104, errorMessage: 'no', clusterId: 'c2', nodeId: 2, protocolVersion: 0 },
  });
});

function message(fields: Partial<RaftMessagesRequestRaftMessage>): RaftMessagesRequestRaftMessage {
  return {
    type: 0, from: 0, to: 0, term: 0, logTerm: 0, index: -1, commit: -1, entries: [],
    reject: false, rejectHint: -1, context: 0, transfer: false, snapshot: null, ...fields,
  };
}

t.test('RaftMessages v0: a heartbeat costs no tagged field but its read context', async (t) => {
  checkVector(t, {
    name: 'RaftMessagesRequest', version: 0, ...raftMessages,
    bytes: hex(
      '02',               // topics: 1
      '02 74',            //   name "t"
      '02',               //   partitions: 1
      '00000003',         //     partition_index 3
      '02',               //     messages: 1
      '02',               //       type 2 (heartbeat)
      '00000001',         //       from 1
      '00000002',         //       to 2
      '0000000000000005', //       term 5
      '0000000000000000', //       log_term 0
      'ffffffffffffffff', //       index -1
      '0000000000000009', //       commit 9
      '01',               //       entries: 0
      '01 02 08 0000000000000007', // tagged: 1 field, tag 2 (context), 8 bytes, 7
      '00',               //     partition tagged fields
      '00',               //   topic tagged fields
      '00',               // request tagged fields
    ),
    expected: { topics: [{ name: 't', partitions: [{ partitionIndex: 3, messages: [message({ type: 2, from: 1, to: 2, term: 5, commit: 9, context: 7 })] }] }] },
  });
});

t.test('RaftMessages v0: an app with one entry and a rejecting app-resp with its hint', async (t) => {
  checkVector(t, {
    name: 'RaftMessagesRequest', version: 0, ...raftMessages,
    bytes: hex(
      '02', '02 74', '02', '00000000', // topic "t", partition 0
      '03',                            // messages: 2
      '00', '00000001', '00000002',    // app 1 -> 2
      '0000000000000005', '0000000000000004', '0000000000000009', '0000000000000009', // term 5, log_term 4, index 9, commit 9
      '02',                            // entries: 1
      '000000000000000a', '00000002', '0000000000000005', '00', // index 10, count 2, term 5, type normal
      '04 aabbcc',                     // data: 3 bytes
      '00',                            // entry tagged fields
      '00',                            // message tagged fields: none
      '01', '00000002', '00000001',    // app-resp 2 -> 1
      '0000000000000005', '0000000000000004', '000000000000000a', 'ffffffffffffffff', // term 5, log_term 4, index 10, commit -1
      '01',                            // entries: 0
      '02 00 01 01 01 08 0000000000000007', // tagged: reject = true (tag 0), reject_hint = 7 (tag 1)
      '00', '00', '00',
    ),
    expected: { topics: [{ name: 't', partitions: [{ partitionIndex: 0, messages: [
      message({ type: 0, from: 1, to: 2, term: 5, logTerm: 4, index: 9, commit: 9, entries: [{ index: 10, count: 2, term: 5, type: 0, data: Buffer.from('aabbcc', 'hex') }] }),
      message({ type: 1, from: 2, to: 1, term: 5, logTerm: 4, index: 10, reject: true, rejectHint: 7 }),
    ] }] }] },
  });
});
