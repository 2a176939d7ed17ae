// The cluster metadata records (protocol/canopy/metadata/) and their KIP-631 frame: every record
// round-trips through encode → decode (random values from the spec model, independent of the
// emitter), one hand-computed byte vector per record, and bad bytes give a typed error, never a throw.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpecDir } from '../../src/protocol/codegen/spec.js';
import { metadataRecordCodecs, MetadataRecordType, type MetadataRecord } from '../../src/protocol/generated/metadata-records.js';
import { decodeMetadataRecord, encodeMetadataRecord } from '../../src/cluster/metadata-record-frame.js';
import { normalize, randomMessage, REPO_ROOT, Rng } from '../helpers/protocol-random.js';

const SAMPLES_PER_RECORD = 50;
const FUZZ_CASES = 20_000;
const specs = loadSpecDir(join(REPO_ROOT, 'protocol/canopy/metadata'), 'protocol/canopy/metadata');

t.test('every metadata spec has a codec under its record type, and the types are 1..9', async (t) => {
  t.equal(specs.length, 9);
  for (const s of specs) t.equal(metadataRecordCodecs.get(s.apiKey!)?.name, s.name, `${s.name} is record type ${s.apiKey}`);
  t.strictSame([...metadataRecordCodecs.keys()].sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

t.test('every metadata spec opens with its history and says what each field is', async (t) => {
  for (const s of specs) {
    const text = readFileSync(join(REPO_ROOT, s.sourcePath), 'utf8');
    t.match(text.slice(0, text.indexOf('{')), /^\/\/[^]*version/i, `${s.name} opens with its version history`);
    for (const st of s.structs) for (const f of st.fields) t.ok(f.about, `${s.name}.${f.name} has an about`);
  }
});

t.test('random records of every type survive encode → decode unchanged', async (t) => {
  const rng = new Rng(20261202);
  for (const spec of specs) {
    for (let v = spec.validVersions.min; v <= spec.validVersions.max; v++) {
      for (let i = 0; i < SAMPLES_PER_RECORD; i++) {
        const record = { type: spec.apiKey!, version: v, data: randomMessage(rng, spec, v) } as unknown as MetadataRecord;
        const bytes = encodeMetadataRecord(record);
        const back = decodeMetadataRecord(bytes);
        if (!back.ok) {
          t.fail(`${spec.name} v${v}: ${back.error.message}`);
          continue;
        }
        t.strictSame(normalize(back.value.data), normalize(record.data), `${spec.name} v${v} #${i}`);
        t.ok(encodeMetadataRecord(back.value).equals(bytes), `${spec.name} v${v} #${i} re-encodes byte-identically`);
      }
    }
  }
});

const id22 = Buffer.alloc(16, 0x22);
const u = (hex: string): string => hex.replace(/\s+/g, '');
// Hand-computed from the frame (frame type, record type, version: unsigned varints) and the
// flexible encoding: compact strings/arrays are length+1, each struct ends with a tag count 0.
const VECTORS: Array<[string, MetadataRecord, string]> = [
  ['ClusterRecord', { type: 1, version: 0, data: { clusterId: 'c1', metadataVersion: 1 } }, '000100 036331 0001 00'],
  ['RegisterNodeRecord', { type: 2, version: 0, data: {
    nodeId: 1, nodeEpoch: 7, incarnationId: Buffer.alloc(16, 0x11), rack: 'r1', fenced: false,
    endpoints: [{ name: 'kafka', host: 'h', port: 9092 }],
  } }, `000200 00000001 0000000000000007 ${'11'.repeat(16)} 037231 00 02 066b61666b61 0268 2384 00 00`],
  ['UnregisterNodeRecord', { type: 3, version: 0, data: { nodeId: 2, nodeEpoch: 5 } }, '000300 00000002 0000000000000005 00'],
  ['FenceNodeRecord', { type: 4, version: 0, data: { nodeId: 0, nodeEpoch: 3, fenced: true } }, '000400 00000000 0000000000000003 01 00'],
  ['TopicRecord', { type: 5, version: 0, data: { name: 't', topicId: id22, internal: false } }, `000500 0274 ${'22'.repeat(16)} 00 00`],
  ['PartitionRecord', { type: 6, version: 0, data: { topicId: id22, partitionIndex: 0, replicas: [1, 2], addingReplicas: [], removingReplicas: [] } },
    `000600 ${'22'.repeat(16)} 00000000 03 00000001 00000002 01 01 00`],
  ['PartitionChangeRecord', { type: 7, version: 0, data: { topicId: id22, partitionIndex: 3, replicas: null, addingReplicas: [2], removingReplicas: null } },
    `000700 ${'22'.repeat(16)} 00000003 00 02 00000002 00 00`],
  ['TopicConfigRecord', { type: 8, version: 0, data: { topicId: id22, key: 'a', value: null } }, `000800 ${'22'.repeat(16)} 0261 00 00`],
  ['RemoveTopicRecord', { type: 9, version: 0, data: { topicId: id22 } }, `000900 ${'22'.repeat(16)} 00`],
];

t.test('one byte vector per record type', async (t) => {
  t.equal(VECTORS.length, metadataRecordCodecs.size, 'every record type has a vector');
  for (const [name, record, hex] of VECTORS) {
    t.equal(metadataRecordCodecs.get(record.type)!.name, name);
    t.equal(encodeMetadataRecord(record).toString('hex'), u(hex), `${name} encodes to the vector`);
    const back = decodeMetadataRecord(Buffer.from(u(hex), 'hex'));
    t.ok(back.ok, `${name} decodes`);
    if (back.ok) t.strictSame(normalize(back.value), normalize(record), `${name} decodes to the record`);
  }
});

t.test('bad frames are typed errors naming the problem', async (t) => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['frame type 1', '010100 036331 0001 00', 'CORRUPT_MESSAGE', /frame type 1/],
    ['unknown record type 99', '006300 00', 'UNSUPPORTED_VERSION', /unknown metadata record type 99/],
    ['a version this node does not know', '000105 036331 0001 00', 'UNSUPPORTED_VERSION', /ClusterRecord version 5/],
    ['trailing bytes', '000100 036331 0001 00 ff', 'CORRUPT_MESSAGE', /1 bytes after the record/],
    ['truncated body', '000100 0363', 'CORRUPT_MESSAGE', /metadata record/],
    ['empty value', '', 'CORRUPT_MESSAGE', /metadata record/],
  ];
  for (const [what, hex, code, message] of cases) {
    const out = decodeMetadataRecord(Buffer.from(u(hex), 'hex'));
    t.notOk(out.ok, what);
    if (!out.ok) {
      t.equal(out.error.code, code, what);
      t.match(out.error.message, message, what);
    }
  }
});

t.test(`fuzz: ${FUZZ_CASES} mutated records decode or give a typed error, never throw`, async (t) => {
  const rng = new Rng(4242);
  const bases = VECTORS.map(([, , hex]) => Buffer.from(u(hex), 'hex'));
  let refused = 0;
  let decoded = 0;
  for (let i = 0; i < FUZZ_CASES; i++) {
    const b = Buffer.from(rng.pick(bases));
    const flips = rng.int(1, 3);
    for (let f = 0; f < flips; f++) b[rng.int(0, b.length - 1)] ^= 1 << rng.int(0, 7);
    const input = rng.chance(0.3) ? b.subarray(0, rng.int(0, b.length)) : b;
    const out = decodeMetadataRecord(input);
    if (out.ok) decoded++;
    else refused++;
  }
  t.equal(decoded + refused, FUZZ_CASES);
  t.ok(refused > 0 && decoded > 0, `both outcomes occur (decoded ${decoded}, refused ${refused})`);
});

t.test('MetadataRecordType names every type once', async (t) => {
  t.strictSame(Object.values(MetadataRecordType).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
});
