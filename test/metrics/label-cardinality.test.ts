/**
 * Issue #9 item 8: label values come from closed sets. A client sending frames with arbitrary API
 * keys and versions (each one closes its connection) must not add a series per key or version.
 */
import t from 'tap';
import { connect } from 'node:net';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';

const FRAMES = 240;
const PARALLEL = 20;
const CLOSE_WAIT_MS_MAX = 10_000;

/** One request header (no body) on its own connection; resolves once the broker closes it. */
function sendHeaderOnly(port: number, apiKey: number, apiVersion: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      const frame = Buffer.alloc(4 + 10);
      frame.writeInt32BE(10, 0);
      frame.writeInt16BE(apiKey, 4);
      frame.writeInt16BE(apiVersion, 6);
      frame.writeInt32BE(7, 8);
      frame.writeInt16BE(-1, 12); // null client id
      socket.write(frame);
    });
    const timer = setTimeout(() => { socket.destroy(); reject(new Error(`broker kept key ${apiKey} v${apiVersion} open`)); }, CLOSE_WAIT_MS_MAX);
    socket.on('error', () => undefined);
    socket.on('close', () => { clearTimeout(timer); resolve(); });
  });
}

t.test('random API keys and versions add no series beyond the closed label sets', async (t) => {
  const broker = await spawnBroker(t);
  // Deterministic "random": keys far from any Kafka API, and Produce (served) at versions it does not serve.
  const frames: Array<[number, number]> = [];
  for (let i = 0; i < FRAMES; i++) {
    frames.push(i % 2 === 0 ? [1000 + ((i * 7919) % 30000), (i * 104729) % 32000] : [0, 100 + ((i * 7919) % 30000)]);
  }
  for (let i = 0; i < frames.length; i += PARALLEL) {
    await Promise.all(frames.slice(i, i + PARALLEL).map(([key, version]) => sendHeaderOnly(broker.port, key, version)));
  }

  const client = await RawClient.connect(t, broker.port);
  await client.request(18, 3, { clientSoftwareName: 'label-test', clientSoftwareVersion: '1' });

  const text = await (await fetch(`${broker.adminUrl}/metrics`)).text();
  const series = [...text.matchAll(/^canopy_api_requests_total\{api="([^"]*)",version="([^"]*)",outcome="([^"]*)"\} (\d+)$/gm)];
  const byLabels = new Map(series.map((m) => [`${m[1]}/${m[2]}/${m[3]}`, Number(m[4])]));
  t.same(Object.fromEntries(byLabels), {
    'unknown/unsupported/unsupported': FRAMES / 2,
    'Produce/unsupported/unsupported': FRAMES / 2,
    'ApiVersions/3/ok': 1,
  }, 'unknown keys and unserved Produce versions fold into one series each; a served version keeps its number');
  const histogramSeries = text.split('\n').filter((l) => l.startsWith('canopy_api_request_duration_seconds_count{'));
  t.same(histogramSeries.map((l) => l.replace(/ \d+$/, '')).sort(), [
    'canopy_api_request_duration_seconds_count{api="ApiVersions",outcome="ok"}',
    'canopy_api_request_duration_seconds_count{api="Produce",outcome="unsupported"}',
    'canopy_api_request_duration_seconds_count{api="unknown",outcome="unsupported"}',
  ]);
});
