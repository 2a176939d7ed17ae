import t from 'tap';
import { adminErrors, AdminError, errorBody } from '../../src/admin/errors.js';
import { CONFIG_FIELDS } from '../../src/config/load.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { operatingSection } from '../helpers/readme-section.js';

t.test('every admin error code is documented in the README with its HTTP status, and nothing else is', async (t) => {
  const section = operatingSection();
  for (const [code, { status }] of Object.entries(adminErrors)) t.match(section, `| \`${code}\` | ${status} |`, code);
  const documented = [...section.matchAll(/^\| `(CANOPY_ERR_[A-Z_]+)` \|/gm)].map((m) => m[1]!);
  t.same(documented.filter((c) => !Object.hasOwn(adminErrors, c)), []);
});

t.test('AdminError carries its status and the body shape is stable', async (t) => {
  const e = new AdminError('CANOPY_ERR_TOPIC_EXISTS', 'topic x exists');
  t.equal(e.statusCode, 409);
  t.same(errorBody('CANOPY_ERR_INVALID_REQUEST', 'body.x is required', 'body.x'), { error: { code: 'CANOPY_ERR_INVALID_REQUEST', message: 'body.x is required', field: 'body.x' } });
  t.same(errorBody('CANOPY_ERR_INTERNAL', 'internal error'), { error: { code: 'CANOPY_ERR_INTERNAL', message: 'internal error' } });
});

t.test('the admin options are in the config schema and documented with their defaults', async (t) => {
  const section = operatingSection();
  const defaults = defaultConfig();
  t.same(defaults.adminListen, { host: '127.0.0.1', port: 9644 });
  t.equal(defaults.processMetrics, true);
  for (const key of ['adminListen', 'processMetrics'] as const) {
    const field = CONFIG_FIELDS.find((f) => f.key === key)!;
    t.ok(field, `${key} is a config field`);
    const value = defaults[key];
    const shown = typeof value === 'object' && value !== null ? `${value.host}:${value.port}` : String(value);
    t.match(section, `| \`${key}\` | \`${field.flag}\` | \`${field.env}\` | \`${shown}\` |`, `${key} documented with its default`);
  }
});
