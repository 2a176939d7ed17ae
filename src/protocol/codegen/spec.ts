/**
 * Loads and validates the message specs in protocol/kafka/ (grammar: protocol/README.md) into a
 * resolved model the emitters and the round-trip tests share. JSON with `//` and `/* *\/`
 * comments; comments are stripped outside string literals.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { intersect, isEmpty, parseVersions, type VersionRange, NO_VERSIONS } from './versions.js';

export const PRIMITIVE_TYPES = [
  'bool', 'int8', 'int16', 'int32', 'int64', 'uint16', 'uint32', 'float64', 'string', 'bytes', 'records', 'uuid',
] as const;
export type PrimitiveName = (typeof PRIMITIVE_TYPES)[number];

export type FieldType =
  | { kind: 'primitive'; name: PrimitiveName }
  | { kind: 'array'; element: FieldType }
  | { kind: 'struct'; struct: StructSpec };

export interface FieldSpec {
  /** PascalCase spec name. */
  name: string;
  /** camelCase TypeScript property name. */
  prop: string;
  type: FieldType;
  versions: VersionRange;
  nullableVersions: VersionRange;
  /** Tagged field: its tag and versions; undefined for a regular field. */
  tag: number | undefined;
  taggedVersions: VersionRange;
  /** Field-level override of compact encoding (request header ClientId: never compact). */
  flexibleVersions: VersionRange | undefined;
  default: string | undefined;
  about: string;
}

export interface StructSpec {
  /** Name in the spec (e.g. `TopicData`). */
  specName: string;
  /** TypeScript interface name (e.g. `ProduceRequestTopicData`). */
  tsName: string;
  fields: FieldSpec[];
}

/** `metadata`: a record of the cluster metadata log; its apiKey is the record type (protocol/canopy/metadata/). */
export type MessageKind = 'request' | 'response' | 'header' | 'data' | 'metadata';

export interface MessageSpec {
  name: string;
  kind: MessageKind;
  apiKey: number | undefined;
  validVersions: VersionRange;
  flexibleVersions: VersionRange;
  /** The message itself as a struct (tsName = name). */
  root: StructSpec;
  /** Every struct of the message, root first, each once. */
  structs: StructSpec[];
  /** Path relative to the repository root, e.g. protocol/kafka/ProduceRequest.json. */
  sourcePath: string;
}

/** Removes // and /* *\/ comments that are outside JSON string literals. */
export function stripComments(text: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === '"') inString = false;
      i++;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

export function camelCase(pascal: string): string {
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** ProduceRequest → produce-request; ConsumerProtocolAssignment → consumer-protocol-assignment. */
export function kebabCase(pascal: string): string {
  return pascal
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

interface RawField {
  name?: unknown;
  type?: unknown;
  versions?: unknown;
  nullableVersions?: unknown;
  taggedVersions?: unknown;
  tag?: unknown;
  default?: unknown;
  flexibleVersions?: unknown;
  about?: unknown;
  fields?: unknown;
}

interface RawStruct {
  name?: unknown;
  fields?: unknown;
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string') throw new Error(`${where}: expected a string, got ${JSON.stringify(v)}`);
  return v;
}

/** Builds the resolved model of one spec file's parsed JSON. */
export function buildMessage(json: Record<string, unknown>, sourcePath: string): MessageSpec {
  const name = str(json.name, `${sourcePath}: name`);
  const kind = str(json.type, `${sourcePath}: type`) as MessageKind;
  if (!['request', 'response', 'header', 'data', 'metadata'].includes(kind)) throw new Error(`${sourcePath}: bad type ${kind}`);
  const apiKey = json.apiKey === undefined ? undefined : Number(json.apiKey);
  if ((kind === 'request' || kind === 'response' || kind === 'metadata') && (apiKey === undefined || !Number.isInteger(apiKey))) {
    throw new Error(`${sourcePath}: a ${kind} needs an integer apiKey`);
  }
  const validVersions = parseVersions(str(json.validVersions, `${sourcePath}: validVersions`), `${sourcePath}: validVersions`);
  if (isEmpty(validVersions) || validVersions.max === Infinity) throw new Error(`${sourcePath}: validVersions must be a closed range`);
  const flexibleVersions = json.flexibleVersions === undefined
    ? NO_VERSIONS
    : parseVersions(str(json.flexibleVersions, `${sourcePath}: flexibleVersions`), `${sourcePath}: flexibleVersions`);

  const structs: StructSpec[] = [];
  const byName = new Map<string, StructSpec>();
  const common = new Map<string, RawStruct>();
  for (const c of (json.commonStructs as RawStruct[] | undefined) ?? []) {
    common.set(str(c.name, `${sourcePath}: commonStructs name`), c);
  }
  const tsNameOf = (specName: string): string => (specName.startsWith(name) ? specName : name + specName);

  const buildStruct = (specName: string, tsName: string, rawFields: unknown, where: string): StructSpec => {
    if (!Array.isArray(rawFields)) throw new Error(`${where}: fields must be an array`);
    const struct: StructSpec = { specName, tsName, fields: [] };
    structs.push(struct);
    byName.set(specName, struct);
    const seenProps = new Set<string>();
    const seenTags = new Set<number>();
    for (const rf of rawFields as RawField[]) {
      const field = buildField(rf, `${where}.${String(rf.name)}`);
      if (seenProps.has(field.prop)) throw new Error(`${where}: duplicate field ${field.name}`);
      seenProps.add(field.prop);
      if (field.tag !== undefined) {
        if (seenTags.has(field.tag)) throw new Error(`${where}: duplicate tag ${field.tag}`);
        seenTags.add(field.tag);
      }
      struct.fields.push(field);
    }
    return struct;
  };

  const resolveType = (typeText: string, rf: RawField, where: string): FieldType => {
    if (typeText.startsWith('[]')) {
      const element = resolveType(typeText.slice(2), rf, where);
      if (element.kind === 'array') throw new Error(`${where}: arrays of arrays are not supported`);
      return { kind: 'array', element };
    }
    if ((PRIMITIVE_TYPES as readonly string[]).includes(typeText)) {
      if (rf.fields !== undefined) throw new Error(`${where}: primitive type ${typeText} cannot have fields`);
      return { kind: 'primitive', name: typeText as PrimitiveName };
    }
    if (!/^[A-Z][A-Za-z0-9]*$/.test(typeText)) throw new Error(`${where}: unknown type ${typeText}`);
    if (rf.fields !== undefined) {
      if (byName.has(typeText)) throw new Error(`${where}: struct ${typeText} is defined twice in ${name}`);
      return { kind: 'struct', struct: buildStruct(typeText, tsNameOf(typeText), rf.fields, where) };
    }
    const existing = byName.get(typeText);
    if (existing) return { kind: 'struct', struct: existing };
    const c = common.get(typeText);
    if (c) return { kind: 'struct', struct: buildStruct(typeText, tsNameOf(typeText), c.fields, `${sourcePath}: ${typeText}`) };
    throw new Error(`${where}: unknown struct type ${typeText} (no fields and not in commonStructs)`);
  };

  const buildField = (rf: RawField, where: string): FieldSpec => {
    const fname = str(rf.name, `${where}: name`);
    if (!/^[A-Z][A-Za-z0-9]*$/.test(fname)) throw new Error(`${where}: field names are PascalCase`);
    const type = resolveType(str(rf.type, `${where}: type`), rf, where);
    const versions = parseVersions(str(rf.versions, `${where}: versions`), `${where}: versions`);
    const nullableVersions = rf.nullableVersions === undefined
      ? NO_VERSIONS
      : parseVersions(str(rf.nullableVersions, `${where}: nullableVersions`), `${where}: nullableVersions`);
    if (!isEmpty(nullableVersions)) {
      const t = type.kind === 'primitive' ? type.name : type.kind;
      if (!['string', 'bytes', 'records', 'array', 'struct'].includes(t)) throw new Error(`${where}: type ${t} cannot be nullable`);
    }
    const taggedVersions = rf.taggedVersions === undefined
      ? NO_VERSIONS
      : parseVersions(str(rf.taggedVersions, `${where}: taggedVersions`), `${where}: taggedVersions`);
    let tag: number | undefined;
    if (rf.tag !== undefined) {
      tag = Number(rf.tag);
      if (!Number.isInteger(tag) || tag < 0) throw new Error(`${where}: bad tag`);
      if (isEmpty(taggedVersions)) throw new Error(`${where}: a tag needs taggedVersions`);
      if (!isEmpty(intersect(taggedVersions, { min: 0, max: flexibleVersions.min - 1 }))) {
        throw new Error(`${where}: taggedVersions must be flexible versions`);
      }
    } else if (!isEmpty(taggedVersions)) {
      throw new Error(`${where}: taggedVersions without a tag`);
    }
    const flexOverride = rf.flexibleVersions === undefined
      ? undefined
      : parseVersions(str(rf.flexibleVersions, `${where}: flexibleVersions`), `${where}: flexibleVersions`);
    const def = rf.default === undefined ? undefined : String(rf.default);
    return {
      name: fname,
      prop: camelCase(fname),
      type,
      versions,
      nullableVersions,
      tag,
      taggedVersions,
      flexibleVersions: flexOverride,
      default: def,
      about: typeof rf.about === 'string' ? rf.about : '',
    };
  };

  const root = buildStruct(name, name, json.fields, sourcePath);
  return { name, kind, apiKey, validVersions, flexibleVersions, root, structs, sourcePath };
}

export function parseSpecText(text: string, sourcePath: string): Record<string, unknown> {
  try {
    return JSON.parse(stripComments(text)) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`${sourcePath}: ${(e as Error).message}`);
  }
}

/** Loads every *.json in `dir` (relative path prefix `relDir` for messages), sorted by name. */
export function loadSpecDir(dir: string, relDir: string): MessageSpec[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const out: MessageSpec[] = [];
  for (const f of files) {
    const rel = `${relDir}/${f}`;
    const msg = buildMessage(parseSpecText(readFileSync(join(dir, f), 'utf8'), rel), rel);
    if (`${msg.name}.json` !== f) throw new Error(`${rel}: name ${msg.name} does not match the file name`);
    out.push(msg);
  }
  checkPairs(out);
  return out;
}

/** A request and its response must agree on versions. */
function checkPairs(messages: MessageSpec[]): void {
  const byName = new Map(messages.map((m) => [m.name, m]));
  for (const m of messages) {
    if (m.kind !== 'request') continue;
    const base = m.name.replace(/Request$/, '');
    const resp = byName.get(`${base}Response`);
    if (!resp) continue;
    if (resp.apiKey !== m.apiKey) throw new Error(`${resp.sourcePath}: apiKey differs from ${m.sourcePath}`);
    if (resp.validVersions.min !== m.validVersions.min || resp.validVersions.max !== m.validVersions.max) {
      throw new Error(`${resp.sourcePath}: validVersions differ from ${m.sourcePath}`);
    }
    if (resp.flexibleVersions.min !== m.flexibleVersions.min && !(isEmpty(resp.flexibleVersions) && isEmpty(m.flexibleVersions))) {
      throw new Error(`${resp.sourcePath}: flexibleVersions differ from ${m.sourcePath}`);
    }
  }
}

/** Does this field (or anything inside it) hold a `records` value? */
export function holdsRecords(t: FieldType, seen = new Set<StructSpec>()): boolean {
  if (t.kind === 'primitive') return t.name === 'records';
  if (t.kind === 'array') return holdsRecords(t.element, seen);
  if (seen.has(t.struct)) return false;
  seen.add(t.struct);
  return t.struct.fields.some((f) => holdsRecords(f.type, seen));
}
