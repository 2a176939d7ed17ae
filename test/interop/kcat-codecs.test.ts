/**
 * kcat (librdkafka 2.0.2) produces with every codec (-z none/gzip/snappy/lz4/zstd) and consumes
 * without a group; the records also read back through kafka-python (its own decompressors:
 * python-snappy, python-lz4, python-zstandard) and node-rdkafka (librdkafka 2.12), byte for byte
 * with the same offsets. (The stored bytes themselves are checked in
 * test/protocol/compression/real-clients.test.ts.)
 */
import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { haveClient } from '../helpers/debian-client.js';
import { kcatConsume, kcatProduce, kpConsume, rdkafkaConsume, show } from '../helpers/client-records.js';

const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
const RECORDS = 200;

/** Compressible, distinct records (librdkafka sends a batch uncompressed if it does not shrink). */
function records(codec: string): Array<{ key: Buffer | null; value: Buffer | null }> {
  return Array.from({ length: RECORDS }, (_, i) => ({
    key: i % 10 === 0 ? null : Buffer.from(`key-${i}`),
    value: i % 25 === 7 ? null : Buffer.from(`{"codec":"${codec}","seq":${i},"text":"${'compress me '.repeat(1 + (i % 9))}"}`),
  }));
}

t.test('kcat produces with every codec; kcat, kafka-python and node-rdkafka read it back', async (t) => {
  if (!haveClient(t, 'kcat') || !haveClient(t, 'python3-kafka')) return;
  const broker = await spawnBroker(t);
  const b = broker.bootstrap;
  for (const codec of CODECS) {
    await t.test(codec, async (t) => {
      const topic = `kcat-z-${codec}`;
      const sent = records(codec);
      kcatProduce(b, topic, 0, sent, ['codec', codec], ['-z', codec]);
      const expected = sent.map((r) => show({ ...r, headers: [['codec', Buffer.from(codec)]], timestamp: 0 }));
      const spec = [{ topic, partition: 0, offset: 0, count: RECORDS }];
      const byKcat = kcatConsume(b, spec);
      t.same(byKcat.map((r) => r.offset), sent.map((_, i) => i), 'kcat: offsets');
      t.same(byKcat.map((r) => show({ ...r, timestamp: 0 })), expected, 'kcat reads it byte for byte');
      const byKp = await kpConsume(b, spec);
      t.same(byKp.map((r) => show({ ...r, timestamp: 0 })), expected, 'kafka-python reads it byte for byte');
      t.same(byKp.map((r) => r.timestamp), byKcat.map((r) => r.timestamp), 'same timestamps');
      const byRd = await rdkafkaConsume(b, spec);
      t.same(byRd.map((r) => show({ ...r, timestamp: 0 })), expected, 'node-rdkafka reads it byte for byte');
    });
  }
});
