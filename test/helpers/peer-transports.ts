/**
 * Real peer transports on 127.0.0.1 for tests: each node gets a fresh prom-client registry (read
 * back through the real metric objects), a real pino logger whose lines are kept, and teardown by
 * `t.teardown`. Nothing here stands in for the transport: only its inputs are chosen.
 */
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { createPeerProbe } from '../../src/metrics/probes/peers.js';
import { peerMetricSpecs } from '../../src/metrics/names.js';
import { PeerTransport, type PeerAddress } from '../../src/replication/transport/peer-transport.js';
import type { TransportLimits } from '../../src/replication/transport/transport-limits.js';
import { makeMessage, type Message } from '../../src/raft/messages.js';
import { raftIdOf } from '../../src/replication/raft-ids.js';
import type { RaftGroup } from '../../src/replication/transport/group.js';

const WAIT_MS_MAX = 15_000;
const POLL_MS = 5;

export interface TestNode {
  nodeId: number;
  address: PeerAddress;
  transport: PeerTransport;
  registry: Registry;
  logLines: Array<Record<string, unknown>>;
  /** Messages received per group ("topic-partition"), in arrival order. */
  received: Map<string, Message[]>;
  /** Registers a group that records what it receives; returns the unregister function. */
  listenTo(group: RaftGroup): () => void;
}

export interface TestNodeOptions {
  nodeId: number;
  clusterId?: string;
  /** Every node's address, shared and mutable: addresses are read at each connection attempt. */
  nodes: Map<number, PeerAddress>;
  /** Listen here instead of any free port. */
  port?: number;
  limits?: Partial<TransportLimits>;
}

export interface Teardown {
  teardown(fn: () => unknown): void;
}

/** A node whose internal listener listens (its address put into `nodes`); call `transport.connect()` next. */
export async function listeningNode(t: Teardown, o: TestNodeOptions): Promise<TestNode> {
  const registry = new Registry();
  const logLines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const transport = new PeerTransport({
    clusterId: o.clusterId ?? 'test-cluster', nodeId: o.nodeId, listen: { host: '127.0.0.1', port: o.port ?? 0 },
    nodes: o.nodes, probe: createPeerProbe(registry), logger: pino({ level: 'info' }, sink), limits: o.limits,
  });
  t.teardown(() => transport.close());
  const address = await transport.listen();
  o.nodes.set(o.nodeId, address);
  const received = new Map<string, Message[]>();
  return {
    nodeId: o.nodeId, address, transport, registry, logLines, received,
    listenTo(group) {
      const key = `${group.topic}-${group.partition}`;
      return transport.register(group, (messages) => {
        const list = received.get(key) ?? [];
        list.push(...messages);
        received.set(key, list);
      });
    },
  };
}

/** Nodes 0..count-1 of one cluster, listening, then connected to each other. */
export async function startCluster(t: Teardown, count: number, limits?: Partial<TransportLimits>): Promise<TestNode[]> {
  // Every id is known up front (the set of peers is fixed at construction); each port once it listens.
  const nodes = new Map<number, PeerAddress>();
  for (let id = 0; id < count; id++) nodes.set(id, { host: '127.0.0.1', port: 0 });
  const out: TestNode[] = [];
  for (let id = 0; id < count; id++) out.push(await listeningNode(t, { nodeId: id, nodes, limits }));
  for (const n of out) n.transport.connect();
  return out;
}

/** The value of a counter or gauge for exactly these labels (0 when the series does not exist). */
export async function metricValue(registry: Registry, key: keyof typeof peerMetricSpecs, labels: Record<string, string> = {}): Promise<number> {
  const metric = registry.getSingleMetric(peerMetricSpecs[key].name);
  if (metric === undefined) throw new Error(`no metric ${peerMetricSpecs[key].name}`);
  const { values } = await metric.get();
  const match = values.find((v) => Object.keys(labels).length === Object.keys(v.labels).length && Object.entries(labels).every(([k, x]) => String(v.labels[k]) === x));
  return match?.value ?? 0;
}

/** Polls `check` until it returns true; throws naming `what` after a bounded wait. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS_MAX;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** A port that was free a moment ago (for a node that must start later on a known address). */
export async function reservePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A heartbeat from Kafka node `from` to Kafka node `to`. */
export function heartbeat(from: number, to: number, commit: number, context = 0): Message {
  return makeMessage({ type: 'heartbeat', from: raftIdOf(from), to: raftIdOf(to), term: 3, commit, context });
}

export function nodeLinkedTo(nodes: TestNode[], nodeId: number, peers: number[]): Promise<void> {
  const node = nodes.find((n) => n.nodeId === nodeId)!;
  return waitFor(`node ${nodeId} connected to ${peers.join(',')}`, () => peers.every((p) => node.transport.connectedPeers().includes(p)));
}
