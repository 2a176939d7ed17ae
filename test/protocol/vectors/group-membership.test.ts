// SyncGroup (14), Heartbeat (12) and LeaveGroup (13) byte vectors from the public protocol guide.
import t from 'tap';
import { checkVector, hex } from '../../helpers/protocol-vector.js';
import { readSyncGroupRequest, writeSyncGroupRequest } from '../../../src/protocol/generated/sync-group-request.js';
import { readSyncGroupResponse, writeSyncGroupResponse } from '../../../src/protocol/generated/sync-group-response.js';
import { readHeartbeatRequest, writeHeartbeatRequest } from '../../../src/protocol/generated/heartbeat-request.js';
import { readHeartbeatResponse, writeHeartbeatResponse } from '../../../src/protocol/generated/heartbeat-response.js';
import { readLeaveGroupRequest, writeLeaveGroupRequest } from '../../../src/protocol/generated/leave-group-request.js';
import { readLeaveGroupResponse, writeLeaveGroupResponse } from '../../../src/protocol/generated/leave-group-response.js';

/** A consumer assignment payload: version 0 prefix, t-0 and t-1, user data null (25 bytes). */
const ASSIGNMENT = hex('0000', '00000001 0001 74 00000002 00000000 00000001', 'ffffffff');

t.test('SyncGroup v0 request from the leader', async (t) => {
  checkVector(t, {
    name: 'SyncGroupRequest', version: 0, read: readSyncGroupRequest, write: writeSyncGroupRequest,
    bytes: hex('0001 67', '00000001', '0003 6d2d31', '00000001', '0003 6d2d31', '00000019', ASSIGNMENT.toString('hex')),
    expected: {
      groupId: 'g', generationId: 1, memberId: 'm-1', groupInstanceId: null, protocolType: null, protocolName: null,
      assignments: [{ memberId: 'm-1', assignment: ASSIGNMENT }],
    },
  });
});

t.test('SyncGroup v0 response: error code and assignment bytes', async (t) => {
  checkVector(t, {
    name: 'SyncGroupResponse', version: 0, read: readSyncGroupResponse, write: writeSyncGroupResponse,
    bytes: hex('0000', '00000019', ASSIGNMENT.toString('hex')),
    expected: { throttleTimeMs: 0, errorCode: 0, protocolType: null, protocolName: null, assignment: ASSIGNMENT },
  });
});

t.test('SyncGroup v5 response: protocol type and name, flexible', async (t) => {
  checkVector(t, {
    name: 'SyncGroupResponse', version: 5, read: readSyncGroupResponse, write: writeSyncGroupResponse,
    bytes: hex('00000000', '001b', '09 636f6e73756d6572', '06 72616e6765', '01', '00'), // REBALANCE_IN_PROGRESS, empty assignment
    expected: { throttleTimeMs: 0, errorCode: 27, protocolType: 'consumer', protocolName: 'range', assignment: Buffer.alloc(0) },
  });
});

t.test('Heartbeat v0 response: error code only', async (t) => {
  checkVector(t, {
    name: 'HeartbeatResponse', version: 0, read: readHeartbeatResponse, write: writeHeartbeatResponse,
    bytes: hex('001b'), // REBALANCE_IN_PROGRESS (27)
    expected: { throttleTimeMs: 0, errorCode: 27 },
  });
});

t.test('Heartbeat v4 response: throttle time, error code, tagged fields', async (t) => {
  checkVector(t, {
    name: 'HeartbeatResponse', version: 4, read: readHeartbeatResponse, write: writeHeartbeatResponse,
    bytes: hex('00000000', '0019', '00'), // UNKNOWN_MEMBER_ID (25)
    expected: { throttleTimeMs: 0, errorCode: 25 },
  });
});

t.test('Heartbeat v0 and v3 requests', async (t) => {
  const rw = { read: readHeartbeatRequest, write: writeHeartbeatRequest };
  checkVector(t, {
    name: 'HeartbeatRequest', version: 0, ...rw,
    bytes: hex('0001 67', '00000001', '0001 6d'),
    expected: { groupId: 'g', generationId: 1, memberId: 'm', groupInstanceId: null },
  });
  checkVector(t, {
    name: 'HeartbeatRequest', version: 3, ...rw,
    bytes: hex('0001 67', '00000001', '0001 6d', '0002 6931'), // group_instance_id "i1"
    expected: { groupId: 'g', generationId: 1, memberId: 'm', groupInstanceId: 'i1' },
  });
});

t.test('LeaveGroup v1 request (single member) and v3 request (members array)', async (t) => {
  const rw = { read: readLeaveGroupRequest, write: writeLeaveGroupRequest };
  checkVector(t, {
    name: 'LeaveGroupRequest', version: 1, ...rw,
    bytes: hex('0001 67', '0003 6d2d31'),
    expected: { groupId: 'g', memberId: 'm-1', members: [] },
  });
  checkVector(t, {
    name: 'LeaveGroupRequest', version: 3, ...rw,
    bytes: hex('0001 67', '00000001', '0003 6d2d31', 'ffff'),
    expected: { groupId: 'g', memberId: '', members: [{ memberId: 'm-1', groupInstanceId: null, reason: null }] },
  });
});

t.test('LeaveGroup v5 request: per-member reason, flexible', async (t) => {
  checkVector(t, {
    name: 'LeaveGroupRequest', version: 5, read: readLeaveGroupRequest, write: writeLeaveGroupRequest,
    bytes: hex('02 67', '02', '04 6d2d31', '00', '04 627965', '00', '00'), // reason "bye" (length 3 + 1)
    expected: { groupId: 'g', memberId: '', members: [{ memberId: 'm-1', groupInstanceId: null, reason: 'bye' }] },
  });
});

t.test('LeaveGroup v3 response: per-member results', async (t) => {
  checkVector(t, {
    name: 'LeaveGroupResponse', version: 3, read: readLeaveGroupResponse, write: writeLeaveGroupResponse,
    bytes: hex('00000000', '0000', '00000001', '0003 6d2d31', 'ffff', '0000'),
    expected: { throttleTimeMs: 0, errorCode: 0, members: [{ memberId: 'm-1', groupInstanceId: null, errorCode: 0 }] },
  });
});
