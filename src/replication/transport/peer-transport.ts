/**
 * The peer transport of one node: Raft messages of every group to and from the other nodes, over
 * Canopy's internal protocol. `send(group, messages)` only queues; once per event-loop turn
 * (setImmediate) every peer with queued messages gets one RaftMessages frame holding all of its
 * groups' messages — so 1,000 groups' heartbeats to one peer cost one frame, not 1,000.
 * Received messages go to the handler registered for their group; messages for a group with no
 * handler are dropped and counted (Raft retransmits once the group exists).
 *
 * Nodes are a static map Kafka node id → address (membership changes come later). Raft messages
 * address nodes by Raft id = Kafka node id + 1 (../raft-ids.ts).
 */
import type { Message } from '../../raft/messages.js';
import type { RaftMessagesRequest } from '../../protocol/generated/raft-messages-request.js';
import type { PeerProbe } from '../../metrics/probes/peers.js';
import type { RaftTransport } from '../raft-driver.js';
import { describeGroup, type RaftGroup } from './group.js';
import { InternalListener } from './internal-listener.js';
import { kafkaNodeIdOf } from '../raft-ids.js';
import type { LocalIdentity } from './peer-hello.js';
import { PeerLink, type PeerAddress } from './peer-link.js';
import { fromWireMessage } from './raft-wire.js';
import { resolveTransportLimits, type TransportLimits } from './transport-limits.js';
import type { TransportLogger } from './transport-logger.js';

export type { PeerAddress } from './peer-link.js';

export interface PeerTransportOptions {
  readonly clusterId: string;
  /** This node's Kafka node id. */
  readonly nodeId: number;
  /** Where the internal listener listens (port 0: any free port). */
  readonly listen: PeerAddress;
  /**
   * Every node of the cluster: Kafka node id → internal listener address. This node's own entry,
   * if present, is skipped (a voter list names every voter). Addresses are read at each connection
   * attempt; the set of ids is fixed at construction.
   */
  readonly nodes: ReadonlyMap<number, PeerAddress>;
  readonly probe: PeerProbe;
  readonly logger: TransportLogger;
  readonly limits?: Partial<TransportLimits>;
}

export type GroupHandler = (messages: Message[]) => void;

export class PeerTransport {
  readonly #o: PeerTransportOptions;
  readonly #links = new Map<number, PeerLink>();
  readonly #listener: InternalListener;
  /** topic → partition → handler. */
  readonly #handlers = new Map<string, Map<number, GroupHandler>>();
  readonly #dirty = new Set<PeerLink>();
  #flushScheduled = false;
  #closed = false;

  constructor(options: PeerTransportOptions) {
    this.#o = options;
    const limits = resolveTransportLimits(options.limits);
    const peerNodeIds = new Set([...options.nodes.keys()].filter((id) => id !== options.nodeId));
    const self: LocalIdentity = { clusterId: options.clusterId, nodeId: options.nodeId, peerNodeIds };
    for (const peer of peerNodeIds) {
      this.#links.set(peer, new PeerLink({ peer, nodes: options.nodes, self, limits, probe: options.probe, logger: options.logger }));
    }
    this.#listener = new InternalListener({
      listen: options.listen, self, limits, probe: options.probe, logger: options.logger,
      onRequest: (sender, request) => this.#deliver(sender, request),
    });
  }

  /** Starts the internal listener and the connections to every peer; resolves with the bound address. */
  async start(): Promise<PeerAddress> {
    const address = await this.listen();
    this.connect();
    return address;
  }

  /** Starts only the internal listener (then `connect`): lets nodes on port 0 learn each other's ports first. */
  listen(): Promise<PeerAddress> {
    return this.#listener.start();
  }

  /** Opens the connections to every peer (each retried with backoff until close). */
  connect(): void {
    if (this.#closed) return;
    for (const link of this.#links.values()) link.start();
  }

  /** Routes received messages of `group` to `onMessages` until the returned function is called. */
  register(group: RaftGroup, onMessages: GroupHandler): () => void {
    let partitions = this.#handlers.get(group.topic);
    if (partitions === undefined) this.#handlers.set(group.topic, (partitions = new Map()));
    if (partitions.has(group.partition)) throw new Error(`peer transport: group ${describeGroup(group)} is already registered`);
    partitions.set(group.partition, onMessages);
    const registered = partitions;
    return () => {
      if (registered.get(group.partition) !== onMessages) return;
      registered.delete(group.partition);
      if (registered.size === 0) this.#handlers.delete(group.topic);
    };
  }

  /** Queues messages of `group` for their receivers (`to`, a Raft id); sent at the end of this turn. */
  send(group: RaftGroup, messages: readonly Message[]): void {
    if (this.#closed) return;
    for (const message of messages) {
      const link = this.#links.get(kafkaNodeIdOf(message.to));
      if (link === undefined) {
        this.#o.probe.messagesDropped('unknown', 'unknown-peer', 1);
        continue;
      }
      link.enqueue({ topic: group.topic, partition: group.partition, message });
      this.#dirty.add(link);
    }
    if (this.#dirty.size > 0 && !this.#flushScheduled) {
      this.#flushScheduled = true;
      setImmediate(() => this.#flush());
    }
  }

  /** The RaftDriver's transport for one group. */
  transportFor(group: RaftGroup): RaftTransport {
    return { send: (messages) => this.send(group, messages) };
  }

  /** Peers with an outbound connection past the handshake. */
  connectedPeers(): number[] {
    return [...this.#links].filter(([, link]) => link.ready).map(([peer]) => peer);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const link of this.#links.values()) link.close();
    this.#dirty.clear();
    await this.#listener.close();
  }

  #flush(): void {
    this.#flushScheduled = false;
    if (this.#closed) return;
    for (const link of this.#dirty) link.flush();
    this.#dirty.clear();
  }

  #deliver(sender: number, request: RaftMessagesRequest): void {
    for (const topic of request.topics) {
      const partitions = this.#handlers.get(topic.name);
      for (const p of topic.partitions) {
        const handler = partitions?.get(p.partitionIndex);
        if (handler === undefined) {
          this.#o.probe.messagesDropped(sender, 'unknown-group', p.messages.length);
          continue;
        }
        // Outside the try: a message no sender writes is a bad frame, and closes the connection.
        const messages = p.messages.map(fromWireMessage);
        try {
          handler(messages);
        } catch (err) {
          // One group's failure must not stop the others sharing the frame.
          this.#o.logger.error({ node: this.#o.nodeId, peer: sender, topic: topic.name, partition: p.partitionIndex, err: (err as Error).message }, 'Raft group handler failed');
        }
      }
    }
  }
}
