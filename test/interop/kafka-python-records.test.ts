/**
 * kafka-python 2.0.2 (Debian) against the real broker: the producer with every codec it supports
 * (none, gzip, snappy, lz4, zstd) and acks 0/1/all, a consumer without a group (assign + seek,
 * from the start and from the middle), and the admin client creating and deleting topics. The
 * client is test/interop/clients/kp_records.py.
 */
import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { haveClient } from '../helpers/debian-client.js';
import { kpAdmin, kpConsume, kpProduce, referenceRecords, show, type Rec } from '../helpers/client-records.js';
import { Compression, compressionOf } from '../../src/protocol/records/batch-header.js';
import { iterateBatches } from '../../src/protocol/records/iterate-batches.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { RawClient } from '../helpers/raw-client.js';
import { fetchRequest } from '../helpers/requests.js';

/** Fetch v11 (raw batches, nothing decompressed) of a partition from offset 0. */
const FETCH_VERSION = 11;

const CODECS = [
  ['none', Compression.None],
  ['gzip', Compression.Gzip],
  ['snappy', Compression.Snappy],
  ['lz4', Compression.Lz4],
  ['zstd', Compression.Zstd],
] as const;

t.test('kafka-python producer, group-less consumer and admin', async (t) => {
  if (!haveClient(t, 'python3-kafka')) return;
  const broker = await spawnBroker(t);
  const b = broker.bootstrap;

  for (const [codec, expected] of CODECS) {
    await t.test(`produce with ${codec}, read back with assign + seek`, async (t) => {
      const topic = `kp-${codec}`;
      const records = referenceRecords(codec);
      const reports = await kpProduce(b, topic, 0, records, { compression: codec });
      t.same(reports.map((r) => [r.err, r.o]), records.map((_, i) => [null, i]), 'every future resolved with its offset');
      const read = await kpConsume(b, [{ topic, partition: 0, offset: 0, count: records.length }]);
      t.same(read.map(show), records.map(show), 'byte for byte');
      const raw = await RawClient.connect(t, broker.port);
      const res = await raw.request(ApiKey.Fetch, FETCH_VERSION, fetchRequest([{ topic, partition: 0, offset: 0 }]));
      const stored = res.responses[0].partitions[0].records as Buffer;
      const codecs = [...iterateBatches(stored)].map((x) => compressionOf(x.header.attributes));
      // A batch whose records do not shrink may go out uncompressed (seen with lz4 on a batch
      // holding only the 256 distinct bytes): every batch is `codec` or none, at least one `codec`.
      t.ok(codecs.includes(expected), `a stored batch uses ${codec}`);
      t.same(codecs.filter((c) => c !== expected && c !== Compression.None), [], 'no other codec');
    });
  }

  await t.test('acks 0, 1 and all append in order; seek to the middle', async (t) => {
    const topic = 'kp-acks';
    const written: Rec[] = [];
    for (const acks of ['0', '1', 'all']) {
      const records = referenceRecords(`acks-${acks}`, 1_700_000_000_000 + written.length * 10);
      const reports = await kpProduce(b, topic, 0, records, { acks });
      t.same(reports.map((r) => r.err), records.map(() => null), `acks=${acks}: delivered`);
      // kafka-python reports offset -1 for acks=0 (there is no response to read one from).
      t.same(reports.map((r) => r.o), records.map((_, i) => (acks === '0' ? -1 : written.length + i)), `acks=${acks}: offsets`);
      written.push(...records);
    }
    const all = await kpConsume(b, [{ topic, partition: 0, offset: 0, count: written.length }]);
    t.same(all.map(show), written.map(show));
    const mid = await kpConsume(b, [{ topic, partition: 0, offset: 7, count: 4 }]);
    t.same(mid.map((r) => r.offset), [7, 8, 9, 10]);
    t.same(mid.map(show), written.slice(7, 11).map(show));
  });

  await t.test('admin creates and deletes topics', async (t) => {
    const made = await kpAdmin(b, [['kp-admin-a', 3], ['kp-admin-b', 1]], []);
    t.same(made.errors, {});
    t.same(made.created.sort(), ['kp-admin-a', 'kp-admin-b']);
    t.same(made.partitions['kp-admin-a'], [3, 0], 'three partitions');
    t.ok(made.topics.includes('kp-admin-a') && made.topics.includes('kp-admin-b'));

    // kafka-python raises on a topic error (TOPIC_ALREADY_EXISTS = 36 here) instead of returning it.
    const again = await kpAdmin(b, [['kp-admin-a', 3]], []);
    t.match(again.errors.create, /TopicAlreadyExistsError/);

    const gone = await kpAdmin(b, [], ['kp-admin-a']);
    t.same(gone.errors, {});
    t.same(gone.deleted, ['kp-admin-a']);
    t.notOk(gone.topics.includes('kp-admin-a'), 'deleted topic no longer listed');
    t.ok(gone.topics.includes('kp-admin-b'), 'the other stays');

    const missing = await kpAdmin(b, [], ['kp-never-was']);
    t.match(missing.errors.delete, /UnknownTopicOrPartitionError/);
  });
});
