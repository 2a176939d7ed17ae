/**
 * Issue #9 item 9: a frame must be received whole within limits.frameReceiveMsMax of its first
 * byte. A client trickling one byte at a time keeps the idle timeout from firing, so without the
 * deadline it would hold its connection (and buffer) forever.
 */
import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { apiVersionsRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';

const FRAME_BYTES = 1000;
const TRICKLE_EVERY_MS = 100;
const CLOSE_WAIT_MS_MAX = 30_000;

t.test('a trickled frame is cut at frameReceiveMsMax although bytes keep arriving', async (t) => {
  // Idle timeout shorter than the deadline: the trickle (every 100 ms) resets it, the deadline not.
  const broker = await spawnBroker(t, { limits: { frameReceiveMsMax: 2000, connectionIdleMsMax: 1000 } });

  const slow = await RawClient.connect(t, broker.port);
  const header = Buffer.alloc(4);
  header.writeInt32BE(FRAME_BYTES, 0);
  slow.writeRaw(header);
  let sent = 0;
  let closed = false;
  void slow.closed.then(() => { closed = true; });
  const deadline = Date.now() + CLOSE_WAIT_MS_MAX;
  while (!closed && sent < FRAME_BYTES - 1 && Date.now() < deadline) {
    slow.writeRaw(Buffer.from([0]));
    sent += 1;
    await new Promise((resolve) => setTimeout(resolve, TRICKLE_EVERY_MS));
  }
  t.ok(closed, `the broker closed the trickling connection (after ${sent} of ${FRAME_BYTES} bytes)`);
  t.ok(sent < FRAME_BYTES - 1, 'before the frame could complete');
  t.match(await broker.outputMatching(/frame not complete/), /frame not complete within frameReceiveMsMax 2000 ms/, 'the reason is logged');

  const fresh = await RawClient.connect(t, broker.port);
  const res = await fresh.request(ApiKey.ApiVersions, 3, apiVersionsRequest());
  t.equal(res.errorCode, 0, 'the broker still answers ApiVersions');
});
