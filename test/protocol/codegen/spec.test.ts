import t from 'tap';
import { buildMessage, camelCase, kebabCase, parseSpecText, stripComments } from '../../../src/protocol/codegen/spec.js';
import { emitMessage } from '../../../src/protocol/codegen/emit-message.js';

t.test('comments are stripped outside strings only', async (t) => {
  const text = '// head\n{ "a": "x // not a comment", /* block */ "b": 1 } // tail';
  t.strictSame(JSON.parse(stripComments(text)), { a: 'x // not a comment', b: 1 });
  t.strictSame(JSON.parse(stripComments('{"a": "q\\"// still string"}')), { a: 'q"// still string' });
});

t.test('names', async (t) => {
  t.equal(kebabCase('ProduceRequest'), 'produce-request');
  t.equal(kebabCase('ConsumerProtocolAssignment'), 'consumer-protocol-assignment');
  t.equal(kebabCase('OffsetForLeaderEpochRequest'), 'offset-for-leader-epoch-request');
  t.equal(camelCase('TimeoutMs'), 'timeoutMs');
});

function spec(fields: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiKey: 99, type: 'request', name: 'TestRequest', validVersions: '0-3', flexibleVersions: '2+', fields, ...extra };
}

t.test('the loader rejects malformed specs with the file and field named', async (t) => {
  const bad: Array<[unknown[], RegExp]> = [
    [[{ name: 'A', type: 'int32' }], /x\.json\.A: versions: expected a string/],
    [[{ name: 'a', type: 'int32', versions: '0+' }], /PascalCase/],
    [[{ name: 'A', type: 'int33', versions: '0+' }], /unknown type int33/],
    [[{ name: 'A', type: 'int32', versions: '0+', nullableVersions: '0+' }], /cannot be nullable/],
    [[{ name: 'A', type: 'int32', versions: '0+', tag: 0 }], /a tag needs taggedVersions/],
    [[{ name: 'A', type: 'int32', versions: '0+', tag: 0, taggedVersions: '0+' }], /taggedVersions must be flexible/],
    [[{ name: 'A', type: '[]Missing', versions: '0+' }], /unknown struct type Missing/],
    [[{ name: 'A', type: 'int32', versions: '3-1' }], /empty version range/],
    [[{ name: 'A', type: 'int32', versions: '0+' }, { name: 'A', type: 'int8', versions: '0+' }], /duplicate field A/],
  ];
  for (const [fields, re] of bad) t.throws(() => buildMessage(spec(fields), 'x.json'), { message: re });
  t.throws(() => parseSpecText('{ "a": }', 'y.json'), { message: /^y\.json: / });
});

t.test('defaults are validated when emitting', async (t) => {
  t.throws(() => emitMessage(buildMessage(spec([{ name: 'A', type: 'int8', versions: '0+', default: '300' }]), 'x.json')), { message: /out of range/ });
  t.throws(() => emitMessage(buildMessage(spec([{ name: 'A', type: 'string', versions: '0+', default: 'null' }]), 'x.json')), { message: /default null on a non-nullable/ });
});

t.test('commonStructs are resolved and struct names get the message prefix once', async (t) => {
  const m = buildMessage(spec(
    [
      { name: 'Items', type: '[]Item', versions: '0+' },
      { name: 'Other', type: '[]TestRequestOther', versions: '0+', fields: [{ name: 'X', type: 'int8', versions: '0+' }] },
    ],
    { commonStructs: [{ name: 'Item', versions: '0+', fields: [{ name: 'Id', type: 'int32', versions: '0+' }] }] },
  ), 'x.json');
  t.strictSame(m.structs.map((s) => s.tsName), ['TestRequest', 'TestRequestItem', 'TestRequestOther']);
  const code = emitMessage(m);
  t.match(code, /export interface TestRequestItem \{/);
  t.match(code, /export function readTestRequest\(r: Reader, version: number\): TestRequest/);
});
