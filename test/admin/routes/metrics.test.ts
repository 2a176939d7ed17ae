import t from 'tap';
import { startAdminNode, http } from '../../helpers/admin-node.js';
import { recordsBatch } from '../../helpers/valid-batches.js';
import { promtoolCheckMetrics } from '../../helpers/promtool.js';

t.test('/metrics serves the node registry in Prometheus text format, with live partition gauges', async (t) => {
  const node = await startAdminNode(t);
  await node.broker.topics.create('metered', { partitions: 2 });
  const batch = recordsBatch(5, Date.now());
  await node.broker.partitions.get('metered', 1)!.append(batch, { acks: 1, timeoutMs: 5000 });
  node.metrics.api.requestDone(0, 9, 'ok', 0.001);

  const res = await http(node.baseUrl, 'GET', '/metrics');
  t.equal(res.status, 200);
  t.match(res.contentType, /^text\/plain; version=0\.0\.4/);
  t.match(res.body, /^canopy_partition_high_watermark\{topic="metered",partition="1"\} 5$/m);
  t.match(res.body, /^canopy_partition_log_end_offset\{topic="metered",partition="0"\} 0$/m);
  t.match(res.body, /^canopy_api_requests_total\{api="Produce",version="9",outcome="ok"\} 1$/m);
  const size = Number(/^canopy_partition_size_bytes\{topic="metered",partition="1"\} (\d+)$/m.exec(res.body)?.[1]);
  t.ok(size >= batch.length, `size ${size} counts the appended batch`);
  const lint = await promtoolCheckMetrics(res.body);
  t.equal(lint.code, 0, lint.stderr);
});
