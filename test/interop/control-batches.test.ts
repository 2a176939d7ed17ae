/**
 * Every client skips Raft's control batches and offset gaps (issue #10, DESIGN decision 1). A
 * partition journal is written with the journal API (test/helpers/control-gap-log.ts: control
 * batches of both Raft types at the start, between data, back to back and at the end; gaps inside
 * a batch, an emptied batch and a gap between segments), then a real broker opens it and each
 * client reads the partition from offset 0: each must see exactly the data records, at their
 * offsets, and reach the end. The results per client are the table in src/protocol/records/README.md.
 */
import t, { type Test } from 'tap';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker, type SpawnedBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { fetchRequest, listOffsetsRequest } from '../helpers/requests.js';
import { writeControlGapLog, type ControlGapLog } from '../helpers/control-gap-log.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { iterateBatches } from '../../src/protocol/records/iterate-batches.js';
import { controlTypeOf } from '../../src/protocol/records/control-batch.js';
import { PARTITIONS_DIR } from '../../src/replication/partition-manager.js';

const TOPIC = 'ctl';
const FETCH_VERSION = 12;

/** A broker started on a data dir whose partition ctl-0 holds the control/gap log. */
async function brokerWithLog(t: Test): Promise<{ broker: SpawnedBroker; log: ControlGapLog }> {
  const first = await spawnBroker(t);
  const admin = new Kafka({ brokers: [first.bootstrap], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1 }] });
  await admin.disconnect();
  await first.stop();
  const log = await writeControlGapLog(join(first.dataDir, PARTITIONS_DIR, `${TOPIC}-0`), Date.now() - 3_600_000);
  const broker = await spawnBroker(t, { dataDir: first.dataDir });
  return { broker, log };
}

/** One Fetch at `offset`: the error code and the base offsets (and control types) of the batches served. */
async function fetchAt(client: RawClient, offset: number): Promise<{ errorCode: number; highWatermark: number; batches: Array<[number, number | null]> }> {
  const res = await client.request(ApiKey.Fetch, FETCH_VERSION, fetchRequest([{ topic: TOPIC, partition: 0, offset }]));
  const p = res.responses[0].partitions[0];
  const bytes: Buffer = p.records ?? Buffer.alloc(0);
  const batches = [...iterateBatches(bytes)].map((b): [number, number | null] => [b.header.baseOffset, controlTypeOf(bytes.subarray(b.pos, b.pos + b.totalBytes))]);
  return { errorCode: p.errorCode, highWatermark: Number(p.highWatermark), batches };
}

t.test('control batches and offset gaps against every client', async (t) => {
  const { broker, log } = await brokerWithLog(t);

  await t.test('Fetch at a control batch or inside a gap serves the next batch, not an error', async (t) => {
    const client = await RawClient.connect(t, broker.port);
    const all = await fetchAt(client, 0);
    t.equal(all.errorCode, ErrorCode.NONE);
    t.equal(all.highWatermark, log.logEnd);
    t.same(all.batches, [[0, 2], [1, null], [4, 6], [5, null], [7, 2], [8, 6], [9, null], [17, null], [21, null], [30, null], [32, 2]], 'every stored batch, control types as written');
    for (const [offset, firstBatch] of [[4, 4], [8, 8], [14, 9], [18, 17], [22, 30], [25, 30], [29, 30], [32, 32]] as const) {
      const r = await fetchAt(client, offset);
      t.equal(r.errorCode, ErrorCode.NONE, `fetch at ${offset}: no error`);
      t.equal(r.batches[0]?.[0], firstBatch, `fetch at ${offset} starts with the batch at ${firstBatch}`);
    }
    const end = await fetchAt(client, log.logEnd);
    t.same([end.errorCode, end.batches], [ErrorCode.NONE, []], 'fetch at the log end (past the trailing control batch): nothing, no error');
    const past = await fetchAt(client, log.logEnd + 1);
    t.equal(past.errorCode, ErrorCode.OFFSET_OUT_OF_RANGE, 'past the log end: OFFSET_OUT_OF_RANGE');
  });
});
