import t from 'tap';
import { parseTreeConfig, validateTreeConfig } from '../../src/tree/tree-config.js';

const learner = (name: string, upstream: string, extra: Record<string, unknown> = {}) => ({ name, upstream, ...extra });

t.test('a valid tree: two learners under the root with different filters, a third under one of them', async (t) => {
  const v = validateTreeConfig({
    learners: [
      learner('eu', 'root', { topics: ['orders', 'payments'], filter: { key: { prefix: 'eu-' } }, groups: ['billing-eu'] }),
      learner('us', 'root', { topics: ['orders'], filter: { key: { prefix: 'us-' } } }),
      learner('eu-west', 'eu', { fallbacks: ['root'], topics: ['orders'], filter: { key: { prefix: 'eu-west-' }, project: { headers: ['trace'] } } }),
    ],
  }, { knownTopics: ['orders', 'payments'] });
  t.ok(v.ok, JSON.stringify(v));
  if (v.ok) {
    t.same(v.config.learners.map((l) => [l.name, l.upstream, l.fallbacks, l.filter.topics]), [
      ['eu', 'root', [], ['orders', 'payments']], ['us', 'root', [], ['orders']], ['eu-west', 'eu', ['root'], ['orders']],
    ]);
  }
});

t.test('each whole-tree error names its entry', async (t) => {
  const v = validateTreeConfig({
    learners: [
      learner('a', 'b'), learner('b', 'a'),
      learner('c', 'euu'), learner('c', 'root'),
      learner('eu', 'root', { topics: ['orders'], filter: { key: { prefix: 'eu-' } }, groups: ['g'] }),
      learner('wide', 'eu', { topics: ['orders'], filter: { key: { prefix: 'e' } }, fallbacks: ['nope'] }),
      learner('other-topic', 'eu', { topics: ['ordres'], filter: { key: { prefix: 'eu-1' } }, groups: ['g'] }),
      learner('self', 'self', { fallbacks: ['self'] }),
      learner('twice', 'root', { topics: ['orders'], filter: { topics: ['orders'] } }),
      learner('root', 'root'),
      learner('bad-filter', 'root', { filter: { and: [{ key: { prefix: 'x' } }, { key: { regex: '(' } }] } }),
    ],
  }, { knownTopics: ['orders'] });
  t.notOk(v.ok);
  if (v.ok) return;
  const expected = [
    /^learners\[3\] \(c\)\.name: duplicate, first at learners\[2\]$/,
    /^learners\[0\] \(a\)\.upstream: cycle a → b → a$/,
    /^learners\[1\] \(b\)\.upstream: cycle b → a → b$/,
    /^learners\[2\] \(c\)\.upstream: unknown node "euu" \(did you mean "eu"\?\)$/,
    /^learners\[5\] \(wide\)\.filter: not provably no wider than upstream "eu"'s filter: cannot prove/,
    /^learners\[5\] \(wide\)\.fallbacks\[0\]: unknown node "nope"/,
    /^learners\[6\] \(other-topic\)\.filter: not provably no wider than upstream "eu"'s filter: its topics are not a subset/,
    /^learners\[6\] \(other-topic\)\.topics: unknown topic "ordres"$/,
    /^learners\[6\] \(other-topic\)\.groups: group "g" is already taken over by "eu"$/,
    /^learners\[7\] \(self\)\.upstream: cycle self → self$/,
    /^learners\[7\] \(self\)\.fallbacks\[0\]: a learner cannot fall back to itself$/,
    /^learners\[8\] \(twice\)\.filter\.topics: give the topics once, in learners\[8\] \(twice\)\.topics$/,
    /^learners\[9\]\.name: must be 1-64 of .* and not "root"$/,
    /^learners\[10\] \(bad-filter\)\.filter\.and\[1\]\.key\.regex: not a valid RE2 expression/,
  ];
  for (const re of expected) t.ok(v.errors.some((e) => re.test(e)), `reports ${re.source}`);
  t.equal(v.errors.length, expected.length, v.errors.join('\n'));
});

t.test('a fallback must hold at least what the learner holds', async (t) => {
  const v = validateTreeConfig({
    learners: [
      learner('eu', 'root', { filter: { key: { prefix: 'eu-' } } }),
      learner('eu-1', 'root', { fallbacks: ['eu'], filter: { key: { prefix: 'eu-1' } } }),
      learner('all', 'root', { fallbacks: ['eu'] }),
    ],
  });
  t.notOk(v.ok);
  if (!v.ok) t.match(v.errors, [/^learners\[2\] \(all\)\.filter: not provably no wider than fallbacks\[0\] "eu"'s filter/]);
  t.equal(v.ok ? 0 : v.errors.length, 1);
});

t.test('YAML and JSON text parse; syntax errors and non-objects are refused with the source named', async (t) => {
  const yamlText = 'learners:\n  - name: eu\n    upstream: root\n    filter:\n      key: { prefix: "eu-" }\n';
  t.ok(parseTreeConfig(yamlText, 'tree.yaml').ok);
  t.ok(parseTreeConfig(JSON.stringify({ learners: [learner('eu', 'root')] }), 'tree.json').ok);
  t.match(parseTreeConfig('learners: [\n', 'tree.yaml'), { ok: false, errors: [/^tree\.yaml: /] });
  t.match(parseTreeConfig('learners:\n  - name: a\n    name: b\n', 'tree.yaml'), { ok: false, errors: [/^tree\.yaml: .*(unique|duplicate)/i] });
  t.match(parseTreeConfig('- just a list\n', 'tree.yaml'), { ok: false, errors: ['tree: must be an object with a "learners" list'] });
  t.match(validateTreeConfig({ learners: [], extra: 1 }), { ok: false, errors: [/^tree\.extra: unknown field/] });
});
