/**
 * An in-process node for admin tests: the real TopicStore, PartitionManager (real journal files in
 * a temp dir) and producer-id allocator behind a `Broker` object, the admin app built over them and
 * listening on 127.0.0.1 port 0. No Kafka listener: admin tests drive the broker objects directly
 * (e.g. `partitions.get(t, 0).append(...)`), and the CLI tests use spawn-broker for the real thing.
 * Everything is closed in t.teardown.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { defaultConfig } from '../../src/config/defaults.js';
import { TopicStore } from '../../src/cluster/topic-store.js';
import { PartitionManager } from '../../src/replication/partition-manager.js';
import { partitionSettingsOf } from '../../src/cluster/partition-settings.js';
import { ProducerIdAllocator } from '../../src/replication/producer-ids.js';
import type { Broker } from '../../src/api/broker.js';
import type { AdminBroker } from '../../src/admin/admin-broker.js';

/** The node as both handlers (api/) and admin/ see it, as NodeBroker is. */
type TestBroker = Broker & AdminBroker;
import { buildAdminApp } from '../../src/admin/app.js';
import { createBrokerViews } from '../../src/admin/broker-views.js';
import type { AdminViews, GroupsView, ReadinessReport } from '../../src/admin/views.js';
import { createMetrics, type Metrics } from '../../src/metrics/registry.js';

interface Teardown { teardown(fn: () => unknown): void }

export interface AdminNode {
  readonly broker: TestBroker;
  readonly views: AdminViews;
  readonly metrics: Metrics;
  readonly app: FastifyInstance;
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  /** Flip readiness checks (e.g. simulate the Kafka listener not yet accepting). */
  readonly checks: Record<string, boolean>;
  readonly dataDir: string;
}

/** `groups` builds the groups view once the broker objects exist (absent: no coordinator, 503). */
export async function startAdminNode(t: Teardown, options: { groups?: (broker: TestBroker) => GroupsView } = {}): Promise<AdminNode> {
  const dataDir = await mkdtemp(join(tmpdir(), 'canopy-admin-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const config = { ...defaultConfig(), dataDir, nodeId: 1 };
  const logger = pino({ level: 'silent' });
  const topics = await TopicStore.open({ dataDir, limits: config.limits, logger });
  const partitions = new PartitionManager({ settingsOf: partitionSettingsOf, config, logger });
  topics.addListener(partitions);
  await partitions.openAll(topics.list());
  t.teardown(() => partitions.closeAll());
  const producerIds = await ProducerIdAllocator.open(dataDir);
  const broker: TestBroker = {
    nodeId: 1, clusterId: 'admin-test-cluster', config, advertised: { host: '127.0.0.1', port: 9092 },
    topics, partitions, producerIds, logger,
  };
  const checks: Record<string, boolean> = { journalRecovered: true, kafkaListening: true };
  const readiness = (): ReadinessReport => ({ ready: Object.values(checks).every(Boolean), checks: { ...checks } });
  const groups = options.groups?.(broker);
  const views = createBrokerViews(broker, {
    version: '0.0.0-test', startedAtMs: Date.now(), readiness,
    ...(options.groups === undefined ? {} : { groups: () => groups }),
  });
  const metrics = createMetrics({ processMetrics: false });
  t.teardown(() => metrics.stop());
  metrics.partitions.observe(() => partitions.all().map((p) => ({
    topic: p.topic, partition: p.index, logStartOffset: p.logStartOffset, logEndOffset: p.logEndOffset,
    highWatermark: p.highWatermark, sizeBytes: p.sizeBytes,
  })));
  const app = await buildAdminApp({ views, version: '0.0.0-test', registry: metrics.registry });
  t.teardown(() => app.close());
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { broker, views, metrics, app, baseUrl: address, checks, dataDir };
}

/** fetch() + JSON body; the status is returned alongside so tests assert both. */
export async function http(baseUrl: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any; contentType: string }> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const response = await fetch(`${baseUrl}${path}`, init);
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return { status: response.status, body: contentType.includes('json') && text !== '' ? JSON.parse(text) : text, contentType };
}
