/**
 * Nodes that host partition Raft groups for tests: each a real PeerTransport on 127.0.0.1 (port 0,
 * then the same port again after a restart), its own GroupTicker and its own data dir, with a
 * RaftPartitions on top. A "crash" closes the node's partitions and transport; restart() opens new
 * ones on the same data dir and port. Teardown closes everything it started.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partitionSettingsOf } from '../../src/cluster/partition-settings.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { GroupTicker } from '../../src/replication/group-ticker.js';
import { RaftPartitions, type NodePlacement, type RaftPartitionsOptions } from '../../src/replication/raft-partitions.js';
import type { PeerAddress } from '../../src/replication/transport/peer-transport.js';
import { listeningNode, type Teardown, type TestNode } from './peer-transports.js';

/** With PARTITION_RAFT_TIMINGS: 400-800 ms election timeouts, heartbeats every 100 ms. */
export const TICK_MS = 20;

/** Bound on one wait: elections and transfers of dozens of groups on a loaded shared machine. */
const WAIT_MS_MAX = 60_000;
const POLL_MS = 10;

/** Polls `check` until true; throws naming `what` after WAIT_MS_MAX. */
export async function waitFor(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + WAIT_MS_MAX;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export const topicSettings = () => partitionSettingsOf({ name: 't', partitionCount: 1, configs: {} }, defaultConfig());

export interface PartitionNode {
  readonly nodeId: number;
  readonly dataDir: string;
  net: TestNode;
  ticker: GroupTicker;
  partitions: RaftPartitions;
  running: boolean;
}

export class PartitionNodes {
  readonly nodes: PartitionNode[] = [];
  readonly #addresses = new Map<number, PeerAddress>();
  readonly #t: Teardown;
  readonly #extra: Partial<RaftPartitionsOptions>;
  readonly #tickMs: number;
  #placement: NodePlacement = new Map();

  private constructor(t: Teardown, extra: Partial<RaftPartitionsOptions>, tickMs: number) {
    this.#t = t;
    this.#extra = extra;
    this.#tickMs = tickMs;
  }

  /** `count` nodes, listening and connected, hosting nothing yet. */
  static async start(t: Teardown, count: number, extra: Partial<RaftPartitionsOptions> = {}, tickMs = TICK_MS): Promise<PartitionNodes> {
    const c = new PartitionNodes(t, extra, tickMs);
    for (let id = 0; id < count; id++) c.#addresses.set(id, { host: '127.0.0.1', port: 0 });
    for (let id = 0; id < count; id++) {
      const dataDir = await mkdtemp(join(tmpdir(), `canopy-raft-partitions-n${id}-`));
      t.teardown(() => rm(dataDir, { recursive: true, force: true }));
      const node = { nodeId: id, dataDir, running: false } as PartitionNode;
      await c.#boot(node, 0);
      c.nodes.push(node);
    }
    for (const n of c.nodes) n.net.transport.connect();
    t.teardown(() => c.stopAll());
    return c;
  }

  /** Every running node hosts its part of `placement`. */
  async apply(placement: NodePlacement): Promise<void> {
    this.#placement = placement;
    for (const n of this.nodes) if (n.running) await n.partitions.applyPlacement(placement);
  }

  /** A crash as far as peers see it: the node's groups and its transport stop. */
  async stop(nodeId: number): Promise<void> {
    const n = this.nodes[nodeId]!;
    if (!n.running) return;
    n.running = false;
    await n.partitions.close();
    await n.net.transport.close();
  }

  /** The stopped node comes back on its data dir and port, with the last placement applied. */
  async restart(nodeId: number): Promise<void> {
    const n = this.nodes[nodeId]!;
    await this.#boot(n, n.net.address.port);
    n.net.transport.connect();
    await n.partitions.applyPlacement(this.#placement);
  }

  async stopAll(): Promise<void> {
    for (const n of this.nodes) await this.stop(n.nodeId);
  }

  running(): PartitionNode[] {
    return this.nodes.filter((n) => n.running);
  }

  async #boot(node: PartitionNode, port: number): Promise<void> {
    node.net = await listeningNode(this.#t, { nodeId: node.nodeId, nodes: this.#addresses, port });
    node.ticker = new GroupTicker(this.#tickMs);
    node.partitions = new RaftPartitions({
      nodeId: node.nodeId, transport: node.net.transport, ticker: node.ticker, dataDir: node.dataDir,
      ...this.#extra,
    });
    node.running = true;
  }
}
