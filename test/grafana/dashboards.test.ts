import t from 'tap';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { startLightLoad } from '../helpers/light-load.js';
import { alertRuleFiles, alertRuleQueries, dashboardQueries, expositionNames, loadDashboards, metricNames } from '../helpers/dashboards.js';
import { promtoolCheckMetrics, promtoolCheckRules } from '../helpers/promtool.js';
import { metricSpecs, processMetricNames } from '../../src/metrics/names.js';

const grafanaDir = resolve(import.meta.dirname, '../../grafana');

t.test('the four dashboards exist, are well formed and use the provisioned data source', async (t) => {
  const dashboards = loadDashboards();
  t.same(dashboards.map((d) => d.json.uid).sort(), ['canopy-groups', 'canopy-overview', 'canopy-storage', 'canopy-topics']);
  for (const { file, json } of dashboards) {
    t.ok(json.title.startsWith('Canopy / '), `${file} title`);
    const ids = json.panels.map((p: { id: number }) => p.id);
    t.equal(new Set(ids).size, ids.length, `${file} panel ids are unique`);
    for (const panel of json.panels) {
      t.ok(panel.gridPos && panel.gridPos.w > 0 && panel.gridPos.x + panel.gridPos.w <= 24, `${file}: ${panel.title} fits the grid`);
      t.equal(panel.datasource.uid, '${datasource}', `${file}: ${panel.title} uses the data source variable`);
      t.ok(panel.targets.length > 0 && panel.targets.every((x: { expr: string }) => x.expr.length > 0), `${file}: ${panel.title} has queries`);
    }
    t.ok(json.templating.list.some((v: { name: string; type: string; query: string }) => v.name === 'datasource' && v.type === 'datasource' && v.query === 'prometheus'), `${file} data source variable`);
  }
  const datasources = parseYaml(readFileSync(resolve(grafanaDir, 'provisioning/datasources/prometheus.yaml'), 'utf8'));
  t.match(datasources, { apiVersion: 1, datasources: [{ type: 'prometheus', uid: 'canopy-prometheus', url: 'http://canopy:9090' }] });
  const providers = parseYaml(readFileSync(resolve(grafanaDir, 'provisioning/dashboards/canopy.yaml'), 'utf8'));
  t.match(providers, { apiVersion: 1, providers: [{ type: 'file', options: { path: '/var/lib/grafana/dashboards/canopy' } }] });
});

t.test('every exported metric is shown in some dashboard (STYLE habit 12)', async (t) => {
  const used = new Set(dashboardQueries().flatMap((q) => metricNames(q.expr)).map((n) => n.replace(/_(bucket|count|sum)$/, '')));
  for (const spec of Object.values(metricSpecs)) t.ok(used.has(spec.name), `${spec.name} appears in a dashboard`);
});

t.test('metric-name extraction understands PromQL', async (t) => {
  t.same(metricNames('histogram_quantile(0.99, sum by (le, api) (rate(canopy_api_request_duration_seconds_bucket{instance=~"$instance"}[$__rate_interval])))'),
    ['canopy_api_request_duration_seconds_bucket']);
  t.same(metricNames('sum by (api, outcome) (rate(x_total{outcome!="ok"}[1m])) or vector(0)'), ['x_total']);
  t.same(metricNames('a - b{topic=~"$topic"}').sort(), ['a', 'b']);
  // label_values(metric, label): the label comes out too; callers take the first name only.
  t.same(metricNames('label_values(canopy_partition_high_watermark, topic)'), ['canopy_partition_high_watermark', 'topic']);
});

t.test('Produce latency is shown apart from long-poll and rebalance waits', async (t) => {
  const overview = loadDashboards().find((d) => d.file === 'overview.json')!.json;
  const latencyPanels = overview.panels.filter((p: { targets: { expr: string }[] }) => p.targets.some((x) => x.expr.includes('canopy_api_request_duration_seconds_bucket')));
  const produce = latencyPanels.filter((p: { targets: { expr: string }[] }) => p.targets.every((x) => x.expr.includes('api="Produce"')));
  t.equal(produce.length, 1, 'one panel shows Produce latency alone');
  const waits = 'api=~"Fetch|JoinGroup|SyncGroup"';
  for (const p of latencyPanels) {
    const exprs: string[] = p.targets.map((x: { expr: string }) => x.expr);
    const alone = exprs.every((e) => e.includes('api="Produce"') || e.includes(waits) || e.includes('api!~"Fetch|JoinGroup|SyncGroup"'));
    t.ok(alone, `${p.title}: Produce alone, the waiting APIs alone, or every API but them`);
  }
  t.ok(latencyPanels.some((p: { targets: { expr: string }[] }) => p.targets.every((x) => x.expr.includes(waits))), 'the waits have their own panel');
});

t.test('the shipped alert rules pass promtool check rules', async (t) => {
  const files = alertRuleFiles();
  t.ok(files.length > 0, 'grafana/alerts has rule files');
  const alerts = alertRuleQueries().map((q) => q.panel);
  t.same(alerts.sort(), ['CanopyConsumerLagGrowing', 'CanopyDataDirFull', 'CanopyFsyncSlow', 'CanopyMetricsAbsent', 'CanopyNotReady'], 'not ready, lag growing, fsync p99, disk; no under-replication rule before that metric exists');
  const check = await promtoolCheckRules(files);
  t.equal(check.code, 0, `promtool check rules: ${check.stdout}${check.stderr}`);
});

t.test('every dashboard query and alert rule names only metrics a running broker exports', async (t) => {
  const broker = await spawnBroker(t, { args: ['--group-initial-rebalance-delay-ms', '0'] });
  await startLightLoad(t, broker.bootstrap);
  const response = await fetch(`${broker.adminUrl}/metrics`);
  const exposition = await response.text();
  const exported = expositionNames(exposition);
  const queries = [...dashboardQueries(), ...alertRuleQueries()];
  t.ok(queries.length >= 45, `${queries.length} queries checked`);
  for (const q of queries) {
    // label_values(metric, label): the second argument is a label, not a metric.
    const names = q.kind === 'variable' ? [metricNames(q.expr)[0]!] : metricNames(q.expr);
    t.ok(names.length > 0, `${q.dashboard} / ${q.panel}: names a metric`);
    for (const name of names) t.ok(exported.has(name), `${q.dashboard} / ${q.panel}: ${name} is exported`);
  }
  for (const name of processMetricNames) t.ok(exported.has(name), `process metric ${name} exported`);
  const lint = await promtoolCheckMetrics(exposition);
  t.equal(lint.code, 0, `promtool check metrics on the live exposition: ${lint.stdout}${lint.stderr}`);
});
