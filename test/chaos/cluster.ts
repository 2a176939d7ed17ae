/**
 * Cluster: N real broker processes for a chaos run, each behind a LinkProxy that clients dial
 * (the broker advertises the proxy's address, so every client connection crosses it), on
 * 127.0.0.1 only, each on a data dir of its own that survives restarts.
 *
 * How a node is started is a parameter (`nodeArgs`): today the single-node broker; the replicated
 * cluster passes its peer flags there, pointed at the peer-link proxies (`peerLink(from, to)`),
 * one per ordered pair of nodes, so the nemesis can cut, delay or one-way any inter-node link.
 * Processes are signalled and stopped by PID only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBroker, type SpawnedBroker } from '../helpers/spawn-broker.js';
import { LinkProxy } from './proxy.js';

export interface NodeStartContext {
  nodeId: number;
  nodes: number;
  /** "127.0.0.1:PORT" of the proxy on the link from this node to each other node. */
  peerAddresses: Map<number, string>;
}

export interface ClusterOptions {
  nodes: number;
  /** Extra `canopy start` flags of one node (besides listen, data dir, advertised listener, node id). */
  nodeArgs: (ctx: NodeStartContext) => string[];
  env?: Record<string, string>;
}

/** Collects cleanups, in the shape spawnBroker expects of tap's Test, for runs outside tap. */
export class Teardowns {
  private readonly fns: (() => unknown)[] = [];
  teardown(fn: () => unknown): void { this.fns.push(fn); }
  async run(): Promise<void> {
    for (const fn of this.fns.splice(0).reverse()) await fn();
  }
}

export interface ClusterNode {
  id: number;
  dataDir: string;
  /** The proxy clients dial (the advertised listener). */
  clientLink: LinkProxy;
  broker: SpawnedBroker | null;
  paused: boolean;
}

export class Cluster {
  readonly nodes: ClusterNode[] = [];
  private readonly peerLinks = new Map<string, LinkProxy>();

  private constructor(private readonly options: ClusterOptions, private readonly teardowns: { teardown(fn: () => unknown): void }) {}

  static async start(options: ClusterOptions, teardowns: { teardown(fn: () => unknown): void }): Promise<Cluster> {
    const cluster = new Cluster(options, teardowns);
    for (let id = 0; id < options.nodes; id++) {
      const dataDir = mkdtempSync(join(tmpdir(), `canopy-chaos-n${id}-`));
      teardowns.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
      const clientLink = await LinkProxy.start(0);
      teardowns.teardown(() => clientLink.close());
      cluster.nodes.push({ id, dataDir, clientLink, broker: null, paused: false });
    }
    // Peer links are made before any node starts, so each node knows every peer's address.
    for (const from of cluster.nodes) {
      for (const to of cluster.nodes) {
        if (from.id === to.id) continue;
        const link = await LinkProxy.start(0);
        teardowns.teardown(() => link.close());
        cluster.peerLinks.set(`${from.id}->${to.id}`, link);
      }
    }
    for (const node of cluster.nodes) await cluster.startNode(node.id);
    return cluster;
  }

  /** Bootstrap list for clients: every node's client proxy. */
  get bootstrap(): string[] {
    return this.nodes.map((n) => n.clientLink.address);
  }

  node(id: number): ClusterNode {
    const n = this.nodes[id];
    if (n === undefined) throw new Error(`no node ${id}`);
    return n;
  }

  peerLink(from: number, to: number): LinkProxy {
    const l = this.peerLinks.get(`${from}->${to}`);
    if (l === undefined) throw new Error(`no link ${from}->${to}`);
    return l;
  }

  get allPeerLinks(): [string, LinkProxy][] {
    return [...this.peerLinks];
  }

  /** Starts a stopped node on its data dir; its proxies now lead to the new process. */
  async startNode(id: number): Promise<void> {
    const node = this.node(id);
    if (node.broker !== null) throw new Error(`node ${id} is running`);
    const peerAddresses = new Map(this.nodes.filter((n) => n.id !== id).map((n) => [n.id, this.peerLink(id, n.id).address]));
    const args = ['--advertised-listener', node.clientLink.address, '--node-id', String(id),
      ...this.options.nodeArgs({ nodeId: id, nodes: this.nodes.length, peerAddresses })];
    const broker = await spawnBroker(this.teardowns, { dataDir: node.dataDir, args, env: this.options.env });
    node.broker = broker;
    node.paused = false;
    node.clientLink.setTarget(broker.port);
  }

  /** SIGKILL by PID, then waits for the exit. */
  async kill(id: number): Promise<void> {
    const node = this.node(id);
    if (node.broker === null) return;
    if (node.paused) node.broker.kill('SIGCONT');
    node.broker.kill('SIGKILL');
    await node.broker.exited;
    node.broker = null;
    node.paused = false;
  }

  pause(id: number): void {
    const node = this.node(id);
    if (node.broker === null || node.paused) return;
    node.broker.kill('SIGSTOP');
    node.paused = true;
  }

  resume(id: number): void {
    const node = this.node(id);
    if (node.broker === null || !node.paused) return;
    node.broker.kill('SIGCONT');
    node.paused = false;
  }

  /** Heals every link and resumes every paused node; stopped nodes are started again. */
  async healAll(): Promise<void> {
    for (const n of this.nodes) n.clientLink.heal();
    for (const [, l] of this.peerLinks) l.heal();
    for (const n of this.nodes) {
      this.resume(n.id);
      if (n.broker === null) await this.startNode(n.id);
    }
  }

  /** Gracefully stops every node (SIGTERM by PID). */
  async stop(): Promise<void> {
    for (const n of this.nodes) {
      this.resume(n.id);
      await n.broker?.stop();
      n.broker = null;
    }
  }
}
