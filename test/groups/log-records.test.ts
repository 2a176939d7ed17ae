import t from 'tap';
import { decodeGroupValue, decodeKey, decodeOffsetValue, groupKey, groupPartition, groupValue, offsetKey, offsetValue } from '../../src/groups/log-records.js';
import type { GroupSnapshot } from '../../src/groups/group.js';

t.test('offset key and value round-trip', async (t) => {
  t.same(decodeKey(offsetKey('grp', 'tópico', 7)), { kind: 'offset', groupId: 'grp', topic: 'tópico', partition: 7 });
  const v = { offset: 2 ** 40, leaderEpoch: 3, metadata: 'm', commitTimestampMs: 1_700_000_000_123 };
  t.same(decodeOffsetValue(offsetValue(v)), v);
});

t.test('group key and value round-trip', async (t) => {
  t.same(decodeKey(groupKey('g')), { kind: 'group', groupId: 'g' });
  const s: GroupSnapshot = {
    groupId: 'g', protocolType: 'consumer', protocolName: 'range', generationId: 9, leaderId: 'm1', state: 'Stable', stateTimestampMs: 123,
    members: [{ memberId: 'm1', groupInstanceId: 'i1', clientId: 'c', clientHost: '/127.0.0.1', sessionTimeoutMs: 45000, rebalanceTimeoutMs: 300000,
      protocols: [{ name: 'range', metadata: Buffer.from([1, 2]) }, { name: 'x', metadata: Buffer.alloc(0) }], assignment: Buffer.from('a') }],
  };
  t.same(decodeGroupValue('g', groupValue(s)), s);
  const empty: GroupSnapshot = { ...s, protocolName: null, leaderId: null, state: 'Empty', members: [] };
  t.same(decodeGroupValue('g', groupValue(empty)), empty);
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
