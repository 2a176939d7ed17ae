import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { produceRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { buildBatchUncompressed } from '../../src/protocol/records/batch.js';

const query = (topic: string, parts: Array<{ partition: number; leaderEpoch: number; currentLeaderEpoch?: number }>) => ({
  replicaId: -1,
  topics: [{ topic, partitions: parts.map((p) => ({ partition: p.partition, leaderEpoch: p.leaderEpoch, currentLeaderEpoch: p.currentLeaderEpoch ?? -1 })) }],
});

t.test('OffsetForLeaderEpoch against a real broker', async (t) => {
  const broker = await spawnBroker(t);
  const raw = await RawClient.connect(t, broker.port);
  const created = await raw.request(ApiKey.CreateTopics, 4, { topics: [{ name: 'epochs', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000, validateOnly: false });
  t.equal(created.topics[0].errorCode, ErrorCode.NONE);
  for (let i = 0; i < 3; i++) {
    const res = await raw.request(ApiKey.Produce, 7, produceRequest('epochs', 0, buildBatchUncompressed([{ key: null, value: Buffer.from(`v${i}`) }, { key: null, value: Buffer.from('w') }])));
    t.equal(res.responses[0].partitionResponses[0].errorCode, ErrorCode.NONE);
  }

  await t.test('the current epoch (0) ends at the log end offset, in every version', async (t) => {
    for (let v = 0; v <= 4; v++) {
      const res = await raw.request(ApiKey.OffsetForLeaderEpoch, v, query('epochs', [{ partition: 0, leaderEpoch: 0 }, { partition: 1, leaderEpoch: 0 }]));
      const [p0, p1] = res.topics[0].partitions;
      t.same([p0.errorCode, Number(p0.endOffset)], [ErrorCode.NONE, 6], `v${v} partition 0 has 6 records`);
      t.same([p1.errorCode, Number(p1.endOffset)], [ErrorCode.NONE, 0], `v${v} empty partition 1`);
      if (v >= 1) t.same([p0.leaderEpoch, p1.leaderEpoch], [0, 0], `v${v} reports the epoch`);
    }
  });

  await t.test('a later epoch answers with the largest held one; fencing by current_leader_epoch; unknown partition', async (t) => {
    const later = await raw.request(ApiKey.OffsetForLeaderEpoch, 3, query('epochs', [{ partition: 0, leaderEpoch: 5 }]));
    t.same([later.topics[0].partitions[0].leaderEpoch, Number(later.topics[0].partitions[0].endOffset)], [0, 6]);
    const current = await raw.request(ApiKey.OffsetForLeaderEpoch, 3, query('epochs', [{ partition: 0, leaderEpoch: 0, currentLeaderEpoch: 0 }]));
    t.equal(current.topics[0].partitions[0].errorCode, ErrorCode.NONE);
    const ahead = await raw.request(ApiKey.OffsetForLeaderEpoch, 3, query('epochs', [{ partition: 0, leaderEpoch: 0, currentLeaderEpoch: 3 }]));
    t.equal(ahead.topics[0].partitions[0].errorCode, ErrorCode.UNKNOWN_LEADER_EPOCH);
    const unknown = await raw.request(ApiKey.OffsetForLeaderEpoch, 3, query('nope', [{ partition: 0, leaderEpoch: 0 }]));
    t.equal(unknown.topics[0].partitions[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  });
});
