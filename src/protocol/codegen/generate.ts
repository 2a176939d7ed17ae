/**
 * Turns every spec in protocol/kafka/ and protocol/canopy/ plus protocol/errors.json into the
 * contents of src/protocol/generated/: one codec file per message, index.ts (the Kafka API table and
 * the list of every Kafka codec), canopy-index.ts (the same for Canopy's internal APIs, kept apart
 * so that nothing public — ApiVersions, the request dispatcher — can see them) and error-codes.ts.
 * Pure: returns file name → text; main.ts writes them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emitMessage } from './emit-message.js';
import { emitMetadataRecords, METADATA_RECORDS_FILE, METADATA_SPEC_DIR } from './emit-metadata-records.js';
import { kebabCase, loadSpecDir, parseSpecText, type MessageSpec } from './spec.js';
import { isEmpty } from './versions.js';

export const SPEC_DIR = 'protocol/kafka';
export const CANOPY_SPEC_DIR = 'protocol/canopy';
/** Canopy's internal API keys: far above Kafka's (which are below 100 today), inside int16. */
export const CANOPY_API_KEY_MIN = 30000;
export const CANOPY_API_KEY_MAX = 30999;
export const ERRORS_FILE = 'protocol/errors.json';

export interface ErrorSpec {
  code: number;
  name: string;
  retriable: boolean;
  message: string;
}

export function loadErrors(repoRoot: string): ErrorSpec[] {
  const raw = parseSpecText(readFileSync(join(repoRoot, ERRORS_FILE), 'utf8'), ERRORS_FILE) as unknown;
  if (!Array.isArray(raw)) throw new Error(`${ERRORS_FILE}: expected an array`);
  const seen = new Set<number>();
  const names = new Set<string>();
  return (raw as ErrorSpec[]).map((e) => {
    if (!Number.isInteger(e.code) || typeof e.name !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(e.name)) {
      throw new Error(`${ERRORS_FILE}: bad entry ${JSON.stringify(e)}`);
    }
    if (typeof e.retriable !== 'boolean' || typeof e.message !== 'string') throw new Error(`${ERRORS_FILE}: ${e.name} needs retriable and message`);
    if (seen.has(e.code) || names.has(e.name)) throw new Error(`${ERRORS_FILE}: duplicate ${e.name} / ${e.code}`);
    seen.add(e.code);
    names.add(e.name);
    return e;
  });
}

export function fileNameOf(msg: MessageSpec): string {
  return `${kebabCase(msg.name)}.ts`;
}

function emitIndex(messages: MessageSpec[]): string {
  const lines = [
    `// generated from ${SPEC_DIR}/*.json — do not edit (npm run generate)`,
    '// The API table: every API key with both a request and a response spec, and every codec.',
    '',
    "import type { Reader } from '../primitives/reader.js';",
    "import type { Writer } from '../primitives/writer.js';",
  ];
  for (const m of messages) {
    lines.push(`import { read${m.name}, write${m.name} } from './${fileNameOf(m).replace(/\.ts$/, '.js')}';`);
  }
  lines.push(
    '',
    "export { ZERO_UUID } from '../primitives/uuid.js';",
    '',
    '/** One Kafka API: its versions and the codecs of its request and response bodies. */',
    'export interface ApiSpec {',
    '  name: string;',
    '  apiKey: number;',
    '  minVersion: number;',
    '  maxVersion: number;',
    '  /** First flexible version; Infinity when the API has none. */',
    '  flexibleMinVersion: number;',
    '  readRequest(r: Reader, v: number): unknown;',
    '  writeRequest(w: Writer, v: number, m: any): void;',
    '  readResponse(r: Reader, v: number): unknown;',
    '  writeResponse(w: Writer, v: number, m: any): void;',
    '}',
    '',
    '/** Any generated codec (requests, responses, headers, data), for tests and tools. */',
    'export interface MessageCodec {',
    '  name: string;',
    "  kind: 'request' | 'response' | 'header' | 'data';",
    '  apiKey: number | undefined;',
    '  minVersion: number;',
    '  maxVersion: number;',
    '  flexibleMinVersion: number;',
    '  read(r: Reader, v: number): unknown;',
    '  write(w: Writer, v: number, m: any): void;',
    '}',
    '',
  );
  const byName = new Map(messages.map((m) => [m.name, m]));
  const apis = messages
    .filter((m) => m.kind === 'request' && byName.has(m.name.replace(/Request$/, 'Response')))
    .sort((a, b) => a.apiKey! - b.apiKey!);
  const flexMin = (m: MessageSpec): string => (isEmpty(m.flexibleVersions) ? 'Infinity' : String(Math.max(m.flexibleVersions.min, m.validVersions.min)));
  lines.push('export const ApiKey = {');
  for (const m of apis) lines.push(`  ${m.name.replace(/Request$/, '')}: ${m.apiKey},`);
  lines.push('} as const;', '', 'export type ApiKeyValue = (typeof ApiKey)[keyof typeof ApiKey];', '');
  lines.push('export const apiSpecs: ReadonlyMap<number, ApiSpec> = new Map<number, ApiSpec>([');
  for (const m of apis) {
    const base = m.name.replace(/Request$/, '');
    lines.push(
      `  [${m.apiKey}, {`,
      `    name: '${base}', apiKey: ${m.apiKey}, minVersion: ${m.validVersions.min}, maxVersion: ${m.validVersions.max}, flexibleMinVersion: ${flexMin(m)},`,
      `    readRequest: read${base}Request, writeRequest: write${base}Request,`,
      `    readResponse: read${base}Response, writeResponse: write${base}Response,`,
      '  }],',
    );
  }
  lines.push(']);', '');
  lines.push('export const messageCodecs: readonly MessageCodec[] = [');
  for (const m of messages) {
    lines.push(
      `  { name: '${m.name}', kind: '${m.kind}', apiKey: ${m.apiKey ?? 'undefined'}, minVersion: ${m.validVersions.min}, maxVersion: ${m.validVersions.max}, flexibleMinVersion: ${flexMin(m)}, read: read${m.name}, write: write${m.name} },`,
    );
  }
  lines.push('];', '');
  return lines.join('\n');
}

function emitErrors(errors: ErrorSpec[]): string {
  const sorted = [...errors].sort((a, b) => a.code - b.code);
  const lines = [
    `// generated from ${ERRORS_FILE} — do not edit (npm run generate)`,
    '',
    '/** Every Kafka error code by name. */',
    'export const ErrorCode = {',
    ...sorted.map((e) => `  ${e.name}: ${e.code},`),
    '} as const;',
    '',
    'export type ErrorCodeName = keyof typeof ErrorCode;',
    'export type ErrorCodeValue = (typeof ErrorCode)[ErrorCodeName];',
    '',
    'export interface ErrorInfo {',
    '  name: ErrorCodeName;',
    '  code: number;',
    '  /** The client may retry the same request and expect it to succeed eventually. */',
    '  retriable: boolean;',
    '  message: string;',
    '}',
    '',
    'export const errorInfos: ReadonlyMap<number, ErrorInfo> = new Map<number, ErrorInfo>([',
    ...sorted.map((e) => `  [${e.code}, { name: '${e.name}', code: ${e.code}, retriable: ${e.retriable}, message: ${JSON.stringify(e.message)} }],`),
    ']);',
    '',
    '/** The name of a code, or `UNKNOWN_ERROR_CODE_<n>` for one this table does not know. */',
    'export function errorName(code: number): string {',
    '  return errorInfos.get(code)?.name ?? `UNKNOWN_ERROR_CODE_${code}`;',
    '}',
    '',
  ];
  return lines.join('\n');
}

function emitCanopyIndex(messages: MessageSpec[]): string {
  const lines = [
    `// generated from ${CANOPY_SPEC_DIR}/*.json — do not edit (npm run generate)`,
    "// Canopy's internal APIs (internal listener only): their keys and every codec.",
    '',
    "import type { MessageCodec } from './index.js';",
  ];
  for (const m of messages) {
    lines.push(`import { read${m.name}, write${m.name} } from './${fileNameOf(m).replace(/\.ts$/, '.js')}';`);
  }
  const requests = messages.filter((m) => m.kind === 'request').sort((a, b) => a.apiKey! - b.apiKey!);
  lines.push('', 'export const CanopyApiKey = {');
  for (const m of requests) lines.push(`  ${m.name.replace(/Request$/, '')}: ${m.apiKey},`);
  lines.push('} as const;', '');
  lines.push('export const canopyMessageCodecs: readonly MessageCodec[] = [');
  for (const m of messages) {
    const flexMin = isEmpty(m.flexibleVersions) ? 'Infinity' : String(Math.max(m.flexibleVersions.min, m.validVersions.min));
    lines.push(
      `  { name: '${m.name}', kind: '${m.kind}', apiKey: ${m.apiKey ?? 'undefined'}, minVersion: ${m.validVersions.min}, maxVersion: ${m.validVersions.max}, flexibleMinVersion: ${flexMin}, read: read${m.name}, write: write${m.name} },`,
    );
  }
  lines.push('];', '');
  return lines.join('\n');
}

/** Canopy specs: keys in their own range, flexible from their first version, names unused by Kafka. */
function checkCanopySpecs(canopy: MessageSpec[], kafka: MessageSpec[]): void {
  const kafkaNames = new Set(kafka.map((m) => m.name));
  for (const m of canopy) {
    if (kafkaNames.has(m.name)) throw new Error(`${m.sourcePath}: name ${m.name} is already a Kafka message`);
    if (m.kind !== 'request' && m.kind !== 'response') continue;
    if (m.apiKey! < CANOPY_API_KEY_MIN || m.apiKey! > CANOPY_API_KEY_MAX) {
      throw new Error(`${m.sourcePath}: apiKey ${m.apiKey} is outside Canopy's range ${CANOPY_API_KEY_MIN}-${CANOPY_API_KEY_MAX}`);
    }
    if (isEmpty(m.flexibleVersions) || m.flexibleVersions.min > m.validVersions.min) throw new Error(`${m.sourcePath}: Canopy APIs are flexible from their first version`);
  }
}

/** Loads protocol/canopy/ (validated against the Kafka specs). */
export function loadCanopySpecs(repoRoot: string, kafka: MessageSpec[]): MessageSpec[] {
  const canopy = loadSpecDir(join(repoRoot, CANOPY_SPEC_DIR), CANOPY_SPEC_DIR);
  checkCanopySpecs(canopy, kafka);
  return canopy;
}

/** Everything `npm run generate` writes, keyed by file name inside src/protocol/generated/. */
export function generateAll(repoRoot: string): Map<string, string> {
  const messages = loadSpecDir(join(repoRoot, SPEC_DIR), SPEC_DIR);
  const canopy = loadCanopySpecs(repoRoot, messages);
  const out = new Map<string, string>();
  for (const m of [...messages, ...canopy]) out.set(fileNameOf(m), emitMessage(m));
  out.set('index.ts', emitIndex(messages));
  out.set('canopy-index.ts', emitCanopyIndex(canopy));
  out.set('error-codes.ts', emitErrors(loadErrors(repoRoot)));
  // The cluster metadata records (protocol/canopy/metadata/): their codecs and their table.
  const records = loadSpecDir(join(repoRoot, METADATA_SPEC_DIR), METADATA_SPEC_DIR);
  for (const m of records) out.set(fileNameOf(m), emitMessage(m));
  out.set(METADATA_RECORDS_FILE, emitMetadataRecords(records, fileNameOf));
  return out;
}
