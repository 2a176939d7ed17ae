/**
 * The cross-client matrix: seven real clients each write the same kind of records (binary keys and
 * values, a null key, a null value, an empty value, UTF-8, a 5 KB value, headers, explicit
 * timestamps) to their own topic, and each of the six reads every topic back; every reader must
 * see every writer's records byte for byte with the same offsets. Writers and readers: kafkajs
 * 2.2.4 (reads through a group), kcat (librdkafka 2.0.2, no group), confluent-kafka-python 1.7
 * (assign), kafka-python 2.0.2 (assign + seek), node-rdkafka 3.6 (librdkafka 2.12, assign) and
 * @platformatic/kafka 1.35 (low-level Fetch v12+ by topic id) and Sarama 1.22 (Go, as Kafka 2.1:
 * Produce v3, Fetch v4, partition consumer).
 *
 * kcat cannot set per-record timestamps or headers, nor send an empty value distinct from null
 * (-Z makes empty NULL), and its delimiters (0x1e, 0x1f here) cannot occur in the data: its topic
 * has its own records, one header on all, and the timestamps librdkafka chose, which every reader
 * must agree on.
 */
import t, { type Test } from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { haveClient } from '../helpers/debian-client.js';
import { haveGoClient } from '../helpers/go-client.js';
import {
  ckConsume,
  ckProduce,
  kafkajsConsume,
  kafkajsProduce,
  kcatConsume,
  kcatProduce,
  kpConsume,
  kpProduce,
  platformaticFetch,
  platformaticProduce,
  rdkafkaConsume,
  rdkafkaProduce,
  referenceRecords,
  saramaConsume,
  saramaProduce,
  show,
  type ReadRec,
  type ReadSpec,
  type Rec,
} from '../helpers/client-records.js';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const PARTITION = 0;

/** kcat's records: no delimiter bytes, no empty-but-not-null value, one header on all. */
function kcatRecords(): Rec[] {
  const noDelims = (b: Buffer | null) => (b === null ? null : Buffer.from([...b].filter((x) => x !== 0x1e && x !== 0x1f)));
  return referenceRecords('kcat')
    .filter((r) => !(r.value !== null && r.value.length === 0))
    .map((r) => ({ ...r, value: noDelims(r.value), headers: [['src', Buffer.from('kcat')]] as Array<[string, Buffer]>, timestamp: -1 }));
}

t.test('every client reads what every other client wrote, byte for byte', async (t) => {
  if (!haveClient(t, 'kcat') || !haveClient(t, 'python3-confluent-kafka') || !haveClient(t, 'python3-kafka') || !haveGoClient(t, 'sarama-client')) return;
  const broker = await spawnBroker(t);
  const b = broker.bootstrap;

  const expected = new Map<string, Rec[]>();
  let kcatWindow: [number, number] = [0, 0];

  await t.test('writers', async (t) => {
    /** fn may return what the client really wrote where a client quirk changes the records. */
    const write = async (name: string, fn: (topic: string, records: Rec[]) => Promise<Rec[] | void>) => {
      const topic = `mx-${name}`;
      const records = referenceRecords(name);
      expected.set(topic, (await fn(topic, records)) ?? records);
      t.pass(`${name} wrote ${records.length} records`);
    };
    await write('kafkajs', async (topic, rs) => {
      t.same(await kafkajsProduce(b, topic, PARTITION, rs), [{ baseOffset: 0 }], 'kafkajs send result');
    });
    await write('ck', async (topic, rs) => {
      const reports = await ckProduce(b, topic, PARTITION, rs, { acks: 'all' });
      t.same(reports.map((r) => [r.err, r.o]), rs.map((_, i) => [null, i]), 'confluent-kafka-python delivery reports');
    });
    await write('kp', async (topic, rs) => {
      const reports = await kpProduce(b, topic, PARTITION, rs);
      t.same(reports.map((r) => [r.err, r.o]), rs.map((_, i) => [null, i]), 'kafka-python futures');
    });
    await write('rdkafka', async (topic, rs) => {
      const reports = await rdkafkaProduce(b, topic, PARTITION, rs);
      t.same(reports.map((r) => r.offset), rs.map((_, i) => i), 'node-rdkafka delivery reports');
      // Client quirk: node-rdkafka passes a zero-length Buffer value to librdkafka as a NULL
      // payload, so it writes a null value where the others write an empty one (every other
      // writer's empty value reads back empty through the same broker).
      return rs.map((r) => (r.value !== null && r.value.length === 0 ? { ...r, value: null } : r));
    });
    await write('platformatic', async (topic, rs) => {
      const offsets = await platformaticProduce(b, topic, PARTITION, rs);
      t.same(offsets, [{ partition: PARTITION, offset: 0 }], 'platformatic produce result (base offset)');
    });
    await write('sarama', async (topic, rs) => {
      t.same(await saramaProduce(b, topic, PARTITION, rs), rs.map((_, i) => i), 'Sarama offsets');
    });
    const before = Date.now();
    const ks = kcatRecords();
    kcatProduce(b, 'mx-kcat', PARTITION, ks, ['src', 'kcat']);
    kcatWindow = [before, Date.now()];
    expected.set('mx-kcat', ks);
  });

  const specs = (): ReadSpec[] => [...expected].map(([topic, rs]) => ({ topic, partition: PARTITION, offset: 0, count: rs.length }));

  const check = (t: Test, reader: string, read: ReadRec[]) => {
    for (const [topic, rs] of expected) {
      const got = read.filter((r) => r.topic === topic);
      t.same(got.map((r) => r.offset), rs.map((_, i) => i), `${reader} reads ${topic}: offsets`);
      if (topic === 'mx-kcat') {
        const stamps = got.map((r) => r.timestamp);
        t.ok(stamps.length > 0 && stamps.every((s) => s >= kcatWindow[0] - 1 && s <= kcatWindow[1] + 1), `${reader} reads ${topic}: producer timestamps within the produce window`);
        kcatStamps.set(reader, stamps);
        t.same(got.map((r) => show({ ...r, timestamp: -1 })), rs.map(show), `${reader} reads ${topic} byte for byte`);
      } else {
        t.same(got.map(show), rs.map(show), `${reader} reads ${topic} byte for byte`);
      }
    }
  };
  const kcatStamps = new Map<string, number[]>();

  await t.test('kafkajs reads (group)', async (t) => check(t, 'kafkajs', await kafkajsConsume(b, specs(), 'mx-kafkajs-reader')));
  await t.test('kcat reads (no group)', async (t) => check(t, 'kcat', kcatConsume(b, specs())));
  await t.test('confluent-kafka-python reads (assign)', async (t) => check(t, 'ck', await ckConsume(b, specs())));
  await t.test('kafka-python reads (assign + seek)', async (t) => check(t, 'kp', await kpConsume(b, specs())));
  await t.test('node-rdkafka reads (assign)', async (t) => check(t, 'rdkafka', await rdkafkaConsume(b, specs())));
  await t.test('platformatic reads (Fetch by topic id)', async (t) => check(t, 'platformatic', await platformaticFetch(b, specs())));
  await t.test('Sarama reads (partition consumer)', async (t) => check(t, 'sarama', await saramaConsume(b, specs())));

  t.test('every reader saw the same kcat timestamps', async (t) => {
    const all = [...kcatStamps.values()];
    t.equal(all.length, 7);
    for (const s of all) t.same(s, all[0]);
  });
});
