/**
 * Starts N real broker processes in cluster mode on loopback (ids 0..N-1, free ports, temp data
 * dirs), each with its own admin API; stopped by PID at teardown (spawn-broker.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBroker, type SpawnedBroker } from './spawn-broker.js';
import { freePort } from './prometheus.js';

export const TEST_CLUSTER_ID = 'canopy-test-cluster-1';

export interface TestClusterNode {
  nodeId: number;
  internalPort: number;
  dataDir: string;
  broker: SpawnedBroker;
}

interface Teardown { teardown(fn: () => unknown): void }

export interface RegisteredNode { nodeId: number; kafka: { host: string; port: number } | null; internal: { host: string; port: number } | null; rack: string | null; fenced: boolean }
export interface ClusterView { clusterId: string; metadataLeader: number; metadataTerm: number; nodes: RegisteredNode[] }

export class TestCluster {
  readonly nodes = new Map<number, TestClusterNode>();
  readonly root = mkdtempSync(join(tmpdir(), 'canopy-cluster-'));
  constructor(readonly t: Teardown, readonly internalPorts: number[]) {
    t.teardown(() => rmSync(this.root, { recursive: true, force: true }));
  }

  static async create(t: Teardown, size: number): Promise<TestCluster> {
    const ports: number[] = [];
    for (let i = 0; i < size; i++) ports.push(await freePort());
    return new TestCluster(t, ports);
  }

  get voters(): string {
    return this.internalPorts.map((p, id) => `${id}@127.0.0.1:${p}`).join(',');
  }

  /** Starts (or restarts, on its data dir) node `nodeId`; `args` are added (a later flag wins). */
  async start(nodeId: number, args: string[] = []): Promise<TestClusterNode> {
    const dataDir = join(this.root, `node-${nodeId}`);
    const broker = await spawnBroker(this.t, {
      dataDir,
      args: ['--node-id', String(nodeId), '--cluster-id', TEST_CLUSTER_ID, '--internal-listen', `127.0.0.1:${this.internalPorts[nodeId]}`, '--initial-voters', this.voters, '--rack', `rack-${nodeId}`, ...args],
    });
    const node = { nodeId, internalPort: this.internalPorts[nodeId]!, dataDir, broker };
    this.nodes.set(nodeId, node);
    return node;
  }

  async view(nodeId: number): Promise<ClusterView> {
    const res = await fetch(`${this.nodes.get(nodeId)!.broker.adminUrl}/v1/cluster`);
    if (res.status !== 200) throw new Error(`/v1/cluster on node ${nodeId}: ${res.status} ${await res.text()}`);
    return await res.json() as ClusterView;
  }

  /** Polls every 100 ms until `check` holds for the views of `nodeIds` (at most waitMsMax). */
  async waitForViews(nodeIds: number[], what: string, check: (views: ClusterView[]) => boolean, waitMsMax = 30_000): Promise<ClusterView[]> {
    const deadline = Date.now() + waitMsMax;
    let last: unknown = null;
    for (;;) {
      try {
        const views = await Promise.all(nodeIds.map((id) => this.view(id)));
        if (check(views)) return views;
        last = views;
      } catch (err) {
        last = (err as Error).message;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** All views agree on one known leader and list the `expected` node ids. */
export function agreeOn(views: ClusterView[], expected: number[]): boolean {
  const leader = views[0]!.metadataLeader;
  return leader >= 0 && views.every((v) => v.metadataLeader === leader && v.metadataTerm === views[0]!.metadataTerm
    && JSON.stringify(v.nodes.map((n) => n.nodeId)) === JSON.stringify(expected));
}
