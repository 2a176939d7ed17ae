/**
 * kafka-go 0.2.1 (Debian) against the real broker. That version speaks only old API versions:
 * Metadata v1, CreateTopics v0, DeleteTopics v1 and ListOffsets v1 work; Produce v2 and Fetch v2
 * (message formats v0/v1, below the Kafka 4.0 baseline) get UNSUPPORTED_VERSION, which the
 * client reports as such, not as "unexpected EOF" from a closed connection. The broker logs one
 * line naming the client id, the API and the version of the Fetch it refused.
 * The client is test/interop/clients/go/kafka-go-client/main.go.
 */
import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { buildGoClient, haveGoClient, runGoClient, step } from '../helpers/go-client.js';

const UNSUPPORTED = /\[35\] Unsupported Version/;
const CLIENT_ID = 'kafka-go-0.2.1-test';

t.test('kafka-go 0.2.1: metadata and admin calls work; produce and fetch get a clear UNSUPPORTED_VERSION', async (t) => {
  if (!haveGoClient(t, 'kafka-go-client')) return;
  const [bin, broker] = await Promise.all([buildGoClient('kafka-go-client'), spawnBroker(t)]);
  const r = await runGoClient(bin, ['-bootstrap', broker.bootstrap, '-topic', 'kgo']);
  t.equal(r.code, 0, r.stderr);
  t.match(step(r, 'createTopics'), { ok: true });
  t.match(step(r, 'metadata'), { ok: true, partitions: [0, 1] });
  t.match(step(r, 'listOffsets'), { ok: true, first: 0, last: 0 });
  t.match(step(r, 'produce'), { ok: false, errorType: 'kafka.Error', error: UNSUPPORTED }, 'Produce v2: the error code, not an EOF');
  t.match(step(r, 'fetch'), { ok: false, errorType: 'kafka.Error', error: UNSUPPORTED }, 'Fetch v2: the error code, not an EOF');
  t.match(step(r, 'deleteTopics'), { ok: true });
  t.notMatch(JSON.stringify(r.lines), /EOF/);

  // The log line crosses the broker's stdout pipe; wait for it (bounded).
  const logged = /unsupported version 2 of Fetch/;
  for (let i = 0; i < 100 && !logged.test(broker.output()); i++) await new Promise((res) => setTimeout(res, 50));
  const lines = broker.output().split('\n').filter((l) => logged.test(l)).map((l) => JSON.parse(l) as Record<string, unknown>);
  t.equal(lines.length, 1, 'one log line for the one refused Fetch');
  t.match(lines[0], { clientId: CLIENT_ID, api: 'Fetch', apiVersion: 2 });
});
