import t from 'tap';
import { execFileSync } from 'node:child_process';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { haveClient } from '../helpers/debian-client.js';
import { Kafka, logLevel } from 'kafkajs';

/** kcat (librdkafka 2.0.2) produces and consumes without a group; the data comes back byte for byte. */
const KCAT_TIMEOUT_MS = 30_000;

function kcat(args: string[], input?: string): string {
  return execFileSync('kcat', args, { input, encoding: 'utf8', timeout: KCAT_TIMEOUT_MS, stdio: ['pipe', 'pipe', 'pipe'] });
}

t.test('kcat produce then consume, and kafkajs → kcat', async (t) => {
  if (!haveClient(t, 'kcat')) return;
  const broker = await spawnBroker(t);
  const b = broker.bootstrap;

  await t.test('kcat -P / -C round trip with keys, values and offsets', async (t) => {
    const lines = ['k1\tv1', 'k2\tvalue with spaces', 'ключ\tзначение ✓', '\tno-key-value'];
    kcat(['-b', b, '-P', '-t', 'kc', '-p', '0', '-K', '\t'], lines.join('\n') + '\n');
    const out = kcat(['-b', b, '-C', '-t', 'kc', '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%o|%k|%s\\n']);
    t.same(out.trimEnd().split('\n'), ['0|k1|v1', '1|k2|value with spaces', '2|ключ|значение ✓', '3||no-key-value']);
  });

  await t.test('kcat reads what kafkajs wrote: keys, values, headers, timestamps', async (t) => {
    const kafka = new Kafka({ brokers: [b], logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ allowAutoTopicCreation: true });
    await producer.connect();
    t.teardown(() => producer.disconnect());
    const sent = await producer.send({
      topic: 'from-kafkajs',
      acks: -1,
      messages: [
        { key: 'a', value: 'first', headers: { h1: 'x' }, timestamp: '1700000000001' },
        { key: 'b', value: 'second', headers: { h2: 'y' }, timestamp: '1700000000002' },
      ],
    });
    t.equal(sent[0]!.baseOffset, '0');
    const out = kcat(['-b', b, '-C', '-t', 'from-kafkajs', '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%o|%k|%s|%h|%T\\n']);
    t.same(out.trimEnd().split('\n'), ['0|a|first|h1=x|1700000000001', '1|b|second|h2=y|1700000000002']);
  });

  await t.test('kcat consumes from an offset in the middle and from the end', async (t) => {
    const out = kcat(['-b', b, '-C', '-t', 'kc', '-p', '0', '-o', '2', '-e', '-q', '-f', '%o\\n']);
    t.same(out.trimEnd().split('\n'), ['2', '3']);
    const none = kcat(['-b', b, '-C', '-t', 'kc', '-p', '0', '-o', 'end', '-e', '-q', '-f', '%o\\n']);
    t.equal(none.trim(), '', 'nothing after the end');
  });

  await t.test('kcat -L lists the broker and topics', async (t) => {
    const out = kcat(['-b', b, '-L', '-J']);
    const meta = JSON.parse(out) as { brokers: Array<{ id: number; name: string }>; topics: Array<{ topic: string; partitions: unknown[] }> };
    t.same(meta.brokers.map((x) => x.name), [b]);
    const names = meta.topics.map((x) => x.topic);
    t.ok(names.includes('kc') && names.includes('from-kafkajs'));
  });
});
