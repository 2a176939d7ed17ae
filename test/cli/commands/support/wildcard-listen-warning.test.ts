/**
 * A broker bound to every interface without an advertised listener tells remote clients to dial
 * 127.0.0.1: it says so at start-up, in its JSON log and on stderr. The 0.0.0.0 brokers run in a
 * network namespace of their own (spawnBroker's isolatedNetwork), so no test listens beyond
 * loopback.
 */
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { spawnBroker } from '../../../helpers/spawn-broker.js';

const WARNING = /Kafka listener on every interface \(0\.0\.0\.0\) without an advertised listener: clients are told to connect to 127\.0\.0\.1:\d+, which works only on this machine; set --advertised-listener \/ CANOPY_ADVERTISED_LISTENER/;

const unshare = spawnSync('unshare', ['--net', 'true'], { timeout: 10_000 });
const isolation = unshare.status === 0 ? false : `needs a network namespace of its own (unshare --net failed: ${unshare.stderr?.toString().trim() || unshare.error?.message})`;

interface LogLine { level: string; msg: string; listen?: { host: string }; advertised?: { host: string; port: number } }
const logLines = (output: string): LogLine[] => output.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as LogLine);

t.test('0.0.0.0 without an advertised listener: a warn log line and a stderr line naming the setting', { skip: isolation }, async (t) => {
  const broker = await spawnBroker(t, { isolatedNetwork: true, args: ['--listen', '0.0.0.0:0'] });
  const output = await broker.outputMatching(/canopy start: warning:/);
  const warn = logLines(output).find((l) => l.level === 'warn' && WARNING.test(l.msg));
  t.ok(warn, 'a JSON warn line', { output });
  t.same(warn?.listen?.host, '0.0.0.0');
  t.same(warn?.advertised, { host: '127.0.0.1', port: broker.port }, 'names the address clients are told');
  t.match(output, new RegExp(`\\ncanopy start: warning: ${WARNING.source}`), 'a plain stderr line too');
  t.equal(await broker.stop(), 0);
});

t.test('no warning with an advertised listener, nor on a loopback bind', { skip: isolation }, async (t) => {
  const advertised = await spawnBroker(t, { isolatedNetwork: true, args: ['--listen', '0.0.0.0:0', '--advertised-listener', 'broker.example:9092'] });
  t.equal(await advertised.stop(), 0);
  t.notMatch(advertised.output(), /without an advertised listener/);
  t.match(advertised.output(), /"advertised":\{"host":"broker.example","port":9092\}/, 'the broker started and logged its advertised address');
  const loopback = await spawnBroker(t);
  t.equal(await loopback.stop(), 0);
  t.notMatch(loopback.output(), /without an advertised listener/);
});
