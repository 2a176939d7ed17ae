import t from 'tap';
import { compileFilter, type FilterRecord } from '../../../src/tree/filter/compile.js';
import { validateFilter } from '../../../src/tree/filter/spec.js';

function compiled(spec: unknown) {
  const v = validateFilter(spec);
  if (!v.ok) throw new Error(v.errors.join('; '));
  return compileFilter(v.filter);
}

const record = (key: string | null, value: unknown, headers: Record<string, string | null> = {}, timestamp = 100): FilterRecord => ({
  key: key === null ? null : Buffer.from(key),
  value: value === null ? null : Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value)),
  headers: Object.entries(headers).map(([k, v]) => ({ key: k, value: v === null ? null : Buffer.from(v) })),
  timestamp,
});

t.test('topics and partitions select; absent lists select everything', async (t) => {
  const f = compiled({ topics: ['orders'], partitions: [1] });
  t.same([f.selectsTopic('orders'), f.selectsTopic('other'), f.selectsPartition(1), f.selectsPartition(0)], [true, false, true, false]);
  const all = compiled({});
  t.same([all.selectsTopic('x'), all.selectsPartition(99), all.matches(record(null, null))], [true, true, true]);
});

t.test('record predicates, with null keys and non-JSON values never matching a key or value test', async (t) => {
  const cases: [unknown, FilterRecord, boolean][] = [
    [{ key: { regex: '^eu-\\d+$' } }, record('eu-12', null), true],
    [{ key: { regex: '^eu-\\d+$' } }, record('eu-12x', null), false],
    [{ key: { regex: 'x' } }, record(null, null), false],
    [{ key: { regex: '(a+)+$' } }, record('a'.repeat(5000) + 'b', null), false],
    [{ key: { in: ['a', 'b'] } }, record('b', null), true],
    [{ header: { name: 'h', equals: 'v' } }, record('k', null, { h: 'v' }), true],
    [{ header: { name: 'h', equals: 'v' } }, record('k', null, { h: null }), false],
    [{ header: { name: 'h', present: true } }, record('k', null, { h: null }), true],
    [{ value: { path: 'a.b', equals: 'x' } }, record('k', { a: { b: 'x' } }), true],
    [{ value: { path: 'a.b', equals: 'x' } }, record('k', Buffer.from('not json')), false],
    [{ value: { path: 'n', range: { gt: 1, lte: 2 } } }, record('k', { n: 2 }), true],
    [{ value: { path: 'n', range: { gt: 1, lte: 2 } } }, record('k', { n: '2' }), false],
    [{ value: { path: 'toString', equals: 'x' } }, record('k', {}), false],
    [{ timestamp: { lt: 100 } }, record('k', null, {}, 100), false],
    [{ not: { key: { equals: 'a' } }, key: { prefix: 'a' } }, record('ab', null), true],
  ];
  for (const [spec, r, want] of cases) t.equal(compiled(spec).matches(r), want, JSON.stringify(spec));
});

t.test('projections: drop or truncate the value, keep listed headers and JSON fields', async (t) => {
  const r = record('k', { user: { id: 7, name: 'ann' }, amount: 3 }, { trace: 't', tenant: 'x' });
  const dropped = compiled({ project: { value: 'drop', headers: ['trace'] } }).project(r);
  t.same([dropped.value, dropped.headers.map((h) => h.key)], [null, ['trace']]);
  t.same(compiled({ project: { truncateBytes: 5 } }).project(r).value?.toString(), '{"use');
  t.same(JSON.parse(compiled({ project: { jsonFields: ['user.id', 'amount', 'missing'] } }).project(r).value!.toString()), { user: { id: 7 }, amount: 3 });
  t.equal(compiled({ project: { jsonFields: ['a'] } }).project(record('k', Buffer.from('raw'))).value, null, 'only listed fields may cross');
  const keep = compiled({ key: { prefix: 'k' } });
  t.equal(keep.project(r), r);
  t.ok(keep.projectsNothing);
});
