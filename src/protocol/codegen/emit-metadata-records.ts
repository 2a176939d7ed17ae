/**
 * The table of cluster metadata records (protocol/canopy/metadata/*Record.json, `type: "metadata"`):
 * record type → codec, and the `MetadataRecord` union the metadata state machine switches on.
 * The frame around a record (frame type, record type, version; KIP-631) is src/cluster's job.
 */
import type { MessageSpec } from './spec.js';

export const METADATA_SPEC_DIR = 'protocol/canopy/metadata';
export const METADATA_RECORDS_FILE = 'metadata-records.ts';

/** Checks the metadata specs (kind, unique record types) and emits metadata-records.ts. */
export function emitMetadataRecords(records: MessageSpec[], fileNameOf: (m: MessageSpec) => string): string {
  const byType = new Map<number, MessageSpec>();
  for (const m of records) {
    if (m.kind !== 'metadata') throw new Error(`${m.sourcePath}: specs in ${METADATA_SPEC_DIR} must have "type": "metadata"`);
    if (!m.name.endsWith('Record')) throw new Error(`${m.sourcePath}: a metadata record's name ends with Record`);
    const other = byType.get(m.apiKey!);
    if (other) throw new Error(`${m.sourcePath}: record type ${m.apiKey} is already ${other.name}`);
    byType.set(m.apiKey!, m);
  }
  const sorted = [...byType.values()].sort((a, b) => a.apiKey! - b.apiKey!);
  const lines = [
    `// generated from ${METADATA_SPEC_DIR}/*.json — do not edit (npm run generate)`,
    '// The cluster metadata records: record type → codec, and the union of decoded records.',
    '',
    "import type { Reader } from '../primitives/reader.js';",
    "import type { Writer } from '../primitives/writer.js';",
  ];
  for (const m of sorted) {
    lines.push(`import { read${m.name}, write${m.name}, type ${m.name} } from './${fileNameOf(m).replace(/\.ts$/, '.js')}';`);
  }
  lines.push('', 'export const MetadataRecordType = {');
  for (const m of sorted) lines.push(`  ${m.name.replace(/Record$/, '')}: ${m.apiKey},`);
  lines.push('} as const;', '', '/** One decoded metadata record: its type, the version it was (or will be) written in, its fields. */');
  lines.push('export type MetadataRecord =');
  for (const m of sorted) lines.push(`  | { type: ${m.apiKey}; version: number; data: ${m.name} }`);
  lines.push(';', '');
  lines.push(
    'export interface MetadataRecordCodec {',
    '  name: string;',
    '  type: number;',
    '  minVersion: number;',
    '  maxVersion: number;',
    '  read(r: Reader, v: number): unknown;',
    '  write(w: Writer, v: number, m: any): void;',
    '}',
    '',
    'export const metadataRecordCodecs: ReadonlyMap<number, MetadataRecordCodec> = new Map<number, MetadataRecordCodec>([',
  );
  for (const m of sorted) {
    lines.push(`  [${m.apiKey}, { name: '${m.name}', type: ${m.apiKey}, minVersion: ${m.validVersions.min}, maxVersion: ${m.validVersions.max}, read: read${m.name}, write: write${m.name} }],`);
  }
  lines.push(']);', '');
  return lines.join('\n');
}
