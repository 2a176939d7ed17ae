/**
 * Cluster mode of one node (config `initialVoters` set): the peer transport on the internal
 * listener, the node-level Raft ticker, the metadata group and this node's registration in it.
 * Topics and partitions are still served by the single-node path (LocalReplica) in this step.
 */
import type { Logger } from 'pino';
import type { BrokerConfig, HostPort } from '../config/defaults.js';
import type { PeerProbe } from '../metrics/probes/peers.js';
import { GroupTicker } from '../replication/group-ticker.js';
import { PeerTransport, type PeerAddress } from '../replication/transport/peer-transport.js';
import { MetadataService, METADATA_TICK_MS } from '../cluster/metadata-service.js';
import { NodeRegistration } from '../cluster/node-registration.js';

export interface ClusterNodeOptions {
  readonly config: BrokerConfig;
  readonly clusterId: string;
  /** The data dir, resolved. */
  readonly dataDir: string;
  /** The Kafka address clients are told (the advertised listener). */
  readonly kafka: HostPort;
  readonly probe: PeerProbe;
  readonly logger: Logger;
}

export class ClusterNode {
  private constructor(
    readonly metadata: MetadataService,
    readonly transport: PeerTransport,
    readonly internalAddress: PeerAddress,
    readonly registration: NodeRegistration,
  ) {}

  static async start(o: ClusterNodeOptions): Promise<ClusterNode> {
    const voters = o.config.initialVoters!;
    const internal = o.config.internalListen!;
    const transport = new PeerTransport({
      clusterId: o.clusterId,
      nodeId: o.config.nodeId,
      listen: internal,
      nodes: new Map(voters.map((v) => [v.nodeId, { host: v.host, port: v.port }])),
      probe: o.probe,
      logger: o.logger,
    });
    const internalAddress = await transport.listen();
    let metadata: MetadataService;
    try {
      metadata = await MetadataService.start({
        dataDir: o.dataDir, nodeId: o.config.nodeId, voters: voters.map((v) => v.nodeId),
        transport, ticker: new GroupTicker(METADATA_TICK_MS), fsync: o.config.fsync, logger: o.logger,
      });
    } catch (err) {
      await transport.close();
      throw err;
    }
    transport.connect();
    const registration = new NodeRegistration({
      metadata, nodeId: o.config.nodeId, clusterId: o.clusterId, logger: o.logger,
      endpoints: { kafka: o.kafka, internal: internalAddress, rack: o.config.rack },
    });
    o.logger.info({ internal: internalAddress, voters: voters.map((v) => v.nodeId) }, 'cluster mode: metadata group started');
    return new ClusterNode(metadata, transport, internalAddress, registration);
  }

  async close(): Promise<void> {
    this.registration.stop();
    await this.metadata.close();
    await this.transport.close();
  }
}
