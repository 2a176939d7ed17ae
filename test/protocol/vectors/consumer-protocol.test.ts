// ConsumerProtocolSubscription / ConsumerProtocolAssignment byte vectors (the "consumer" protocol
// payloads carried as opaque bytes in JoinGroup metadata and SyncGroup assignments). On the wire
// each payload starts with an int16 version that is not part of the spec: the caller reads it
// first, then the body with min(version, highest known version), and ignores trailing bytes.
import t from 'tap';
import { Reader } from '../../../src/protocol/primitives/reader.js';
import { checkVector, hex, plain } from '../../helpers/protocol-vector.js';
import {
  readConsumerProtocolSubscription, writeConsumerProtocolSubscription,
} from '../../../src/protocol/generated/consumer-protocol-subscription.js';
import {
  readConsumerProtocolAssignment, writeConsumerProtocolAssignment,
} from '../../../src/protocol/generated/consumer-protocol-assignment.js';

const subscription = { read: readConsumerProtocolSubscription, write: writeConsumerProtocolSubscription };
const assignment = { read: readConsumerProtocolAssignment, write: writeConsumerProtocolAssignment };

/** Subscription v3 body: topics ["t"], user data null, owned t-0, generation 5, rack "r1". */
const SUBSCRIPTION_V3_BODY = hex(
  '00000001 0001 74', // topics: ["t"]
  'ffffffff',         // user_data: null
  '00000001',         // owned_partitions: 1 entry
  '0001 74',          //   topic "t"
  '00000001 00000000', //  partitions [0]
  '00000005',         // generation_id 5
  '0002 7231',        // rack_id "r1"
);

t.test('assignment v0: two partitions of one topic, null user data', async (t) => {
  checkVector(t, {
    name: 'ConsumerProtocolAssignment', version: 0, ...assignment,
    bytes: hex(
      '00000001',          // assigned_partitions: 1 entry
      '0001 74',           //   topic "t"
      '00000002',          //   partitions: 2 entries
      '00000000 00000001', //     0, 1
      'ffffffff',          // user_data: null
    ),
    expected: { assignedPartitions: [{ topic: 't', partitions: [0, 1] }], userData: null },
  });
});

t.test('assignment v1: empty user data is not null', async (t) => {
  checkVector(t, {
    name: 'ConsumerProtocolAssignment', version: 1, ...assignment,
    bytes: hex('00000000', '00000000'), // no partitions, user_data = 0 bytes
    expected: { assignedPartitions: [], userData: Buffer.alloc(0) },
  });
});

t.test('subscription v0: topics and null user data', async (t) => {
  checkVector(t, {
    name: 'ConsumerProtocolSubscription', version: 0, ...subscription,
    bytes: hex('00000002 0001 61 0001 62', 'ffffffff'), // topics ["a", "b"], user_data null
    expected: { topics: ['a', 'b'], userData: null, ownedPartitions: [], generationId: -1, rackId: null },
  });
});

t.test('subscription v1: owned partitions follow the user data', async (t) => {
  checkVector(t, {
    name: 'ConsumerProtocolSubscription', version: 1, ...subscription,
    bytes: hex('00000001 0001 74', '00000003 010203', '00000001 0001 74 00000001 00000000'),
    expected: {
      topics: ['t'], userData: Buffer.from([1, 2, 3]), ownedPartitions: [{ topic: 't', partitions: [0] }],
      generationId: -1, rackId: null,
    },
  });
});

t.test('subscription v3: generation id and rack id', async (t) => {
  checkVector(t, {
    name: 'ConsumerProtocolSubscription', version: 3, ...subscription,
    bytes: SUBSCRIPTION_V3_BODY,
    expected: {
      topics: ['t'], userData: null, ownedPartitions: [{ topic: 't', partitions: [0] }], generationId: 5, rackId: 'r1',
    },
  });
});

t.test('a newer payload read with an older version leaves its extra fields unread', async (t) => {
  // A member on a newer client sends v3; a reader that only knows v1 reads the v1 prefix and
  // must ignore the rest (the format is append-only for exactly this reason).
  const payload = Buffer.concat([hex('0003'), SUBSCRIPTION_V3_BODY]);
  const r = new Reader(payload);
  const version = r.readInt16();
  t.equal(version, 3, 'version prefix');
  const v1 = readConsumerProtocolSubscription(r, Math.min(version, 1));
  t.strictSame(plain(v1), plain({
    topics: ['t'], userData: null, ownedPartitions: [{ topic: 't', partitions: [0] }], generationId: -1, rackId: null,
  }), 'the v1 fields are read correctly');
  t.equal(r.remaining(), 4 + 4, 'generation_id (4) and rack_id (2 + 2) remain unread');
});
