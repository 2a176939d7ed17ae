/**
 * Operations metrics through a real broker's /metrics (#15 item 9): consumer lag in seconds for a
 * real consumer group, and the data dir's free space.
 */
import t from 'tap';
import { statfsSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker, type SpawnedBroker } from '../helpers/spawn-broker.js';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** Generous room for a slow test machine between producing and scraping; far below the gaps tested. */
const SLACK_SECONDS = 600;

async function sample(broker: SpawnedBroker, series: string): Promise<number | null> {
  const text = await (await fetch(`${broker.adminUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

t.test('lag in seconds: the age of the oldest record the group has not consumed', async (t) => {
  const broker = await spawnBroker(t);
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  t.teardown(() => admin.disconnect());
  await admin.createTopics({ topics: [{ topic: 'aging', numPartitions: 1 }] });
  const producer = kafka.producer();
  await producer.connect();
  t.teardown(() => producer.disconnect());
  const now = Date.now();
  await producer.send({ topic: 'aging', messages: [
    { value: 'an hour old', timestamp: String(now - HOUR_MS) },
    { value: 'a minute old', timestamp: String(now - MINUTE_MS) },
  ] });

  const series = 'canopy_consumer_group_lag_seconds{group="readers",topic="aging",partition="0"}';
  const at = async (offset: number) => {
    await admin.setOffsets({ groupId: 'readers', topic: 'aging', partitions: [{ partition: 0, offset: String(offset) }] });
    return sample(broker, series);
  };
  const atStart = await at(0);
  t.ok(atStart !== null && atStart >= HOUR_MS / 1000 && atStart < HOUR_MS / 1000 + SLACK_SECONDS, `committed at 0: the hour-old record is unread (${atStart} s)`);
  t.equal(await sample(broker, 'canopy_consumer_group_lag{group="readers",topic="aging",partition="0"}'), 2, 'two records behind');
  const atOne = await at(1);
  t.ok(atOne !== null && atOne >= MINUTE_MS / 1000 && atOne < MINUTE_MS / 1000 + SLACK_SECONDS, `committed at 1: the minute-old record is the oldest unread (${atOne} s)`);
  t.equal(await at(2), 0, 'caught up: 0');
});

t.test('data dir free and capacity are the file system\'s, as statfs says', async (t) => {
  const broker = await spawnBroker(t);
  const fs = statfsSync(broker.dataDir);
  const capacity = await sample(broker, 'canopy_data_dir_capacity_bytes');
  const free = await sample(broker, 'canopy_data_dir_free_bytes');
  t.equal(capacity, fs.blocks * fs.bsize, 'capacity');
  t.ok(free !== null && free > 0 && free <= capacity!, `free ${free} of ${capacity}`);
});
