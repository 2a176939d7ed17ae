import type { FastifyInstance } from 'fastify';
import type { Broker } from '../broker/broker.js';
import type { HostPort } from '../config/defaults.js';
import { GroupsService } from '../groups/service.js';
import type { Metrics } from '../metrics/registry.js';
import { buildAdminApp } from './app.js';
import { createBrokerViews } from './broker-views.js';
import { createGroupsView } from './group-views.js';
import type { ReadinessReport } from './views.js';

export interface AdminServer {
  /** The bound address (port 0 resolved). */
  readonly address: HostPort;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

export interface AdminServerOptions {
  readonly broker: Broker;
  readonly metrics: Metrics;
  readonly listen: HostPort;
  readonly version: string;
  readonly startedAtMs: number;
  readonly readiness: () => ReadinessReport;
}

/**
 * Starts the admin HTTP server of a running node: views over the broker (groups once
 * `broker.groups` holds the GroupsService), the node's metrics registry, listening on
 * `listen` (port 0 picks a free one). The caller closes it before the broker at shutdown.
 */
export async function startAdminServer(options: AdminServerOptions): Promise<AdminServer> {
  const { broker } = options;
  let groupsView: ReturnType<typeof createGroupsView> | undefined;
  const views = createBrokerViews(broker, {
    version: options.version, startedAtMs: options.startedAtMs, readiness: options.readiness,
    // Looked up per request: the groups layer may start after the admin server.
    groups: () => {
      if (!(broker.groups instanceof GroupsService)) return undefined;
      groupsView ??= createGroupsView(broker.groups);
      return groupsView;
    },
  });
  const app = await buildAdminApp({ views, registry: options.metrics.registry, logger: broker.logger });
  await app.listen({ host: options.listen.host, port: options.listen.port });
  const bound = app.server.address();
  const port = bound !== null && typeof bound === 'object' ? bound.port : options.listen.port;
  return { address: { host: options.listen.host, port }, app, close: () => app.close() };
}
