import t from 'tap';
import { metricSpecs, processMetricNames } from '../../src/metrics/names.js';
import { operatingSection } from '../helpers/readme-section.js';

t.test('every metric is documented in the README with its type and labels', async (t) => {
  const section = operatingSection();
  t.ok(section.length > 0, 'README has an "Operating Canopy" section');
  for (const spec of Object.values(metricSpecs)) {
    const labels = spec.labels.map((l) => `\`${l}\``).join(', ') || '–';
    t.match(section, `| \`${spec.name}\` | ${spec.type} | ${labels} |`, spec.name);
  }
  for (const name of processMetricNames) t.match(section, `\`${name}\``, name);
  const documented = [...section.matchAll(/^\| `(canopy_[a-z0-9_]+)` \|/gm)].map((m) => m[1]);
  const known = new Set(Object.values(metricSpecs).map((s) => s.name));
  t.same(documented.filter((n) => !known.has(n!)), [], 'the README documents no metric the broker lacks');
});
