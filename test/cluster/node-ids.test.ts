// Kafka node ids (from 0) and Raft ids (from 1, 0 = none) meet here.
import t from 'tap';
import { nodeIdOfRaftId, raftIdOf } from '../../src/cluster/node-ids.js';

t.test('raft id = Kafka node id + 1, both ways; out-of-range ids are refused', async (t) => {
  t.strictSame([0, 1, 2].map(raftIdOf), [1, 2, 3], 'kafkajs\' layout 0,1,2 is Raft 1,2,3');
  t.strictSame([1, 2, 3].map(nodeIdOfRaftId), [0, 1, 2]);
  t.throws(() => raftIdOf(-1), { name: 'RangeError', message: /Kafka node id -1/ });
  t.throws(() => nodeIdOfRaftId(0), { name: 'RangeError', message: /Raft id 0/ }, 'Raft 0 is NONE, never a node');
  t.throws(() => raftIdOf(1.5), { name: 'RangeError' });
});
