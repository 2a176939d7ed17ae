import type { Logger } from 'pino';
import type { NodeBroker } from '../../../broker/open-broker.js';
import type { HostPort } from '../../../config/defaults.js';
import type { Registry } from 'prom-client';
import { createPeerProbe } from '../../../metrics/probes/peers.js';
import { InternalListener } from '../../../replication/transport/internal-listener.js';
import { resolveTransportLimits } from '../../../replication/transport/transport-limits.js';
import type { EdgeFilterLookup } from '../../../tree/upstream-edge-filter.js';
import { handleLearnerFetch } from '../../../server/internal-api.js';

/**
 * The single-node broker's internal listener (`internalListen`): it serves LearnerFetch to
 * learners, each through its edge filter (`edgeFilterFor`, from the tree config). It has no Raft peers yet, so every PeerHello is refused (VOTER_NOT_FOUND). Closed with
 * the broker. Resolves with the bound address.
 */
export async function startInternalListener(broker: NodeBroker, listen: HostPort, edgeFilterFor: EdgeFilterLookup, registry: Registry, logger: Logger): Promise<HostPort> {
  const source = { clusterId: broker.clusterId, nodeId: broker.nodeId, topics: broker.topics, partitions: broker.partitions, limits: broker.config.limits, edgeFilterFor };
  const listener = new InternalListener({
    listen,
    self: { clusterId: broker.clusterId, nodeId: broker.nodeId, peerNodeIds: new Set() },
    limits: resolveTransportLimits(),
    probe: createPeerProbe(registry),
    logger,
    onRequest: () => undefined,
    onLearnerFetch: (request, signal) => handleLearnerFetch(source, request, signal),
  });
  const bound = await listener.start();
  broker.onClose(() => listener.close());
  return bound;
}
