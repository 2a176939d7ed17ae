import t from 'tap';
import { Registry, register as globalRegistry } from 'prom-client';
import { createMetrics } from '../../src/metrics/registry.js';
import { metricSpecs, processMetricNames } from '../../src/metrics/names.js';
import { promtoolCheckMetrics } from '../helpers/promtool.js';

/** The value of one sample line `name{labels} value` in an exposition, or undefined. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const prefix = labels === '' ? `${name} ` : `${name}{${labels}} `;
  const line = text.split('\n').find((l) => l.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(prefix.length));
}

t.test('every probe records into the injected registry, never the global one', async (t) => {
  const metrics = createMetrics({ processMetrics: true });
  t.teardown(() => metrics.stop());
  metrics.api.requestDone(0, 9, 'ok', 0.002);
  metrics.api.requestDone(0, 9, 'ok', 0.004);
  metrics.api.requestDone(18, 3, 'unsupported', 0.0001);
  metrics.api.requestDone(999, 0, 'error', 0.1);
  metrics.traffic.produced('orders', 1000, 10);
  metrics.traffic.fetched('orders', 600);
  metrics.connections.opened();
  metrics.connections.opened();
  metrics.connections.closed();
  metrics.journal.appendDone(0.0003);
  metrics.journal.fsyncDone(0.002);
  metrics.journal.observeCache(() => 0.75);
  metrics.partitions.observe(() => [
    { topic: 'orders', partition: 0, logStartOffset: 5, logEndOffset: 42, highWatermark: 40, sizeBytes: 4096 },
  ]);
  metrics.groups.observe(async () => [
    { group: 'billing', members: 2, partitions: [{ topic: 'orders', partition: 0, lag: 7, lagSeconds: 12.5 }] },
  ]);
  metrics.node.identify({ nodeId: 3, clusterId: 'c-1', version: '0.1.0' });
  metrics.node.observeReady(() => true);

  const text = await metrics.registry.metrics();
  t.equal(sample(text, 'canopy_api_requests_total', 'api="Produce",version="9",outcome="ok"'), 2);
  t.equal(sample(text, 'canopy_api_requests_total', 'api="ApiVersions",version="unsupported",outcome="unsupported"'), 1);
  t.equal(sample(text, 'canopy_api_requests_total', 'api="unknown",version="0",outcome="error"'), 1);
  t.equal(sample(text, 'canopy_api_request_duration_seconds_count', 'api="Produce",outcome="ok"'), 2);
  t.equal(sample(text, 'canopy_api_request_duration_seconds_bucket', 'le="0.0025",api="Produce",outcome="ok"'), 1);
  t.equal(sample(text, 'canopy_topic_bytes_in_total', 'topic="orders"'), 1000);
  t.equal(sample(text, 'canopy_topic_records_in_total', 'topic="orders"'), 10);
  t.equal(sample(text, 'canopy_topic_bytes_out_total', 'topic="orders"'), 600);
  t.equal(sample(text, 'canopy_connections_active'), 1);
  t.equal(sample(text, 'canopy_connections_accepted_total'), 2);
  t.equal(sample(text, 'canopy_journal_append_duration_seconds_count'), 1);
  t.equal(sample(text, 'canopy_journal_fsync_duration_seconds_count'), 1);
  t.equal(sample(text, 'canopy_journal_cache_hit_ratio'), 0.75);
  t.equal(sample(text, 'canopy_partition_log_start_offset', 'topic="orders",partition="0"'), 5);
  t.equal(sample(text, 'canopy_partition_log_end_offset', 'topic="orders",partition="0"'), 42);
  t.equal(sample(text, 'canopy_partition_high_watermark', 'topic="orders",partition="0"'), 40);
  t.equal(sample(text, 'canopy_partition_size_bytes', 'topic="orders",partition="0"'), 4096);
  t.equal(sample(text, 'canopy_consumer_group_lag', 'group="billing",topic="orders",partition="0"'), 7);
  t.equal(sample(text, 'canopy_consumer_group_lag_seconds', 'group="billing",topic="orders",partition="0"'), 12.5);
  t.equal(sample(text, 'canopy_consumer_group_members', 'group="billing"'), 2);
  t.equal(sample(text, 'canopy_broker_info', 'node_id="3",cluster_id="c-1",version="0.1.0"'), 1);
  t.equal(sample(text, 'canopy_broker_ready'), 1);
  t.ok(sample(text, 'canopy_event_loop_lag_p99_seconds')! >= 0, 'event-loop p99 exported');
  t.ok(sample(text, 'canopy_event_loop_lag_max_seconds')! >= 0, 'event-loop max exported');
  for (const name of processMetricNames) t.match(text, new RegExp(`^${name}[ {]`, 'm'), `process metric ${name}`);
  for (const spec of Object.values(metricSpecs)) t.match(text, `# TYPE ${spec.name} ${spec.type}`, spec.name);
  t.notMatch(await globalRegistry.metrics(), /canopy_/, 'global registry untouched');
});

t.test('two metric sets never share state', async (t) => {
  const a = createMetrics({ registry: new Registry(), processMetrics: false });
  const b = createMetrics({ registry: new Registry(), processMetrics: false });
  t.teardown(() => { a.stop(); b.stop(); });
  a.connections.opened();
  t.equal(sample(await a.registry.metrics(), 'canopy_connections_active'), 1);
  t.equal(sample(await b.registry.metrics(), 'canopy_connections_active'), 0);
});

t.test('a deleted partition leaves the exposition at the next scrape', async (t) => {
  const metrics = createMetrics({ processMetrics: false });
  t.teardown(() => metrics.stop());
  let partitions = [{ topic: 'gone', partition: 0, logStartOffset: 0, logEndOffset: 1, highWatermark: 1, sizeBytes: 10 }];
  metrics.partitions.observe(() => partitions);
  t.equal(sample(await metrics.registry.metrics(), 'canopy_partition_size_bytes', 'topic="gone",partition="0"'), 10);
  partitions = [];
  t.equal(sample(await metrics.registry.metrics(), 'canopy_partition_size_bytes', 'topic="gone",partition="0"'), undefined);
});

t.test('promtool check metrics accepts the exposition', async (t) => {
  const metrics = createMetrics({ processMetrics: true });
  t.teardown(() => metrics.stop());
  metrics.api.requestDone(1, 12, 'ok', 0.01);
  metrics.traffic.produced('t', 1, 1);
  metrics.partitions.observe(() => [{ topic: 't', partition: 0, logStartOffset: 0, logEndOffset: 1, highWatermark: 1, sizeBytes: 1 }]);
  metrics.groups.observe(() => [{ group: 'g', members: 1, partitions: [{ topic: 't', partition: 0, lag: 0, lagSeconds: 0 }] }]);
  metrics.node.identify({ nodeId: 0, clusterId: 'x', version: '0' });
  const result = await promtoolCheckMetrics(await metrics.registry.metrics());
  t.equal(result.code, 0, `promtool exit code (stdout: ${result.stdout} stderr: ${result.stderr})`);
  t.equal(result.stdout.trim() + result.stderr.trim(), '', 'no lint findings');
});
