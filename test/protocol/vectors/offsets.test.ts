// OffsetCommit (8) and OffsetFetch (9) byte vectors from the public protocol guide: the versions
// kafka-python 2.0.2 hard-codes (OffsetCommit v2, OffsetFetch v1), the first flexible OffsetCommit
// (v8) and the multi-group OffsetFetch shape (v8) that @platformatic/kafka 1.35 and librdkafka 2.12 send.
import t from 'tap';
import { checkVector, hex } from '../../helpers/protocol-vector.js';
import { readOffsetCommitRequest, writeOffsetCommitRequest } from '../../../src/protocol/generated/offset-commit-request.js';
import { readOffsetCommitResponse, writeOffsetCommitResponse } from '../../../src/protocol/generated/offset-commit-response.js';
import { readOffsetFetchRequest, writeOffsetFetchRequest } from '../../../src/protocol/generated/offset-fetch-request.js';
import { readOffsetFetchResponse, writeOffsetFetchResponse } from '../../../src/protocol/generated/offset-fetch-response.js';

const commitRequest = { read: readOffsetCommitRequest, write: writeOffsetCommitRequest };
const fetchRequest = { read: readOffsetFetchRequest, write: writeOffsetFetchRequest };
const fetchResponse = { read: readOffsetFetchResponse, write: writeOffsetFetchResponse };

t.test('OffsetCommit v2 request: retention time, no leader epoch', async (t) => {
  checkVector(t, {
    name: 'OffsetCommitRequest', version: 2, ...commitRequest,
    bytes: hex(
      '0001 67',             // group_id "g"
      '00000003',            // generation_id 3
      '0003 6d2d31',         // member_id "m-1"
      'ffffffffffffffff',    // retention_time_ms -1 (broker default)
      '00000001',            // topics: 1 entry
      '0001 74',             //   name "t"
      '00000001',            //   partitions: 1 entry
      '00000000',            //     partition_index 0
      '000000000000002a',    //     committed_offset 42
      '0000',                //     committed_metadata ""
    ),
    expected: {
      groupId: 'g', generationIdOrMemberEpoch: 3, memberId: 'm-1', groupInstanceId: null, retentionTimeMs: -1,
      topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 42, committedLeaderEpoch: -1, commitTimestamp: -1, committedMetadata: '' }] }],
    },
  });
});

t.test('OffsetCommit v1 request: per-partition commit timestamp, null metadata', async (t) => {
  checkVector(t, {
    name: 'OffsetCommitRequest', version: 1, ...commitRequest,
    bytes: hex('0001 67', '00000003', '0003 6d2d31', '00000001', '0001 74', '00000001',
      '00000002', '0000000000000007', '0000017b4a3b2c00', 'ffff'),
    expected: {
      groupId: 'g', generationIdOrMemberEpoch: 3, memberId: 'm-1', groupInstanceId: null, retentionTimeMs: -1,
      topics: [{ name: 't', partitions: [{ partitionIndex: 2, committedOffset: 7, committedLeaderEpoch: -1, commitTimestamp: 0x17b4a3b2c00, committedMetadata: null }] }],
    },
  });
});

t.test('OffsetCommit v8 request: flexible, leader epoch, group instance id', async (t) => {
  checkVector(t, {
    name: 'OffsetCommitRequest', version: 8, ...commitRequest,
    bytes: hex(
      '02 67', '00000003', '04 6d2d31', // group_id, generation, member_id
      '00',                             // group_instance_id null
      '02', '02 74',                    // topics: 1 entry, name "t"
      '02', '00000000', '000000000000002a', '00000004', '00', '00', // partition 0, offset 42, epoch 4, metadata null, tags
      '00',                             // topic tags
      '00',                             // tags
    ),
    expected: {
      groupId: 'g', generationIdOrMemberEpoch: 3, memberId: 'm-1', groupInstanceId: null, retentionTimeMs: -1,
      topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 42, committedLeaderEpoch: 4, commitTimestamp: -1, committedMetadata: null }] }],
    },
  });
});

t.test('OffsetCommit v2 response', async (t) => {
  checkVector(t, {
    name: 'OffsetCommitResponse', version: 2, read: readOffsetCommitResponse, write: writeOffsetCommitResponse,
    bytes: hex('00000001', '0001 74', '00000001', '00000000', '0019'), // t-0: UNKNOWN_MEMBER_ID
    expected: { throttleTimeMs: 0, topics: [{ name: 't', partitions: [{ partitionIndex: 0, errorCode: 25 }] }] },
  });
});

t.test('OffsetFetch v1 request and response', async (t) => {
  checkVector(t, {
    name: 'OffsetFetchRequest', version: 1, ...fetchRequest,
    bytes: hex('0001 67', '00000001', '0001 74', '00000001', '00000000'),
    expected: { groupId: 'g', topics: [{ name: 't', partitionIndexes: [0] }], groups: [], requireStable: false },
  });
  checkVector(t, {
    name: 'OffsetFetchResponse', version: 1, ...fetchResponse,
    bytes: hex('00000001', '0001 74', '00000001', '00000000', 'ffffffffffffffff', '0000', '0000'), // no commit: -1, metadata ""
    expected: {
      throttleTimeMs: 0, errorCode: 0, groups: [],
      topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: -1, committedLeaderEpoch: -1, metadata: '', errorCode: 0 }] }],
    },
  });
});

t.test('OffsetFetch v2 request: null topics means all topics', async (t) => {
  checkVector(t, {
    name: 'OffsetFetchRequest', version: 2, ...fetchRequest,
    bytes: hex('0001 67', 'ffffffff'),
    expected: { groupId: 'g', topics: null, groups: [], requireStable: false },
  });
});

t.test('OffsetFetch v8 request: groups array, null topics, require_stable', async (t) => {
  checkVector(t, {
    name: 'OffsetFetchRequest', version: 8, ...fetchRequest,
    bytes: hex(
      '02',      // groups: 1 entry
      '02 67',   //   group_id "g"
      '00',      //   topics: null (all topics)
      '00',      //   group tags
      '01',      // require_stable true
      '00',      // tags
    ),
    // The v0-7 top-level topics field is absent from v8 and reads as its default, the empty array.
    expected: { groupId: '', topics: [], groups: [{ groupId: 'g', memberId: null, memberEpoch: -1, topics: null }], requireStable: true },
  });
});

t.test('OffsetFetch v8 response: per-group topics and error code', async (t) => {
  checkVector(t, {
    name: 'OffsetFetchResponse', version: 8, ...fetchResponse,
    bytes: hex(
      '00000000',                 // throttle_time_ms
      '02', '02 67',              // groups: 1 entry, group_id "g"
      '02', '02 74',              //   topics: 1 entry, name "t"
      '02',                       //     partitions: 1 entry
      '00000000', '000000000000002a', 'ffffffff', '01', '0000', '00', // index 0, offset 42, epoch -1, metadata "", error 0, tags
      '00',                       //     topic tags
      '0000',                     //   group error_code
      '00',                       //   group tags
      '00',                       // tags
    ),
    expected: {
      throttleTimeMs: 0, topics: [], errorCode: 0,
      groups: [{
        groupId: 'g', errorCode: 0,
        topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 42, committedLeaderEpoch: -1, metadata: '', errorCode: 0 }] }],
      }],
    },
  });
});

t.test('OffsetFetch v9 request: member id and epoch', async (t) => {
  checkVector(t, {
    name: 'OffsetFetchRequest', version: 9, ...fetchRequest,
    bytes: hex('02', '02 67', '04 6d2d31', '00000007', '02', '02 74', '02', '00000000', '00', '00', '00', '00'),
    expected: {
      groupId: '', topics: [], requireStable: false,
      groups: [{ groupId: 'g', memberId: 'm-1', memberEpoch: 7, topics: [{ name: 't', partitionIndexes: [0] }] }],
    },
  });
});
