/**
 * Rebuilding idempotent-producer state on open skips control batches. A control batch that names
 * a producer (a transaction marker, as Kafka writes them) has no sequence (-1): taken as the
 * producer's latest batch it made the broker expect sequence 0 next, so the producer's next batch
 * after a restart was refused with OUT_OF_ORDER_SEQUENCE. Real broker, real journal files.
 */
import t from 'tap';
import { join } from 'node:path';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { produceRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { buildBatchUncompressed } from '../../src/protocol/records/batch.js';
import { controlBatch, encodeControlBatch, CONTROL_TYPE_RAFT_NOOP } from '../../src/protocol/records/control-batch.js';
import { PartitionLog, DEFAULT_JOURNAL_CONFIG } from '../../src/journal/partition-log.js';
import { PARTITIONS_DIR } from '../../src/replication/partition-manager.js';

const TOPIC = 'ps';

const batch = (producerId: number, producerEpoch: number, baseSequence: number, n: number) =>
  buildBatchUncompressed(Array.from({ length: n }, (_, i) => ({ key: null, value: Buffer.from(`s${baseSequence + i}`) })), { producerId, producerEpoch, baseSequence });

t.test('an idempotent producer continues after a restart over control batches that name it', async (t) => {
  const first = await spawnBroker(t);
  let c = await RawClient.connect(t, first.port);
  const init = await c.request(ApiKey.InitProducerId, 4, { transactionalId: null, transactionTimeoutMs: 60000, producerId: -1, producerEpoch: -1 });
  const [pid, epoch] = [Number(init.producerId), init.producerEpoch as number];
  const produce = async (b: Buffer) => (await c.request(ApiKey.Produce, 9, produceRequest(TOPIC, 0, b))).responses[0].partitionResponses[0];
  t.match(await produce(batch(pid, epoch, 0, 3)), { errorCode: ErrorCode.NONE, baseOffset: 0 });
  await first.stop();

  // A transaction marker naming the producer, then a Raft no-op, after its batch.
  const log = await PartitionLog.open(join(first.dataDir, PARTITIONS_DIR, `${TOPIC}-0`), DEFAULT_JOURNAL_CONFIG);
  const marker = controlBatch('commit', { producerId: pid, producerEpoch: epoch, baseOffset: 3, partitionLeaderEpoch: 0 });
  const noop = encodeControlBatch({ type: CONTROL_TYPE_RAFT_NOOP, value: null, baseOffset: 4, leaderEpoch: 0, timestampMs: Date.now() });
  await log.appendReplicated(Buffer.concat([marker, noop]));
  await log.close();

  const second = await spawnBroker(t, { dataDir: first.dataDir });
  c = await RawClient.connect(t, second.port);
  t.match(await produce(batch(pid, epoch, 0, 3)), { errorCode: ErrorCode.NONE, baseOffset: 0 }, 'a retry of the batch before the markers is still a duplicate');
  t.match(await produce(batch(pid, epoch, 3, 2)), { errorCode: ErrorCode.NONE, baseOffset: 5 }, 'the next sequence is accepted after the control batches');
});
