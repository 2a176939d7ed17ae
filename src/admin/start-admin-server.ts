import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { AdminBroker } from './admin-broker.js';
import type { HostPort } from '../config/defaults.js';
import { GroupsService } from '../groups/service.js';
import type { Metrics } from '../metrics/registry.js';
import { buildAdminApp } from './app.js';
import { createHostCheck, type HostCheck } from './allowed-hosts.js';
import { createBrokerViews } from './broker-views.js';
import { AdminError } from './errors.js';
import { createGroupsView } from './group-views.js';
import type { AdminViews, GroupsView, MetadataView, NodeView, ReadinessReport, TopicsView } from './views.js';

export interface AdminServer {
  /** The bound address (port 0 resolved). */
  readonly address: HostPort;
  readonly app: FastifyInstance;
  /** Serves the /v1 resources from this broker from now on (before: 503 CANOPY_ERR_NOT_READY). */
  attach(broker: AdminBroker): void;
  close(): Promise<void>;
}

export interface AdminServerOptions {
  readonly metrics: Metrics;
  readonly listen: HostPort;
  readonly version: string;
  readonly startedAtMs: number;
  readonly readiness: () => ReadinessReport;
  readonly logger: Logger;
  /** Host names answered besides the listener's own addresses (config `adminAllowedHosts`). */
  readonly allowedHosts: readonly string[];
}

const notYet = (): never => {
  throw new AdminError('CANOPY_ERR_NOT_READY', 'the node is still starting (journal recovery in progress)');
};

/**
 * Starts the admin HTTP server of a node before its data is open, so that during a long journal
 * recovery /healthz answers (a liveness probe must not kill a recovering node), /readyz says 503
 * and /metrics serves; the /v1 resources answer 503 CANOPY_ERR_NOT_READY until `attach(broker)`.
 * Groups are looked up per request: `broker.groups` may be set after the broker opens.
 */
export async function startAdminServer(options: AdminServerOptions): Promise<AdminServer> {
  let attached: AdminViews | undefined;
  const startingNode = { readiness: options.readiness } as Partial<NodeView>;
  const views: AdminViews = {
    get node(): NodeView {
      if (attached !== undefined) return attached.node;
      return new Proxy(startingNode, { get: (target, property) => (property === 'readiness' ? target.readiness : notYet()) }) as NodeView;
    },
    get topics(): TopicsView {
      return attached?.topics ?? notYet();
    },
    get groups(): GroupsView | undefined {
      return attached === undefined ? notYet() : attached.groups;
    },
    get metadata(): MetadataView | undefined {
      return attached?.metadata;
    },
  };
  // The check needs the bound port; nothing is answered before listen() resolves and sets it.
  let hostCheck: HostCheck = () => false;
  const app = await buildAdminApp({
    views, version: options.version, registry: options.metrics.registry, logger: options.logger, hostCheck: (host) => hostCheck(host),
  });
  try {
    await app.listen({ host: options.listen.host, port: options.listen.port });
  } catch (err) {
    await app.close();
    // Typically EADDRINUSE from a second broker on the default port: say which setting to change.
    throw new Error(`admin listener ${options.listen.host}:${options.listen.port}: ${(err as Error).message} (set --admin-listen / CANOPY_ADMIN_LISTEN to another HOST:PORT, or off)`);
  }
  const bound = app.server.address();
  const port = bound !== null && typeof bound === 'object' ? bound.port : options.listen.port;
  hostCheck = createHostCheck({ host: options.listen.host, port }, options.allowedHosts);
  return {
    address: { host: options.listen.host, port },
    app,
    attach(broker) {
      let groupsView: GroupsView | undefined;
      attached = createBrokerViews(broker, {
        version: options.version, startedAtMs: options.startedAtMs, readiness: options.readiness,
        groups: () => {
          if (!(broker.groups instanceof GroupsService)) return undefined;
          groupsView ??= createGroupsView(broker.groups);
          return groupsView;
        },
      });
    },
    close: () => app.close(),
  };
}
