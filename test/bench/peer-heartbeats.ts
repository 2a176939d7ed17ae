/**
 * `npx tsx test/bench/peer-heartbeats.ts`: what an idle cluster's heartbeats cost the peer
 * transport. Three transports on 127.0.0.1 in this process; every tick node 0 (leader of every
 * group) sends a heartbeat for each of G groups to nodes 1 and 2, and each follower answers with a
 * heartbeat-resp. Prints frames, bytes and CPU time per tick (all three nodes' work, this process),
 * coalesced (one frame per peer per turn) and not (frameBytesTarget of 1 byte: one frame a message).
 */
import { Registry } from 'prom-client';
import { pino } from 'pino';
import { createPeerProbe } from '../../src/metrics/probes/peers.js';
import { makeMessage, type Message } from '../../src/raft/messages.js';
import { PeerTransport, type PeerAddress } from '../../src/replication/transport/peer-transport.js';
import type { RaftGroup } from '../../src/replication/transport/group.js';
import { raftIdOf } from '../../src/replication/raft-ids.js';
import type { TransportLimits } from '../../src/replication/transport/transport-limits.js';
import { metricValue, waitFor } from '../helpers/peer-transports.js';

const GROUPS = 1_000;
const TICKS = 200;
const WARMUP_TICKS = 20;

async function run(limits: Partial<TransportLimits>): Promise<{ frames: number; bytes: number; cpuMs: number }> {
  const nodes = new Map<number, PeerAddress>([0, 1, 2].map((id) => [id, { host: '127.0.0.1', port: 0 }]));
  const registries = [0, 1, 2].map(() => new Registry());
  const transports = [0, 1, 2].map((id) => new PeerTransport({
    clusterId: 'bench', nodeId: id, listen: { host: '127.0.0.1', port: 0 }, nodes,
    probe: createPeerProbe(registries[id]!), logger: pino({ level: 'warn' }), limits,
  }));
  for (const [id, tr] of transports.entries()) nodes.set(id, await tr.listen());
  for (const tr of transports) tr.connect();
  await waitFor('connected', () => transports.every((tr) => tr.connectedPeers().length === 2));
  const groups: RaftGroup[] = Array.from({ length: GROUPS }, (_, i) => ({ topic: `topic-${i % 50}`, partition: Math.floor(i / 50) }));
  let responses = 0;
  for (const g of groups) {
    transports[0]!.register(g, (ms) => { responses += ms.length; });
    for (const follower of [1, 2]) {
      transports[follower]!.register(g, (ms: Message[]) => {
        transports[follower]!.send(g, ms.map((m) => makeMessage({ type: 'heartbeat-resp', from: m.to, to: m.from, term: m.term, context: m.context })));
      });
    }
  }
  const tick = async (n: number): Promise<void> => {
    const want = responses + 2 * GROUPS;
    for (const g of groups) transports[0]!.send(g, [1, 2].map((f) => makeMessage({ type: 'heartbeat', from: raftIdOf(0), to: raftIdOf(f), term: 2, commit: 100 + n })));
    await waitFor(`tick ${n}`, () => responses >= want);
  };
  for (let i = 0; i < WARMUP_TICKS; i++) await tick(i);
  const frames = async (): Promise<number> => {
    let sum = 0;
    for (const [id, r] of registries.entries()) for (const p of [0, 1, 2]) if (p !== id) sum += await metricValue(r, 'peerFramesSent', { peer: String(p) });
    return sum;
  };
  const bytes = async (): Promise<number> => {
    let sum = 0;
    for (const [id, r] of registries.entries()) for (const p of [0, 1, 2]) if (p !== id) sum += await metricValue(r, 'peerBytesSent', { peer: String(p) });
    return sum;
  };
  const frames0 = await frames();
  const bytes0 = await bytes();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < TICKS; i++) await tick(WARMUP_TICKS + i);
  const cpu = process.cpuUsage(cpu0);
  const result = { frames: ((await frames()) - frames0) / TICKS, bytes: ((await bytes()) - bytes0) / TICKS, cpuMs: (cpu.user + cpu.system) / 1000 / TICKS };
  for (const tr of transports) await tr.close();
  return result;
}

const coalesced = await run({});
const single = await run({ frameBytesTarget: 1 });
console.log(`${GROUPS} groups, 3 nodes, per tick (heartbeat to 2 followers + their responses; ${TICKS} ticks, all nodes in this process):`);
console.log('| mode | frames/tick | bytes/tick | CPU ms/tick |');
console.log('|---|---|---|---|');
for (const [mode, r] of [['coalesced (one frame per peer per turn)', coalesced], ['one frame per message', single]] as const) {
  console.log(`| ${mode} | ${r.frames.toFixed(0)} | ${r.bytes.toFixed(0)} | ${r.cpuMs.toFixed(2)} |`);
}
