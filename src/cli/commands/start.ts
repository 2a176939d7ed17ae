import type { Logger } from 'pino';
import { statfs } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import type { DiskSample } from '../../metrics/probes/disk.js';
import { loadConfig } from '../../config/load.js';
import { ConfigError } from '../../config/errors.js';
import { NodeIdentityError } from '../../broker/node-identity.js';
import { NodeBroker } from '../../broker/open-broker.js';
import { ClusterNode } from '../../broker/cluster-node.js';
import { createPeerProbe } from '../../metrics/probes/peers.js';
import { KafkaServer } from '../../server/server.js';
import { ApiDispatcher } from '../../server/dispatch.js';
import { NODE_FILE_LAYER } from '../../journal/file-layer.js';
import { createMetrics } from '../../metrics/registry.js';
import { observeJournalFiles } from '../../metrics/probes/journal-files.js';
import { startAdminServer } from '../../admin/start-admin-server.js';
import { observeBroker } from '../../admin/observe-broker.js';
import { nodeVersion } from '../../admin/node-version.js';
import { startHelp } from './support/start-help.js';
import { createBrokerLogger } from '../log-output.js';
import { wildcardListenWarning } from './support/wildcard-listen-warning.js';
import { startInternalListener } from './support/start-internal-listener.js';
import { loadTreeFile } from '../../tree/load-tree-file.js';

export const summary = 'start a node: a single-node broker by default; --initial-voters for cluster mode, --role learner for a learner (flags: --listen, --data-dir, --config, ...)';

/** The log message the broker prints once it serves; test/helpers/spawn-broker.ts waits for it. */
export const READY_MESSAGE = 'canopy listening';

/** The data dir's file system for the disk gauges; null (no sample) when statfs fails. */
async function dataDirSpace(dataDir: string): Promise<DiskSample | null> {
  try {
    const s = await statfs(dataDir);
    return { freeBytes: s.bavail * s.bsize, capacityBytes: s.blocks * s.bsize };
  } catch {
    return null;
  }
}

/** Errors opening the data dir that are the operator's to fix, not a bug. */
const DATA_DIR_ERRNOS = new Set(['EACCES', 'EPERM', 'ENOTDIR', 'EROFS', 'ENOSPC', 'EEXIST']);

/** A start-up failure: one JSON `fatal` log line and one plain stderr line naming the setting; exit 1. */
function fatal(logger: Logger, message: string, err: unknown): number {
  logger.fatal({ err }, message);
  process.stderr.write(`canopy start: ${message}\n`);
  return 1;
}

/**
 * Starts the node and serves until SIGTERM/SIGINT, then shuts down gracefully: stop accepting,
 * let in-flight requests (appends) answer, end long-polls, fsync and close every partition.
 * A second signal exits at once.
 */
export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(startHelp(summary));
    return 0;
  }
  let loaded;
  try {
    loaded = loadConfig({ argv: args, env: process.env });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`canopy start: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const { config, configFile } = loaded;
  let edgeFilterFor;
  try {
    edgeFilterFor = loadTreeFile(config.treeConfig, config.limits.batchDecompressedBytesMax);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`canopy start: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const logger: Logger = createBrokerLogger({ level: config.logLevel, format: config.logFormat, nodeId: config.nodeId, isTerminal: process.stdout.isTTY === true });
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception (a bug): exiting');
    process.exit(70);
  });
  process.on('unhandledRejection', (err) => {
    logger.fatal({ err }, 'unhandled rejection (a bug): exiting');
    process.exit(70);
  });

  // Operator side (src/admin, src/metrics): one registry per process, probes passed down. The
  // admin server starts first, so /healthz answers and /readyz says 503 during journal recovery.
  const startedAtMs = Date.now();
  const version = nodeVersion();
  const metrics = createMetrics({ processMetrics: config.processMetrics });
  const checks = { journalRecovered: false, kafkaListening: false };
  const readiness = () => ({ ready: checks.journalRecovered && checks.kafkaListening, checks: { ...checks } });
  metrics.node.observeReady(() => readiness().ready);
  const admin = config.adminListen === null ? null
    : await startAdminServer({ metrics, listen: config.adminListen, allowedHosts: config.adminAllowedHosts, version, startedAtMs, readiness, logger });
  let broker: NodeBroker;
  try {
    broker = await NodeBroker.open(config, logger, { journalFiles: observeJournalFiles(NODE_FILE_LAYER, metrics.journal) });
  } catch (err) {
    // The admin listener would keep the process alive after a failed start.
    await admin?.close();
    metrics.stop();
    if (err instanceof ConfigError) {
      // A limit the process cannot honour (e.g. the open file limit, broker/fd-budget.ts).
      process.stderr.write(`canopy start: ${err.message}\n`);
      return 2;
    }
    if (err instanceof NodeIdentityError) return fatal(logger, err.message, err);
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== undefined && DATA_DIR_ERRNOS.has(code)) {
      return fatal(logger, `data dir ${config.dataDir}: ${(err as Error).message} (set --data-dir / CANOPY_DATA_DIR to a directory this user can write)`, err);
    }
    throw err;
  }
  checks.journalRecovered = true;
  observeBroker(metrics, broker, version);
  metrics.disk.observe(() => dataDirSpace(config.dataDir));
  admin?.attach(broker);
  const dispatcher = new ApiDispatcher(broker, { api: metrics.api, traffic: metrics.traffic });
  const server = new KafkaServer({ limits: { ...config.limits, connectionsMax: broker.connectionsMax }, dispatcher, logger, probe: metrics.connections });
  let bound: { host: string; port: number };
  try {
    bound = await server.listen(config.listen.host, config.listen.port);
  } catch (err) {
    // Typically EADDRINUSE: a local Kafka already on 9092. Without this the admin listener and
    // the open partitions would keep a process alive that serves nothing.
    await admin?.close();
    await broker.close();
    metrics.stop();
    return fatal(logger, `Kafka listener ${config.listen.host}:${config.listen.port}: ${(err as Error).message} (set --listen / CANOPY_LISTEN to another HOST:PORT)`, err);
  }
  broker.setBoundAddress(bound);
  let internal: { host: string; port: number } | null = null;
  // Cluster mode (opt-in): the metadata group and this node's registration; topics stay local.
  let cluster: ClusterNode | null = null;
  if (config.initialVoters !== null) {
    try {
      cluster = await ClusterNode.start({ config, clusterId: broker.clusterId, dataDir: resolvePath(config.dataDir), kafka: broker.advertised, probe: createPeerProbe(metrics.registry), logger });
    } catch (err) {
      await admin?.close();
      await server.close();
      await broker.close();
      metrics.stop();
      return fatal(logger, `cluster mode: ${(err as Error).message} (check --internal-listen / CANOPY_INTERNAL_LISTEN)`, err);
    }
    broker.metadata = cluster.metadata;
    internal = config.internalListen;
  } else if (config.internalListen !== null) {
    // Single node: the internal listener serves learners (LearnerFetch) only.
    try {
      internal = await startInternalListener(broker, config.internalListen, edgeFilterFor, metrics.registry, logger);
    } catch (err) {
      await server.close();
      await admin?.close();
      await broker.close();
      metrics.stop();
      return fatal(logger, `internal listener ${config.internalListen.host}:${config.internalListen.port}: ${(err as Error).message} (set --internal-listen / CANOPY_INTERNAL_LISTEN to another HOST:PORT)`, err);
    }
  }
  checks.kafkaListening = true;
  logger.info({ host: bound.host, port: bound.port, advertised: broker.advertised, admin: admin?.address ?? null, internal, role: config.role, dataDir: config.dataDir, configFile, pid: process.pid }, READY_MESSAGE);
  const wildcard = wildcardListenWarning(config.listen, config.advertisedListener, broker.advertised);
  if (wildcard !== null) {
    logger.warn({ listen: config.listen, advertised: broker.advertised }, wildcard);
    process.stderr.write(`canopy start: warning: ${wildcard}\n`);
  }

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string): void => {
      if (stopping) {
        logger.warn({ signal }, 'second signal: exiting without waiting');
        process.exit(1);
      }
      stopping = true;
      logger.info({ signal }, 'shutting down');
      void (async () => {
        checks.kafkaListening = false;
        await admin?.close();
        await server.close();
        await cluster?.close();
        await broker.close();
        metrics.stop();
        logger.info('stopped');
        resolve(0);
      })().catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        resolve(1);
      });
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
}
