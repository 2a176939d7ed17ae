/**
 * Issue #9 item 9: one client address cannot take every connection. Past
 * limits.connectionsPerAddressMax the broker closes new connections from that address at accept,
 * while another address (127.0.0.2 is loopback too on Linux) still connects and is served.
 */
import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { apiVersionsRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';

const PER_ADDRESS = 3;

async function answers(client: RawClient): Promise<boolean> {
  const res = await client.request(ApiKey.ApiVersions, 3, apiVersionsRequest()).catch(() => null);
  return res !== null;
}

t.test('the connection past connectionsPerAddressMax is closed; another address is served', async (t) => {
  const broker = await spawnBroker(t, { env: { CANOPY_CONNECTIONS_PER_ADDRESS_MAX: String(PER_ADDRESS) } });
  const first: RawClient[] = [];
  for (let i = 0; i < PER_ADDRESS; i++) {
    const client = await RawClient.connect(t, broker.port);
    t.ok(await answers(client), `connection ${i + 1} from 127.0.0.1 is served`);
    first.push(client);
  }
  const extra = await RawClient.connect(t, broker.port);
  t.equal(await extra.nextFrame(), null, `connection ${PER_ADDRESS + 1} from 127.0.0.1 is closed by the broker`);
  t.match(await broker.outputMatching(/connectionsPerAddressMax 3 reached/), /connectionsPerAddressMax 3 reached for 127\.0\.0\.1/, 'the refusal is logged with the address');

  const other = await RawClient.connect(t, broker.port, '127.0.0.1', '127.0.0.2');
  t.ok(await answers(other), 'a connection from 127.0.0.2 is served meanwhile');

  first[0]!.close();
  await first[0]!.closed;
  // The broker sees the close asynchronously: retry a bounded number of times.
  let served = false;
  for (let attempt = 0; attempt < 50 && !served; attempt++) {
    const again = await RawClient.connect(t, broker.port);
    served = await answers(again);
    if (!served) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  t.ok(served, 'after one closes, 127.0.0.1 may connect again');
  for (const client of first.slice(1)) t.ok(await answers(client), 'the first connections still work');
});
