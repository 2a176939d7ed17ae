import t from 'tap';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withConfigTable } from '../../src/config/print-config-table.js';

t.test('README.md configuration reference matches CONFIG_FIELDS and the limits', async (t) => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  t.equal(withConfigTable(readme), readme, 'README config table is current; run `npx tsx src/config/print-config-table.ts --write`');
});
