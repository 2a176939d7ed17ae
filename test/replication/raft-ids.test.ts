// Kafka node ids (from 0) and Raft ids (from 1, 0 = none) meet here.
import t from 'tap';
import { kafkaNodeIdOf, raftIdOf } from '../../src/replication/raft-ids.js';

t.test('raft id = Kafka node id + 1, both ways; out-of-range ids are refused', async (t) => {
  t.strictSame([0, 1, 2].map(raftIdOf), [1, 2, 3], 'kafkajs\' layout 0,1,2 is Raft 1,2,3');
  t.strictSame([1, 2, 3].map(kafkaNodeIdOf), [0, 1, 2]);
  t.equal(kafkaNodeIdOf(0), -1, 'Raft NONE is Kafka\'s "no leader"');
  t.throws(() => raftIdOf(-1), { name: 'RangeError', message: /Kafka node id -1/ });
  t.throws(() => kafkaNodeIdOf(-2), { name: 'RangeError', message: /Raft id -2/ });
  t.throws(() => raftIdOf(1.5), { name: 'RangeError' });
});
