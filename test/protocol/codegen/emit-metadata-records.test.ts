// The generator's metadata-record table: specs of type "metadata" need a record type (apiKey),
// record types are unique, and the table lists every record by type.
import t from 'tap';
import { buildMessage } from '../../../src/protocol/codegen/spec.js';
import { emitMetadataRecords } from '../../../src/protocol/codegen/emit-metadata-records.js';

const spec = (name: string, apiKey: number | undefined, type = 'metadata') => buildMessage({
  type, name, apiKey, validVersions: '0', flexibleVersions: '0+',
  fields: [{ name: 'TopicId', type: 'uuid', versions: '0+', about: 'x' }],
}, `protocol/canopy/metadata/${name}.json`);
const fileNameOf = (m: { name: string }): string => `${m.name.toLowerCase()}.ts`;

t.test('a metadata spec needs an integer apiKey (its record type)', async (t) => {
  t.throws(() => spec('FooRecord', undefined), { message: /a metadata needs an integer apiKey/ });
});

t.test('record types are unique; names end with Record; only metadata specs', async (t) => {
  t.throws(() => emitMetadataRecords([spec('ARecord', 1), spec('BRecord', 1)], fileNameOf), { message: /record type 1 is already ARecord/ });
  t.throws(() => emitMetadataRecords([spec('Thing', 2)], fileNameOf), { message: /ends with Record/ });
  t.throws(() => emitMetadataRecords([spec('CRecord', 3, 'data')], fileNameOf), { message: /must have "type": "metadata"/ });
});

t.test('the table lists each record under its type, in type order', async (t) => {
  const text = emitMetadataRecords([spec('BRecord', 2), spec('ARecord', 1)], fileNameOf);
  t.match(text, /^\/\/ generated from protocol\/canopy\/metadata\/\*\.json — do not edit/);
  t.match(text, /A: 1,\n {2}B: 2,/);
  t.match(text, /\| \{ type: 1; version: number; data: ARecord \}\n {2}\| \{ type: 2; version: number; data: BRecord \}/);
  t.match(text, /\[2, \{ name: 'BRecord', type: 2, minVersion: 0, maxVersion: 0, read: readBRecord, write: writeBRecord \}\]/);
});
