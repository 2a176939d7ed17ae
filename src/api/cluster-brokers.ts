/**
 * The brokers Metadata and DescribeCluster list: on a single node, itself; in cluster mode, every
 * node registered in the cluster metadata (its Kafka endpoint and rack; fenced ones left out, as
 * Kafka does), and this node itself even before its registration is applied.
 */
import type { Broker } from './broker.js';

export interface ListedBroker {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
  readonly rack: string | null;
}

export function clusterBrokers(broker: Broker): ListedBroker[] {
  const self: ListedBroker = { nodeId: broker.nodeId, host: broker.advertised.host, port: broker.advertised.port, rack: broker.config.rack };
  const image = broker.metadata?.image;
  if (image === undefined) return [self];
  const listed: ListedBroker[] = [];
  for (const node of image.nodes.values()) {
    const kafka = node.endpoints.find((e) => e.name === 'kafka');
    if (node.id === broker.nodeId || node.fenced || kafka === undefined) continue;
    listed.push({ nodeId: node.id, host: kafka.host, port: kafka.port, rack: node.rack });
  }
  return [self, ...listed].sort((a, b) => a.nodeId - b.nodeId);
}
