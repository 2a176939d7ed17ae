/**
 * `npx tsx test/bench/idle-partitions.ts`: what an idle 3-node set of partition Raft groups costs.
 * Three nodes in this process (RaftPartitions, each with its own PeerTransport on 127.0.0.1, its own
 * GroupTicker and temp data dir) host CANOPY_BENCH_PARTITIONS partitions (default 1,000) at RF 3,
 * placed by cluster/placement.ts. Once every group has its preferred leader, nothing is produced
 * for CANOPY_BENCH_SECONDS (default 10): prints CPU per second per node (this process's CPU / 3:
 * the nodes share one event loop) and frames/s and bytes/s per peer link, for each Raft timing
 * setting compared (tick 100 ms; heartbeat every tick vs. every 5 ticks).
 */
import { cpus, loadavg } from 'node:os';
import { placePartitions } from '../../src/cluster/placement.js';
import type { RaftConfig } from '../../src/raft/raft.js';
import { PARTITION_RAFT_TIMINGS, PARTITION_TICK_MS, type NodePlacement } from '../../src/replication/raft-partitions.js';
import { metricValue } from '../helpers/peer-transports.js';
import { PartitionNodes, topicSettings, waitFor } from '../helpers/raft-partition-nodes.js';

const PARTITIONS = Number(process.env.CANOPY_BENCH_PARTITIONS ?? 1_000);
const SECONDS = Number(process.env.CANOPY_BENCH_SECONDS ?? 10);

interface Setting { name: string; raft: Partial<RaftConfig> }

const SETTINGS: Setting[] = [
  { name: 'heartbeat every tick (100 ms), election 10-20 ticks (the core defaults)', raft: { electionTicks: 10, heartbeatTicks: 1 } },
  { name: 'heartbeat every 5 ticks (500 ms), election 20-40 ticks (PARTITION_RAFT_TIMINGS)', raft: PARTITION_RAFT_TIMINGS },
];

async function run(setting: Setting): Promise<{ cpuPerNode: number; framesPerPeer: number; bytesPerPeer: number; settleS: number }> {
  const closers: (() => unknown)[] = [];
  const c = await PartitionNodes.start({ teardown: (fn) => closers.push(fn) }, 3, { raft: setting.raft }, PARTITION_TICK_MS);
  try {
    const r = placePartitions({ nodes: [0, 1, 2].map((id) => ({ id, rack: null })), existing: [], partitionCount: PARTITIONS, replicationFactor: 3, startIndex: 0 });
    if (!r.ok) throw new Error(r.error.message);
    const placement: NodePlacement = new Map([['idle', { partitions: r.value.assignments, settings: topicSettings() }]]);
    const started = Date.now();
    await c.apply(placement);
    const preferred = (): boolean => r.value.assignments.every((replicas, i) => c.nodes[replicas[0]!]!.partitions.state('idle', i)?.isLeader === true);
    await waitFor('every group led by its preferred replica', preferred);
    const settleS = (Date.now() - started) / 1000;
    const sent = async (key: 'peerFramesSent' | 'peerBytesSent'): Promise<number> => {
      let sum = 0;
      for (const n of c.nodes) for (const p of [0, 1, 2]) if (p !== n.nodeId) sum += await metricValue(n.net.registry, key, { peer: String(p) });
      return sum;
    };
    const frames0 = await sent('peerFramesSent');
    const bytes0 = await sent('peerBytesSent');
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    const cpu = process.cpuUsage(cpu0);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (!preferred()) console.error('  (a leader moved during the idle window)');
    const links = 6;
    return {
      cpuPerNode: (cpu.user + cpu.system) / 1e6 / s / 3,
      framesPerPeer: ((await sent('peerFramesSent')) - frames0) / s / links,
      bytesPerPeer: ((await sent('peerBytesSent')) - bytes0) / s / links,
      settleS,
    };
  } finally {
    for (const fn of closers.reverse()) await fn();
  }
}

console.log(`${new Date().toISOString()}: ${PARTITIONS} partitions, RF 3, 3 nodes in one process, idle ${SECONDS} s; ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| setting | CPU per node (cores) | frames/s per peer link | bytes/s per peer link | start to preferred leaders (s) |');
console.log('|---|---:|---:|---:|---:|');
for (const setting of SETTINGS) {
  const r = await run(setting);
  console.log(`| ${setting.name} | ${r.cpuPerNode.toFixed(3)} | ${r.framesPerPeer.toFixed(1)} | ${r.bytesPerPeer.toFixed(0)} | ${r.settleS.toFixed(1)} |`);
}
console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
