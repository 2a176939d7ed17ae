// Fetch byte vectors computed by hand from the public protocol guide.
import t from 'tap';
import { hex } from '../../helpers/hex.js';
import { Reader } from '../../../src/protocol/primitives/reader.js';
import { encodeResponseFrame } from '../../../src/protocol/frame.js';
import { responseHeaderVersion } from '../../../src/protocol/headers.js';
import { readFetchResponse, writeFetchResponse, type FetchResponse } from '../../../src/protocol/generated/fetch-response.js';
import { readFetchRequest } from '../../../src/protocol/generated/fetch-request.js';
import { ZERO_UUID } from '../../../src/protocol/generated/index.js';

t.test('Fetch v12 response: header v1, tagged DivergingEpoch written after the regular fields', async (t) => {
  const body: FetchResponse = {
    throttleTimeMs: 0, errorCode: 0, sessionId: 0, nodeEndpoints: [],
    responses: [{ topic: 't', topicId: ZERO_UUID, partitions: [{
      partitionIndex: 0, errorCode: 0, highWatermark: 10, lastStableOffset: 10, logStartOffset: 0,
      divergingEpoch: { epoch: 2, endOffset: 5 },
      currentLeader: { leaderId: -1, leaderEpoch: -1 },
      snapshotId: { endOffset: -1, epoch: -1 },
      abortedTransactions: [], preferredReadReplica: -1, records: Buffer.from('aabb', 'hex'),
    }] }],
  };
  t.equal(responseHeaderVersion(1, 12), 1);
  const want = hex(`
    0000004b 00000009 00      # size 75, correlation_id 9, header tags
    00000000 0000 00000000    # throttle_time_ms, error_code, session_id
    02 02 74                  # 1 topic: "t"
    02                        # 1 partition
    00000000 0000             # partition_index 0, error_code 0
    000000000000000a          # high_watermark 10
    000000000000000a          # last_stable_offset 10
    0000000000000000          # log_start_offset 0
    01                        # aborted_transactions: empty (not null)
    ffffffff                  # preferred_read_replica -1
    03 aabb                   # records: 2 bytes
    01 00 0d 00000002 0000000000000005 00   # 1 tag: tag 0 DivergingEpoch, 13 bytes: epoch 2, end 5, its own (empty) tag section
    00 00                     # topic tags, response tags
  `);
  const got = encodeResponseFrame(9, 1, (w) => writeFetchResponse(w, 12, body)) as Buffer;
  t.equal(got.toString('hex'), want.toString('hex'));
  t.same(readFetchResponse(new Reader(want, 9), 12), body);
});

t.test('Fetch v4 request (kafka-python): replica id, isolation level, no sessions', async (t) => {
  const wire = hex(`
    ffffffff          # replica_id -1
    000001f4          # max_wait_ms 500
    00000001          # min_bytes 1
    00100000          # max_bytes 1 MiB
    00                # isolation_level read_uncommitted
    00000001 0001 74  # 1 topic "t"
    00000001          # 1 partition
    00000002          # partition 2
    000000000000002a  # fetch_offset 42
    00010000          # partition_max_bytes 64 KiB
  `);
  const r = new Reader(wire);
  const m = readFetchRequest(r, 4);
  t.equal(r.remaining(), 0);
  t.equal(m.replicaId, -1);
  t.equal(m.maxWaitMs, 500);
  t.equal(m.maxBytes, 0x100000);
  t.equal(m.sessionEpoch, -1, 'absent SessionEpoch reads as its default -1');
  t.equal(m.rackId, '');
  t.strictSame(m.topics.map((x) => [x.topic, x.partitions.map((p) => [p.partition, p.fetchOffset, p.partitionMaxBytes, p.currentLeaderEpoch, p.logStartOffset])]), [['t', [[2, 42, 65536, -1, -1]]]]);
});
