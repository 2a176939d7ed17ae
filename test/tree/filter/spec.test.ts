import t from 'tap';
import { validateFilter } from '../../../src/tree/filter/spec.js';
import { DEFAULT_FILTER_LIMITS } from '../../../src/tree/filter/limits.js';

function errorsOf(spec: unknown, limits = DEFAULT_FILTER_LIMITS): string[] {
  const v = validateFilter(spec, 'filter', limits);
  return v.ok ? [] : v.errors;
}

t.test('a filter using every predicate and projection validates into its normal form', async (t) => {
  const v = validateFilter({
    topics: ['orders'], partitions: [0, 2],
    and: [
      { key: { prefix: 'eu-' } }, { key: { regex: '^eu-[0-9]+$' } }, { keyHash: { modulo: 4, equals: 1 } },
      { or: [{ header: { name: 'trace', present: true } }, { header: { name: 'tenant', equals: 'a' } }] },
      { not: { value: { path: 'user.id', in: [1, 'x', null] } } }, { value: { path: 'amount', range: { gte: 10, lt: 20 } } },
      { timestamp: { gt: 5 } }, { key: { in: ['a'] } }, { key: { equals: 'b' } }, { value: { path: 'ok', equals: true } },
    ],
    project: { truncateBytes: 10, headers: ['trace'], jsonFields: ['user.id'] },
  });
  t.ok(v.ok, JSON.stringify(v));
  if (!v.ok) return;
  t.same(v.filter.topics, ['orders']);
  t.same(v.filter.project, { dropValue: false, truncateBytes: 10, headers: ['trace'], jsonFields: [['user', 'id']] });
  t.match(v.filter.where, { op: 'and', items: [{ op: 'key-prefix' }, { op: 'key-regex' }, { op: 'key-hash', modulo: 4, equals: 1 }] });
  t.same((v.filter.where as { items: unknown[] }).items[5], { op: 'value-range', path: ['amount'], range: { min: 10, minInclusive: true, max: 20, maxInclusive: false } });
  t.same(validateFilter(undefined), { ok: true, filter: { topics: null, partitions: null, where: { op: 'true' }, project: { dropValue: false, truncateBytes: null, headers: null, jsonFields: null } } });
});

t.test('errors name the field path, and every error is reported', async (t) => {
  const errors = errorsOf({
    and: [{ key: { prefix: 'a' } }, { key: { equals: 'b' } }, { key: { regex: '(unclosed' } }],
    partitions: [-1], project: { value: 'drop', truncateBytes: 3 }, colour: 'red',
  });
  t.match(errors, [
    /^filter\.colour: unknown field/,
    /^filter\.partitions\[0\]: must be an integer/,
    /^filter\.and\[2\]\.key\.regex: not a valid RE2 expression/,
    /^filter\.project\.value: drop leaves nothing/,
  ]);
  t.equal(errors.length, 4);
  t.match(errorsOf({ key: { prefix: 'a', equals: 'b' } }), [/^filter\.key: give exactly one of equals, prefix, in, regex/]);
  t.match(errorsOf({ keyHash: { modulo: 4, equals: 4 } }), [/^filter\.keyHash\.equals: must be an integer in \[0, 3\]/]);
  t.match(errorsOf({ value: { path: 'a..b', equals: 1 } }), [/^filter\.value\.path: must be a dotted path/]);
  t.match(errorsOf({ value: { path: 'a', equals: { nested: 1 } } }), [/^filter\.value\.equals: must be a string, a finite number/]);
  t.match(errorsOf({ timestamp: { gte: 1, gt: 2 } }), [/^filter\.timestamp: give gte or gt, not both/]);
  t.match(errorsOf({ or: [] }), [/^filter\.or: must be a non-empty list/]);
  t.match(errorsOf({ not: { topics: ['x'] } }), [/^filter\.not\.topics: unknown field/, /^filter\.not: give at least one of/]);
  t.match(errorsOf({ header: { name: 'h', present: false } }), [/^filter\.header\.present: must be true/]);
  t.match(errorsOf('key = 1'), [/^filter: must be an object/]);
});

t.test('regular expressions are RE2: backreferences and lookarounds (backtracking only) are refused', async (t) => {
  t.match(errorsOf({ key: { regex: '(a)\\1' } }), [/^filter\.key\.regex: not a valid RE2 expression/]);
  t.match(errorsOf({ key: { regex: '(?=a)b' } }), [/^filter\.key\.regex: not a valid RE2 expression/]);
});

t.test('size and depth are bounded by the filter limits', async (t) => {
  let deep: Record<string, unknown> = { key: { equals: 'x' } };
  for (let i = 0; i < 20; i++) deep = { not: deep };
  t.match(errorsOf(deep), [/nested deeper than 16/]);
  const wide = { or: Array.from({ length: 300 }, (_, i) => ({ key: { equals: String(i) } })) };
  t.match(errorsOf(wide), [/the filter has more than 256 predicates/]);
  const small = { ...DEFAULT_FILTER_LIMITS, listItemsMax: 2, stringBytesMax: 4 };
  t.match(errorsOf({ key: { in: ['a', 'b', 'c'] } }, small), [/^filter\.key\.in: more than 2 items/]);
  t.match(errorsOf({ key: { prefix: 'abcde' } }, small), [/^filter\.key\.prefix: longer than 4 bytes/]);
});
