/**
 * Issue #9 item 9: node-wide bound on buffered request bytes (limits.requestBytesBufferedMax).
 * Eight connections each send most of a frame whose header claims frameBytesMax. The broker
 * reserves each frame's size from one budget before reading its body; connections that do not fit
 * are not read, so the broker's resident memory does not grow by the eight claimed frames, and it
 * still answers a new connection.
 */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { apiVersionsRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';

const MIB = 1024 * 1024;
const FRAME_BYTES = 32 * MIB;
const BUDGET_BYTES = 40 * MIB;
const CONNECTIONS = 8;
const SETTLE_POLLS = 4;
const POLL_MS = 300;
const SETTLE_WAIT_MS_MAX = 60_000;

function residentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(/(\d+)/.exec(line)![1]) * 1024;
}

t.test('eight partial maximal frames do not grow the broker by their claimed size', async (t) => {
  const broker = await spawnBroker(t, {
    // frameReceiveMsMax well past the settle wait, so no partial frame is cut while we measure.
    limits: { frameBytesMax: FRAME_BYTES, inflightRequestBytesPerConnectionMax: FRAME_BYTES, requestBytesBufferedMax: BUDGET_BYTES, frameReceiveMsMax: 600_000 },
    args: ['--process-metrics', 'false'],
  });
  const before = residentBytes(broker.pid);

  // One buffer shared by every write: header claiming FRAME_BYTES, then all but the last byte.
  const partial = Buffer.alloc(4 + FRAME_BYTES - 1, 0x61);
  partial.writeInt32BE(FRAME_BYTES, 0);
  const clients: RawClient[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const client = await RawClient.connect(t, broker.port);
    client.writeRaw(partial);
    clients.push(client);
  }
  // Wait (bounded) until the broker reads no more: what the clients still hold stops changing.
  const pending = () => clients.reduce((sum, c) => sum + c.socket.writableLength, 0);
  let last = -1;
  let stable = 0;
  const deadline = Date.now() + SETTLE_WAIT_MS_MAX;
  while (stable < SETTLE_POLLS && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const now = pending();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
  const grown = residentBytes(broker.pid) - before;
  const claimed = CONNECTIONS * FRAME_BYTES;
  t.ok(clients.every((c) => !c.socket.destroyed), 'the partial frames are still held open');
  t.ok(grown < claimed / 2, `resident memory grew by ${(grown / MIB).toFixed(1)} MiB for ${claimed / MIB} MiB of claimed frames (budget ${BUDGET_BYTES / MIB} MiB)`);

  const fresh = await RawClient.connect(t, broker.port);
  const res = await fresh.request(ApiKey.ApiVersions, 3, apiVersionsRequest());
  t.equal(res.errorCode, 0, 'a new connection is still answered');
});
