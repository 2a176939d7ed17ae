import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { startLightLoad } from '../helpers/light-load.js';
import { startPrometheus, testScrapeIntervalSeconds } from '../helpers/prometheus.js';
import { dashboardQueries, substituteVariables } from '../helpers/dashboards.js';

/** Scrapes to wait for before querying: rate() needs two samples inside its window. */
const scrapesBeforeQuerying = 5;
/** Upper bound for Prometheus to collect them. */
const scrapeWaitMsMax = 30_000;
/** Stands in for Grafana's $__rate_interval at a 1 s scrape interval. */
const rateInterval = `${testScrapeIntervalSeconds * 10}s`;

t.test('Prometheus scraping a broker under light load returns data for every dashboard query', async (t) => {
  const broker = await spawnBroker(t, { args: ['--group-initial-rebalance-delay-ms', '0'] });
  const load = await startLightLoad(t, broker.bootstrap);
  const target = new URL(broker.adminUrl!).host;
  const prometheus = await startPrometheus(t, [target]);

  const deadline = Date.now() + scrapeWaitMsMax;
  let samples = 0;
  while (Date.now() < deadline) {
    const data = await prometheus.query(`count_over_time(up{job="canopy"}[1m])`);
    samples = Number((data.result[0] as { value?: [number, string] } | undefined)?.value?.[1] ?? 0);
    if (samples >= scrapesBeforeQuerying) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  t.ok(samples >= scrapesBeforeQuerying, `Prometheus scraped the broker ${samples} times`);
  const up = await prometheus.query('up{job="canopy"}');
  t.match(up.result, [{ value: [Number, '1'] }], 'the broker target is up');

  for (const q of dashboardQueries()) {
    const expr = q.kind === 'variable'
      ? /^label_values\(([^,]+),/.exec(q.expr)![1]!.trim() // the series the variable reads its values from
      : substituteVariables(q.expr, rateInterval);
    const data = await prometheus.query(expr);
    t.ok(data.result.length > 0, `${q.dashboard} / ${q.panel}: ${expr} returned data`);
  }
  t.ok(load.consumed() > 0, 'the consumer group kept reading');
});
