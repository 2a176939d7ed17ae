import t from 'tap';
import kafkajs from 'kafkajs';
import { kafkaPartitionOf, murmur2 } from '../../../src/tree/filter/murmur2.js';
import { Rng } from '../../helpers/protocol-random.js';

t.test('murmur2 gives the Java client\'s values (Kafka UtilsTest vectors)', async (t) => {
  const vectors: [string, number][] = [
    ['21', -973932308], ['foobar', -790332482], ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829], ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971], ['abc', 479470107],
  ];
  for (const [key, hash] of vectors) t.equal(murmur2(Buffer.from(key)), hash, key);
});

t.test('kafkaPartitionOf picks the partition kafkajs\'s default partitioner picks, for random keys', async (t) => {
  const rng = new Rng(11);
  const partitioner = kafkajs.Partitioners.DefaultPartitioner();
  for (let i = 0; i < 500; i++) {
    const key = rng.bytes(rng.int(0, 40));
    const partitions = rng.int(1, 64);
    const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));
    const theirs = partitioner({ topic: 't', partitionMetadata, message: { key, value: null } });
    t.equal(kafkaPartitionOf(key, partitions), theirs, `key ${key.toString('hex')} over ${partitions}`);
  }
});
