import t from 'tap';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withTable, apiTable } from '../../src/api/print-api-table.js';
import { advertisedApis } from '../../src/api/registry.js';

t.test('README.md lists exactly the APIs and versions the registry advertises', async (t) => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  t.equal(withTable(readme), readme, 'README table is current; run `npx tsx src/api/print-api-table.ts --write`');
  t.equal(apiTable().split('\n').length, advertisedApis().length + 2, 'one row per API');
});
