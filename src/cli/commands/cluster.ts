import { runGroup, type Subcommand } from './support/dispatch.js';
import { stdio, type CliIo } from './support/io.js';
import { humanBytes, keyValues, table } from './support/table.js';

interface NodeInfo {
  nodeId: number; clusterId: string; version: string; advertised: { host: string; port: number };
  uptimeSeconds: number; ready: boolean; checks: Record<string, boolean>;
}
interface ClusterInfo { clusterId: string; controllerId: number; nodes: NodeInfo[]; topics: number; partitions: number; sizeBytes: number }

function uptime(seconds: number): string {
  const s = Math.floor(seconds);
  const [d, h, m] = [Math.floor(s / 86400), Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60)];
  return d > 0 ? `${d}d${h}h${m}m` : h > 0 ? `${h}h${m}m` : m > 0 ? `${m}m${s % 60}s` : `${s}s`;
}

export const subcommands: Record<string, Subcommand> = {
  status: {
    summary: 'Cluster id, nodes with readiness and uptime, topic and partition counts',
    usage: '', help: [], options: {}, positionals: [],
    async run({ client, io, json }) {
      const c = await client.request<ClusterInfo>('GET', '/v1/cluster');
      if (json) return io.out(JSON.stringify(c, null, 2));
      io.out([
        keyValues([['Cluster', c.clusterId], ['Controller', c.controllerId], ['Topics', c.topics], ['Partitions', c.partitions], ['Stored', humanBytes(c.sizeBytes)]]),
        '',
        table(['node', 'address', 'version', 'ready', 'uptime', 'pending'], c.nodes.map((n) => [
          n.nodeId, `${n.advertised.host}:${n.advertised.port}`, n.version, n.ready ? 'yes' : 'NO', uptime(n.uptimeSeconds),
          Object.entries(n.checks).filter(([, ok]) => !ok).map(([k]) => k).join(',') || undefined,
        ])),
      ].join('\n'));
    },
  },
};

export const summary = 'show the cluster\'s status (via the admin API)';

/** `canopy cluster …`; `io` defaults to the process's stdout/stderr/env. */
export function run(args: string[], io: CliIo = stdio()): Promise<number> {
  return runGroup('cluster', 'cluster-wide status', subcommands, args, io);
}
