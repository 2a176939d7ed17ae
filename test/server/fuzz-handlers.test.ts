import t from 'tap';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { Rng, allCases, randomMessage } from '../helpers/protocol-random.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { handlerFor, handlers } from '../../src/api/registry.js';

/**
 * Seeded random but well-formed requests for every handler, every served version, against a
 * real broker: each gets a response (or, for acks=0 Produce, none) and nothing is logged as a bug.
 * Covers what the codec fuzz cannot: strange values (negative offsets, huge waits, odd names,
 * random record bytes) reaching handler logic.
 */
const SEED = 20261122;
const CASES_PER_VERSION = 25;
/** Every registered API (groups and admin handlers too): the server promises never to crash on input. */
const APIS = handlers.map((h) => h.apiKey).sort((a, b) => a - b);

t.test('random well-formed requests to every API never crash the broker or hit a handler bug', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-fuzz-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const configFile = join(dir, 'fuzz.yaml');
  // Short long-polls and small topics keep random Fetch waits and auto-creation cheap.
  writeFileSync(configFile, 'limits:\n  fetchWaitMsMax: 50\n  partitionsMax: 2000\n  partitionsPerTopicMax: 100\n');
  const broker = await spawnBroker(t, { args: ['--config', configFile] });
  const rng = new Rng(SEED);
  const specs = new Map(allCases().filter((c) => c.spec.kind === 'request').map((c) => [c.spec.apiKey, c.spec]));
  let client = await RawClient.connect(t, broker.port);
  let answered = 0;
  let silent = 0;
  let closed = 0;
  const outOfOrder: string[] = [];
  for (const apiKey of APIS) {
    const handler = handlerFor(apiKey)!;
    const spec = specs.get(apiKey)!;
    for (let version = handler.minVersion; version <= handler.maxVersion; version++) {
      for (let i = 0; i < CASES_PER_VERSION; i++) {
        const body = randomMessage(rng, spec, version) as Record<string, unknown>;
        const id = client.send(apiKey, version, body);
        // acks=0 Produce answers nothing: a following ApiVersions shows whether the connection lives.
        const probe = apiKey === ApiKey.Produce && body.acks === 0 ? client.send(ApiKey.ApiVersions, 0, {}) : null;
        const frame = await client.nextFrame();
        if (frame === null) {
          closed++;
          client = await RawClient.connect(t, broker.port);
          continue;
        }
        const correlationId = frame.readInt32BE(0);
        if (probe !== null && correlationId === probe) silent++;
        else {
          if (correlationId !== id) outOfOrder.push(`API ${apiKey} v${version} case ${i}: got correlation id ${correlationId}, expected ${id}`);
          answered++;
          if (probe !== null) await client.nextFrame();
        }
      }
    }
  }
  t.same(outOfOrder, [], 'every response answers its request, in order');
  const bugs = broker.output().split('\n').filter((l) => /\(bug\)|uncaught|unhandled/.test(l));
  t.same(bugs, [], 'no handler bugs, encoding bugs or uncaught errors');
  t.ok(answered > 0, `${answered} answered, ${silent} acks=0 without answer, ${closed} connections closed`);
  const still = await RawClient.connect(t, broker.port);
  const versions = await still.request(ApiKey.ApiVersions, 3, { clientSoftwareName: 'x', clientSoftwareVersion: '1' });
  t.equal(versions.errorCode, 0, 'still serving');
});
