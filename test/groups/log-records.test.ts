import t from 'tap';
import { decodeGroupValue, decodeKey, decodeOffsetValue, groupKey, groupPartition, groupValue, offsetKey, offsetValue } from '../../src/groups/log-records.js';
import type { GroupSnapshot } from '../../src/groups/group.js';
import { hex } from '../helpers/hex.js';

// Byte vectors written by hand from Kafka's published schemas (OffsetCommitKey v1,
// OffsetCommitValue v3, GroupMetadataKey v2, GroupMetadataValue v3): int16 version first, then the
// fields in schema order, non-flexible (int16-length strings, int32-length bytes and arrays).

t.test('offset commit key is Kafka OffsetCommitKey v1', async (t) => {
  const bytes = hex(`
    0001                 # key version 1
    0003 677270          # group "grp"
    0001 74              # topic "t"
    00000007             # partition 7
  `);
  t.same(offsetKey('grp', 't', 7), bytes);
  t.same(decodeKey(bytes), { kind: 'offset', groupId: 'grp', topic: 't', partition: 7 });
  t.same(decodeKey(Buffer.concat([hex('0000'), bytes.subarray(2)])), { kind: 'offset', groupId: 'grp', topic: 't', partition: 7 }, 'key v0 reads the same');
});

t.test('offset commit value is Kafka OffsetCommitValue v3', async (t) => {
  const bytes = hex(`
    0003                 # value version 3
    00000000000001f4     # offset 500
    00000002             # leaderEpoch 2
    0002 6d64            # metadata "md"
    0000018bcfe56800     # commitTimestamp 1700000000000
  `);
  const v = { offset: 500, leaderEpoch: 2, metadata: 'md', commitTimestampMs: 1_700_000_000_000 };
  t.same(offsetValue(v), bytes);
  t.same(decodeOffsetValue(bytes), v);
});

t.test('offset commit values of Kafka versions 0 and 2 are read', async (t) => {
  const v0 = hex('0000 00000000000001f4 0000 0000018bcfe56800');
  t.same(decodeOffsetValue(v0), { offset: 500, leaderEpoch: -1, metadata: '', commitTimestampMs: 1_700_000_000_000 });
  const v2 = hex('0002 000000000000000a 0001 78 0000018bcfe56800');
  t.same(decodeOffsetValue(v2), { offset: 10, leaderEpoch: -1, metadata: 'x', commitTimestampMs: 1_700_000_000_000 });
});

t.test('group metadata key is Kafka GroupMetadataKey v2', async (t) => {
  const bytes = hex('0002 0001 67');
  t.same(groupKey('g'), bytes);
  t.same(decodeKey(bytes), { kind: 'group', groupId: 'g' });
});

const stable: GroupSnapshot = {
  groupId: 'g', protocolType: 'consumer', protocolName: 'range', generationId: 9, leaderId: 'm1', state: 'Stable', stateTimestampMs: 1_700_000_000_000,
  members: [{ memberId: 'm1', groupInstanceId: 'i1', clientId: 'c', clientHost: '/h', sessionTimeoutMs: 45000, rebalanceTimeoutMs: 300000,
    protocols: [{ name: 'range', metadata: Buffer.from([1, 2]) }], assignment: Buffer.from('a') }],
};

t.test('group metadata value is Kafka GroupMetadataValue v3', async (t) => {
  const bytes = hex(`
    0003                     # value version 3
    0008 636f6e73756d6572    # protocolType "consumer"
    00000009                 # generation 9
    0005 72616e6765          # protocol "range"
    0002 6d31                # leader "m1"
    0000018bcfe56800         # currentStateTimestamp
    00000001                 # 1 member
      0002 6d31              #   memberId "m1"
      0002 6931              #   groupInstanceId "i1"
      0001 63                #   clientId "c"
      0002 2f68              #   clientHost "/h"
      000493e0               #   rebalanceTimeout 300000
      0000afc8               #   sessionTimeout 45000
      00000002 0102          #   subscription
      00000001 61            #   assignment "a"
  `);
  t.same(groupValue(stable), bytes);
  t.same(decodeGroupValue('g', bytes), stable);
});

t.test('group value keeps only the chosen protocol; state is inferred from the members, as Kafka loads it', async (t) => {
  const twoProtocols: GroupSnapshot = { ...stable, members: [{ ...stable.members[0]!, protocols: [{ name: 'x', metadata: Buffer.from([9]) }, { name: 'range', metadata: Buffer.from([1, 2]) }] }] };
  t.same(decodeGroupValue('g', groupValue(twoProtocols)), stable);
  const empty: GroupSnapshot = { ...stable, protocolName: null, leaderId: null, state: 'Empty', members: [] };
  const bytes = groupValue(empty);
  t.same(bytes.subarray(0, 2), hex('0003'));
  t.same(decodeGroupValue('g', bytes), empty);
});

t.test('group metadata value v0 (no rebalance timeout, no state timestamp) is read', async (t) => {
  const v0 = hex(`
    0000 0008 636f6e73756d6572 00000001 ffff ffff   # no protocol, no leader
    00000000
  `);
  t.same(decodeGroupValue('g', v0), { groupId: 'g', protocolType: 'consumer', protocolName: null, generationId: 1, leaderId: null, state: 'Empty', stateTimestampMs: -1, members: [] });
});

t.test("values in Canopy's earlier layout (version 1) still load", async (t) => {
  const offset = hex(`
    0001 00000000000001f4 00000002 0002 6d64 0000018bcfe56800
  `);
  t.same(decodeOffsetValue(offset), { offset: 500, leaderEpoch: 2, metadata: 'md', commitTimestampMs: 1_700_000_000_000 });
  const group = hex(`
    0001
    0008 636f6e73756d6572    # protocolType
    0005 72616e6765          # protocolName
    00000009                 # generation
    0002 6d31                # leader
    0006 537461626c65        # state "Stable"
    0000018bcfe56800         # stateTimestampMs
    00000001
      0002 6d31 0002 6931 0001 63 0002 2f68
      0000afc8 000493e0      # session, rebalance
      00000001 0005 72616e6765 00000002 0102
      00000001 61
  `);
  t.same(decodeGroupValue('g', group), stable);
});

t.test('unknown key versions are reported, not misread', async (t) => {
  t.same(decodeKey(Buffer.from([0, 9, 0, 0])), { kind: 'unknown' });
});

t.test('group → partition uses Java String.hashCode like Kafka', async (t) => {
  // "hello".hashCode() = 99162322; Integer.MIN_VALUE-style negatives are masked, not negated.
  t.equal(groupPartition('hello', 50), 99162322 % 50);
  t.equal(groupPartition('polygenelubricants', 50), (-2147483648 & 0x7fffffff) % 50, 'hashCode is Integer.MIN_VALUE');
  for (const id of ['', 'a', 'consumer-group-1', 'ü']) {
    const p = groupPartition(id, 8);
    t.ok(p >= 0 && p < 8);
    t.equal(groupPartition(id, 8), p, 'stable');
  }
});
