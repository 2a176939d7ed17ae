// ListOffsets byte vectors computed by hand from the public protocol guide.
import t from 'tap';
import { hex } from '../../helpers/hex.js';
import { Reader } from '../../../src/protocol/primitives/reader.js';
import { encodeRequestFrame } from '../../../src/protocol/frame.js';
import { readRequestHeader } from '../../../src/protocol/headers.js';
import { readListOffsetsRequest, writeListOffsetsRequest } from '../../../src/protocol/generated/list-offsets-request.js';
import { readListOffsetsResponse } from '../../../src/protocol/generated/list-offsets-response.js';

t.test('ListOffsets v1 request (earliest) with a null client id', async (t) => {
  const want = hex(`
    00000025                    # size 37
    0002 0001 00000003 ffff     # api_key 2, version 1, correlation_id 3, client_id null
    ffffffff                    # replica_id -1
    00000001 0001 74            # 1 topic "t"
    00000001 00000000           # 1 partition: 0
    fffffffffffffffe            # timestamp -2 (earliest)
  `);
  const body = { replicaId: -1, isolationLevel: 0, topics: [{ name: 't', partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -2, maxNumOffsets: 1 }] }] };
  const got = encodeRequestFrame({ apiKey: 2, apiVersion: 1, correlationId: 3, clientId: null }, (w) => writeListOffsetsRequest(w, 1, body));
  t.equal(got.toString('hex'), want.toString('hex'));
  const r = new Reader(want, 4);
  t.strictSame(readRequestHeader(r), { apiKey: 2, apiVersion: 1, correlationId: 3, clientId: null });
  t.same(readListOffsetsRequest(r, 1), body);
});

t.test('ListOffsets v0 response carries old-style offsets', async (t) => {
  const wire = hex('00000001 0001 74 00000001 00000000 0000 00000002 0000000000000064 0000000000000000');
  const m = readListOffsetsResponse(new Reader(wire), 0);
  t.strictSame(m.topics[0]!.partitions[0]!.oldStyleOffsets, [100, 0]);
  t.equal(m.topics[0]!.partitions[0]!.offset, -1, 'absent Offset reads as its default -1');
});
