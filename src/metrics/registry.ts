import { collectDefaultMetrics, Registry } from 'prom-client';
import { processMetricsDropped } from './names.js';
import { createApiProbe, type ApiProbe } from './probes/api.js';
import { createConnectionProbe, type ConnectionProbe } from './probes/connections.js';
import { createDiskCollector, type DiskCollector } from './probes/disk.js';
import { createGroupCollector, type GroupCollector } from './probes/groups.js';
import { createJournalProbe, type JournalProbe } from './probes/journal.js';
import { createNodeProbe, type NodeProbe } from './probes/node.js';
import { createPartitionCollector, type PartitionCollector } from './probes/partitions.js';
import { createTrafficProbe, type TrafficProbe } from './probes/traffic.js';

export interface MetricsOptions {
  /** The registry to register into; a fresh one when absent. Never prom-client's global registry. */
  readonly registry?: Registry;
  /** Register prom-client's process and Node.js collectors (CPU, memory, fds, GC, heap). */
  readonly processMetrics: boolean;
}

/**
 * All of a node's probes on one registry. Created once at start-up (or once per test) and passed
 * down: the server gets `api` and `connections`, the Produce/Fetch handlers `traffic`, the journal
 * `journal`; pull sources (partitions, groups, readiness) are attached with `observe*` once the
 * objects they read exist. `stop()` releases the event-loop sampler.
 */
export interface Metrics {
  readonly registry: Registry;
  readonly api: ApiProbe;
  readonly traffic: TrafficProbe;
  readonly connections: ConnectionProbe;
  readonly journal: JournalProbe;
  readonly partitions: PartitionCollector;
  readonly groups: GroupCollector;
  readonly disk: DiskCollector;
  readonly node: NodeProbe;
  stop(): void;
}

export function createMetrics(options: MetricsOptions): Metrics {
  const registry = options.registry ?? new Registry();
  if (options.processMetrics) {
    collectDefaultMetrics({ register: registry });
    for (const name of processMetricsDropped) registry.removeSingleMetric(name);
  }
  const node = createNodeProbe(registry);
  return {
    registry,
    api: createApiProbe(registry),
    traffic: createTrafficProbe(registry),
    connections: createConnectionProbe(registry),
    journal: createJournalProbe(registry),
    partitions: createPartitionCollector(registry),
    groups: createGroupCollector(registry),
    disk: createDiskCollector(registry),
    node,
    stop() { node.stop(); },
  };
}
