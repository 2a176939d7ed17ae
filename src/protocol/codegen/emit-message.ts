/**
 * Emits the TypeScript codec of one message spec: interfaces, then one read and one write function
 * per struct. The code is straight-line: every field is a direct Reader/Writer call guarded by a
 * version condition computed here, never an interpretation of the spec at run time.
 *
 * Per field (inside the message's validVersions V):
 *   present  = versions ∩ V            → read/write guarded by `version` bounds, else default
 *   nullable = nullableVersions ∩ present (never / always / some versions: checked)
 *   compact  = flexibleVersions ∩ present (the field-level override wins: header ClientId)
 *   tagged   = written in the tagged section only when different from its default
 */
import { formatRange, intersect, isEmpty, sameRange, versionCondition, type VersionRange } from './versions.js';
import { holdsRecords, type FieldSpec, type FieldType, type MessageSpec, type StructSpec } from './spec.js';

type Tri = 'never' | 'always' | 'some';

interface Ctx {
  msg: MessageSpec;
  valid: VersionRange;
  /** Flexible versions of the message inside V. */
  flex: VersionRange;
  /** Structs whose write function takes the `...Input` interface (they hold records). */
  inputStructs: Set<StructSpec>;
}

function tri(sub: VersionRange, all: VersionRange): Tri {
  if (isEmpty(sub)) return 'never';
  return sameRange(sub, all) ? 'always' : 'some';
}

function present(ctx: Ctx, f: FieldSpec): VersionRange {
  return intersect(f.versions, ctx.valid);
}

function isNullableAnywhere(f: FieldSpec): boolean {
  return !isEmpty(intersect(f.nullableVersions, f.versions)) || f.default === 'null';
}

/** The expression deciding compact encoding for a field, given it is present. */
function compactExpr(ctx: Ctx, f: FieldSpec): string {
  const p = present(ctx, f);
  if (f.flexibleVersions !== undefined) return versionCondition(f.flexibleVersions, p);
  const t = tri(intersect(ctx.flex, p), p);
  return t === 'never' ? 'false' : t === 'always' ? 'true' : 'flexible';
}

function pick(cond: string, yes: string, no: string): string {
  if (cond === 'true') return yes;
  if (cond === 'false') return no;
  return `(${cond} ? ${yes} : ${no})`;
}

function structTypeName(ctx: Ctx, s: StructSpec, input: boolean): string {
  return input && ctx.inputStructs.has(s) ? `${s.tsName}Input` : s.tsName;
}

function tsType(ctx: Ctx, t: FieldType, input: boolean): string {
  if (t.kind === 'array') {
    const e = tsType(ctx, t.element, input);
    return input ? `readonly ${e}[]` : `${e}[]`;
  }
  if (t.kind === 'struct') return structTypeName(ctx, t.struct, input);
  switch (t.name) {
    case 'bool':
      return 'boolean';
    case 'string':
      return 'string';
    case 'bytes':
    case 'uuid':
      return 'Buffer';
    case 'records':
      return input ? 'Buffer | readonly Buffer[]' : 'Buffer';
    default:
      return 'number';
  }
}

function parseIntDefault(f: FieldSpec, where: string, bits: number, unsigned: boolean): number {
  const s = f.default!.trim();
  const v = /^-?0x[0-9a-f]+$/i.test(s) ? (s.startsWith('-') ? -parseInt(s.slice(1), 16) : parseInt(s, 16)) : Number(s);
  if (!Number.isSafeInteger(v)) throw new Error(`${where}: bad default ${s}`);
  const min = unsigned ? 0 : -(2 ** (bits - 1));
  const max = unsigned ? 2 ** bits - 1 : 2 ** (bits - 1) - 1;
  if (bits < 64 && (v < min || v > max)) throw new Error(`${where}: default ${s} out of range`);
  return v;
}

/** The default value of a field as a TS expression (used when absent, and for tagged fields). */
function defaultExpr(ctx: Ctx, f: FieldSpec): string {
  const where = `${ctx.msg.sourcePath}: ${f.name}`;
  const t = f.type;
  if (f.default === 'null') {
    if (isEmpty(intersect(f.nullableVersions, f.versions)) || (t.kind === 'primitive' && !['string', 'bytes', 'records'].includes(t.name))) {
      throw new Error(`${where}: default null on a non-nullable field`);
    }
    return 'null';
  }
  if (t.kind === 'array') {
    if (f.default !== undefined) throw new Error(`${where}: arrays only take the default "null"`);
    return '[]';
  }
  if (t.kind === 'struct') {
    if (f.default !== undefined) throw new Error(`${where}: structs only take the default "null"`);
    return `default${t.struct.tsName}()`;
  }
  switch (t.name) {
    case 'bool':
      if (f.default === undefined) return 'false';
      if (f.default !== 'true' && f.default !== 'false') throw new Error(`${where}: bad bool default`);
      return f.default;
    case 'string':
      if (f.default === undefined) return isNullableAnywhere(f) ? 'null' : "''";
      return JSON.stringify(f.default);
    case 'bytes':
    case 'records':
      if (f.default !== undefined) throw new Error(`${where}: ${t.name} only takes the default "null"`);
      return isNullableAnywhere(f) ? 'null' : 'EMPTY_BUFFER';
    case 'uuid':
      return 'ZERO_UUID';
    case 'float64': {
      if (f.default === undefined) return '0';
      const v = Number(f.default);
      if (!Number.isFinite(v)) throw new Error(`${where}: bad float default`);
      return String(v);
    }
    default: {
      if (f.default === undefined) return '0';
      const bits = { int8: 8, int16: 16, int32: 32, int64: 64, uint16: 16, uint32: 32 }[t.name];
      return String(parseIntDefault(f, where, bits, t.name.startsWith('uint')));
    }
  }
}

/** `v` is the field's default (decides whether a tagged field is written). */
function isDefaultExpr(ctx: Ctx, f: FieldSpec, v: string): string {
  const t = f.type;
  const d = defaultExpr(ctx, f);
  if (d === 'null') return `${v} === null`;
  if (t.kind === 'array') return isNullableAnywhere(f) ? `(${v} !== null && ${v}.length === 0)` : `${v}.length === 0`;
  if (t.kind === 'struct') return isNullableAnywhere(f) ? `(${v} !== null && isDefault${t.struct.tsName}(${v}))` : `isDefault${t.struct.tsName}(${v})`;
  if (t.name === 'uuid') return `${v}.equals(ZERO_UUID)`;
  if (t.name === 'bytes' || t.name === 'records') return isNullableAnywhere(f) ? `(${v} !== null && ${v}.length === 0)` : `${v}.length === 0`;
  return `${v} === ${d}`;
}

const PRIMITIVE_READ: Record<string, string> = {
  bool: 'r.readBool()',
  int8: 'r.readInt8()',
  int16: 'r.readInt16()',
  int32: 'r.readInt32()',
  int64: 'r.readInt64()',
  uint16: 'r.readUint16()',
  uint32: 'r.readUint32()',
  float64: 'r.readFloat64()',
  uuid: 'r.readUuid()',
};

const PRIMITIVE_WRITE: Record<string, string> = {
  bool: 'writeBool',
  int8: 'writeInt8',
  int16: 'writeInt16',
  int32: 'writeInt32',
  int64: 'writeInt64',
  uint16: 'writeUint16',
  uint32: 'writeUint32',
  float64: 'writeFloat64',
  uuid: 'writeUuid',
};

/** Read expression of a non-array value. */
function readScalar(t: FieldType, compact: string, nullable: boolean): string {
  if (t.kind === 'struct') {
    const call = `read${t.struct.tsName}(r, version, flexible)`;
    return nullable ? `(r.readInt8() < 0 ? null : ${call})` : call;
  }
  if (t.kind === 'array') throw new Error('arrays are read as statements');
  switch (t.name) {
    case 'string':
      return nullable
        ? pick(compact, 'r.readCompactNullableString()', 'r.readNullableString()')
        : pick(compact, 'r.readCompactString()', 'r.readString()');
    case 'bytes':
    case 'records':
      return nullable
        ? pick(compact, 'r.readCompactNullableBytes()', 'r.readNullableBytes()')
        : pick(compact, 'r.readCompactBytes()', 'r.readBytes()');
    default:
      return PRIMITIVE_READ[t.name]!;
  }
}

/** Statements that read field `f` into the local `target` (already declared). */
function readField(ctx: Ctx, s: StructSpec, f: FieldSpec, target: string, indent: string): string[] {
  const p = present(ctx, f);
  const compact = compactExpr(ctx, f);
  const nul = tri(intersect(f.nullableVersions, p), p);
  const label = `${s.tsName}.${f.prop}`;
  const nullCheck = nul === 'some'
    ? [`${indent}if (${target} === null && !(${versionCondition(f.nullableVersions, p)})) decodeNotNullable('${label}', version);`]
    : [];
  if (f.type.kind !== 'array') {
    return [`${indent}${target} = ${readScalar(f.type, compact, nul !== 'never')};`, ...nullCheck];
  }
  const el = f.type.element;
  const lines = [
    `${indent}{`,
    `${indent}  const n = ${pick(compact, 'r.readCompactArrayLength()', 'r.readArrayLength()')};`,
  ];
  if (nul === 'never') lines.push(`${indent}  if (n < 0) decodeNotNullable('${label}', version);`);
  const elType = tsType(ctx, el, false);
  const loop = [
    `const a: ${elType}[] = [];`,
    `for (let i = 0; i < n; i++) a.push(${readScalar(el, compact, false)});`,
    `${target} = a;`,
  ];
  if (nul === 'never') {
    lines.push(...loop.map((l) => `${indent}  ${l}`));
  } else {
    lines.push(`${indent}  if (n < 0) {`, `${indent}    ${target} = null;`);
    if (nul === 'some') lines.push(`${indent}    if (!(${versionCondition(f.nullableVersions, p)})) decodeNotNullable('${label}', version);`);
    lines.push(`${indent}  } else {`, ...loop.map((l) => `${indent}    ${l}`), `${indent}  }`);
  }
  lines.push(`${indent}}`);
  return lines;
}

/** A conditional expression as a statement: `if (c) a; else b;` reads better than `(c ? a : b);`. */
function stmt(e: string): string {
  const m = /^\((.*) \? (w\..*\)) : (w\..*\))\)$/.exec(e);
  return m ? `if (${m[1]}) ${m[2]}; else ${m[3]}` : e;
}

/** Write statement(s) of a non-array value `v`. */
function writeScalar(t: FieldType, v: string, compact: string, nullable: boolean, indent: string): string[] {
  if (t.kind === 'struct') {
    const call = `write${t.struct.tsName}(w, version, flexible, ${v});`;
    if (!nullable) return [`${indent}${call}`];
    return [`${indent}if (${v} === null) w.writeInt8(-1);`, `${indent}else {`, `${indent}  w.writeInt8(1);`, `${indent}  ${call}`, `${indent}}`];
  }
  if (t.kind === 'array') throw new Error('arrays are written as statements');
  switch (t.name) {
    case 'string':
      return [`${indent}${stmt(pick(compact, nullable ? `w.writeCompactNullableString(${v})` : `w.writeCompactString(${v})`, nullable ? `w.writeNullableString(${v})` : `w.writeString(${v})`))};`];
    case 'bytes':
      return [`${indent}${stmt(pick(compact, nullable ? `w.writeCompactNullableBytes(${v})` : `w.writeCompactBytes(${v})`, nullable ? `w.writeNullableBytes(${v})` : `w.writeBytes(${v})`))};`];
    case 'records':
      return [`${indent}w.writeRecords(${v}, ${compact});`];
    default:
      return [`${indent}w.${PRIMITIVE_WRITE[t.name]!}(${v});`];
  }
}

function writeField(ctx: Ctx, s: StructSpec, f: FieldSpec, indent: string): string[] {
  const p = present(ctx, f);
  const compact = compactExpr(ctx, f);
  const nul = tri(intersect(f.nullableVersions, p), p);
  const label = `${s.tsName}.${f.prop}`;
  const v = `m.${f.prop}`;
  const lines: string[] = [];
  const isRef = f.type.kind !== 'primitive' || ['string', 'bytes', 'records', 'uuid'].includes(f.type.name);
  if (isRef && nul === 'never') lines.push(`${indent}if (${v} == null) encodeNotNullable('${label}', version);`);
  if (nul === 'some') lines.push(`${indent}if (${v} === null && !(${versionCondition(f.nullableVersions, p)})) encodeNotNullable('${label}', version);`);
  if (f.type.kind !== 'array') {
    lines.push(...writeScalar(f.type, v, compact, nul !== 'never', indent));
    return lines;
  }
  const el = f.type.element;
  const count = (n: string): string => pick(compact, `w.writeUnsignedVarint(${n} + 1)`, `w.writeInt32(${n})`);
  const body = [`${stmt(count(`${v}.length`))};`, `for (const e of ${v}) {`, ...writeScalar(el, 'e', compact, false, '  '), '}'];
  if (nul === 'never') {
    lines.push(...body.map((l) => `${indent}${l}`));
  } else {
    lines.push(`${indent}if (${v} === null) {`, `${indent}  ${stmt(pick(compact, 'w.writeUnsignedVarint(0)', 'w.writeInt32(-1)'))};`, `${indent}} else {`);
    lines.push(...body.map((l) => `${indent}  ${l}`), `${indent}}`);
  }
  return lines;
}

function guard(cond: string, lines: string[], indent: string): string[] {
  if (cond === 'true') return lines.map((l) => indent + l);
  if (cond === 'false') return [];
  return [`${indent}if (${cond}) {`, ...lines.map((l) => `${indent}  ${l}`), `${indent}}`];
}

/** Condition for the tagged-field section: static when the message decides it, else `flexible`. */
function flexibleGuard(ctx: Ctx): string {
  const c = versionCondition(ctx.flex, ctx.valid);
  return c === 'true' || c === 'false' ? c : 'flexible';
}

function hasFlexible(ctx: Ctx): boolean {
  return !isEmpty(ctx.flex);
}

/** `flexible` as seen inside a struct function: a constant when the message decides it statically. */
function emitInterfaces(ctx: Ctx, s: StructSpec, input: boolean): string[] {
  const name = structTypeName(ctx, s, input);
  const lines = [`export interface ${name} {`];
  for (const f of s.fields) {
    const versions = f.tag !== undefined ? `versions ${formatRange(f.versions)}, tag ${f.tag}` : `versions ${formatRange(f.versions)}`;
    const nullable = isNullableAnywhere(f);
    const about = f.about ? `${f.about} ` : '';
    lines.push(`  /** ${about.replace(/\*\//g, '* /')}(${versions}${nullable ? `, nullable ${formatRange(f.nullableVersions)}` : ''}) */`);
    lines.push(`  ${f.prop}: ${tsType(ctx, f.type, input)}${nullable ? ' | null' : ''};`);
  }
  if (hasFlexible(ctx)) {
    lines.push('  /** Tagged fields this codec does not know, kept to be written back. */');
    lines.push('  unknownTaggedFields?: TaggedField[] | undefined;');
  }
  lines.push('}');
  return lines;
}

function emitRead(ctx: Ctx, s: StructSpec, isRoot: boolean): string[] {
  const regular = s.fields.filter((f) => f.tag === undefined);
  const tagged = s.fields.filter((f) => f.tag !== undefined);
  const body: string[] = [];
  if (isRoot) {
    body.push(`  if (version < ${ctx.valid.min} || version > ${ctx.valid.max}) decodeBadVersion('${s.tsName}', version);`);
    body.push(`  const flexible = ${hasFlexible(ctx) ? versionCondition(ctx.flex, ctx.valid) : 'false'};`);
  }
  for (const f of s.fields) {
    const p = present(ctx, f);
    const always = f.tag === undefined && versionCondition(p, ctx.valid) === 'true';
    const type = tsType(ctx, f.type, false) + (isNullableAnywhere(f) ? ' | null' : '');
    if (always) body.push(`  let f_${f.prop}: ${type};`);
    else body.push(`  let f_${f.prop}: ${type} = ${defaultExpr(ctx, f)};`);
  }
  for (const f of regular) {
    const p = present(ctx, f);
    body.push(...guard(versionCondition(p, ctx.valid), readField(ctx, s, f, `f_${f.prop}`, ''), '  '));
  }
  if (hasFlexible(ctx)) {
    body.push('  let unknownTaggedFields: TaggedField[] | undefined;');
    const tagLines = [
      'const tagCount = r.readUnsignedVarint();',
      'for (let t = 0; t < tagCount; t++) {',
      '  const tag = r.readUnsignedVarint();',
      '  const size = r.readUnsignedVarint();',
      '  r.need(size);',
    ];
    if (tagged.length > 0) tagLines.push('  const end = r.offset + size;');
    let first = true;
    for (const f of tagged) {
      const cond = versionCondition(intersect(f.taggedVersions, present(ctx, f)), ctx.valid);
      if (cond === 'false') continue;
      const test = cond === 'true' ? `tag === ${f.tag}` : `tag === ${f.tag} && ${cond}`;
      tagLines.push(`  ${first ? '' : '} else '}if (${test}) {`);
      tagLines.push(...readField(ctx, s, f, `f_${f.prop}`, '    '));
      tagLines.push('    r.endTagged(end, tag);');
      first = false;
    }
    if (first) {
      tagLines.push('  (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });');
    } else {
      tagLines.push('  } else {', '    (unknownTaggedFields ??= []).push({ tag, data: r.readRaw(size) });', '  }');
    }
    tagLines.push('}');
    body.push(...guard(flexibleGuard(ctx), tagLines, '  '));
  }
  const props = s.fields.map((f) => `${f.prop}: f_${f.prop}`);
  if (hasFlexible(ctx)) props.push('unknownTaggedFields');
  body.push(`  return { ${props.join(', ')} };`);
  return wrapFunction(ctx, s, isRoot, 'read', body);
}

function emitWrite(ctx: Ctx, s: StructSpec, isRoot: boolean): string[] {
  const regular = s.fields.filter((f) => f.tag === undefined);
  const tagged = s.fields.filter((f) => f.tag !== undefined);
  const body: string[] = [];
  if (isRoot) {
    body.push(`  if (version < ${ctx.valid.min} || version > ${ctx.valid.max}) encodeBadVersion('${s.tsName}', version);`);
    body.push(`  const flexible = ${hasFlexible(ctx) ? versionCondition(ctx.flex, ctx.valid) : 'false'};`);
  }
  for (const f of regular) {
    body.push(...guard(versionCondition(present(ctx, f), ctx.valid), writeField(ctx, s, f, ''), '  '));
  }
  if (hasFlexible(ctx)) {
    const lines = ['const unknown = m.unknownTaggedFields;', `${tagged.length > 0 ? 'let' : 'const'} tagCount = unknown === undefined ? 0 : unknown.length;`];
    const live: Array<{ f: FieldSpec; flag: string }> = [];
    for (const f of tagged) {
      const cond = versionCondition(intersect(f.taggedVersions, present(ctx, f)), ctx.valid);
      if (cond === 'false') continue;
      const flag = `t_${f.prop}`;
      const notDefault = `!(${isDefaultExpr(ctx, f, `m.${f.prop}`)})`;
      lines.push(`const ${flag} = ${cond === 'true' ? notDefault : `${cond} && ${notDefault}`};`);
      lines.push(`if (${flag}) tagCount++;`);
      live.push({ f, flag });
    }
    lines.push('w.writeUnsignedVarint(tagCount);');
    if (live.length === 0) {
      lines.push('if (unknown !== undefined) for (const u of unknown) w.writeRawTaggedField(u);');
    } else {
      lines.push('if (tagCount !== 0) {', '  const known: PendingTag[] = [];');
      for (const { f, flag } of live) {
        lines.push(`  if (${flag}) known.push({ tag: ${f.tag}, write: (w) => {`);
        lines.push(...writeField(ctx, s, f, '    '));
        lines.push('  } });');
      }
      lines.push('  writeTaggedFields(w, known, unknown);', '}');
    }
    body.push(...guard(flexibleGuard(ctx), lines, '  '));
  }
  return wrapFunction(ctx, s, isRoot, 'write', body);
}

function wrapFunction(ctx: Ctx, s: StructSpec, isRoot: boolean, op: 'read' | 'write', body: string[]): string[] {
  if (isRoot) {
    // The root declares `flexible` itself; drop the declaration when nothing uses it.
    const i = body.findIndex((l) => l.startsWith('  const flexible = '));
    const rest = body.filter((_, j) => j !== i).join('\n');
    if (i >= 0 && !/\bflexible\b/.test(rest)) body.splice(i, 1);
  }
  const text = body.join('\n');
  const v = /\bversion\b/.test(text) ? 'version' : '_version';
  const fl = /\bflexible\b/.test(text) ? 'flexible' : '_flexible';
  const ret = op === 'read' ? `: ${s.tsName}` : ': void';
  const io = op === 'read' ? 'r' : 'w';
  const param = `${new RegExp(`\\b${io}\\.`).test(text) || new RegExp(`\\(${io},`).test(text) ? io : `_${io}`}: ${op === 'read' ? 'Reader' : 'Writer'}`;
  const mName = /\bm\./.test(text) || /\bm\)/.test(text) ? 'm' : '_m';
  const tail = op === 'write' ? `, ${mName}: ${structTypeName(ctx, s, true)}` : '';
  const head = isRoot
    ? `export function ${op}${s.tsName}(${param}, ${v}: number${tail})${ret} {`
    : `function ${op}${s.tsName}(${param}, ${v}: number, ${fl}: boolean${tail})${ret} {`;
  return [head, ...body, '}'];
}

function emitDefaults(ctx: Ctx, s: StructSpec): { def: string[]; isDef: string[] } {
  const def = [
    `function default${s.tsName}(): ${s.tsName} {`,
    `  return { ${s.fields.map((f) => `${f.prop}: ${defaultExpr(ctx, f)}`).join(', ')} };`,
    '}',
  ];
  const conds = s.fields.map((f) => isDefaultExpr(ctx, f, `m.${f.prop}`));
  const isDef = [
    `function isDefault${s.tsName}(m: ${structTypeName(ctx, s, true)}): boolean {`,
    `  return ${conds.length === 0 ? 'true' : conds.join(' && ')};`,
    '}',
  ];
  return { def, isDef };
}

export function emitMessage(msg: MessageSpec): string {
  const valid = msg.validVersions;
  const ctx: Ctx = { msg, valid, flex: intersect(msg.flexibleVersions, valid), inputStructs: new Set() };
  for (const s of msg.structs) {
    if (s.fields.some((f) => holdsRecords(f.type))) ctx.inputStructs.add(s);
  }
  const types: string[] = [];
  const funcs: string[] = [];
  for (const s of msg.structs) {
    types.push(...emitInterfaces(ctx, s, false), '');
    if (ctx.inputStructs.has(s)) {
      types.push(`/** ${s.tsName} as accepted by the writer: \`records\` may be a list of buffers written back to back. */`);
      types.push(...emitInterfaces(ctx, s, true), '');
    }
  }
  for (const s of msg.structs) {
    const isRoot = s === msg.root;
    funcs.push(...emitRead(ctx, s, isRoot), '', ...emitWrite(ctx, s, isRoot), '');
  }
  // Default/isDefault helpers: only those referenced, transitively (unused locals fail tsc).
  const helpers = new Map<string, string[]>();
  for (const s of msg.structs) {
    const { def, isDef } = emitDefaults(ctx, s);
    helpers.set(`default${s.tsName}`, def);
    helpers.set(`isDefault${s.tsName}`, isDef);
  }
  const used = new Set<string>();
  let frontier = funcs.join('\n');
  for (;;) {
    const added: string[] = [];
    for (const [name, lines] of helpers) {
      if (!used.has(name) && new RegExp(`\\b${name}\\(`).test(frontier)) {
        used.add(name);
        added.push(lines.join('\n'));
      }
    }
    if (added.length === 0) break;
    frontier = added.join('\n');
  }
  const helperLines: string[] = [];
  for (const [name, lines] of helpers) if (used.has(name)) helperLines.push(...lines, '');

  const code = [...types, ...funcs, ...helperLines].join('\n');
  const support = ['EMPTY_BUFFER', 'ZERO_UUID', 'decodeNotNullable', 'decodeBadVersion', 'encodeNotNullable', 'encodeBadVersion', 'writeTaggedFields']
    .filter((n) => new RegExp(`\\b${n}\\b`).test(code));
  const typeSupport = ['PendingTag'].filter((n) => new RegExp(`\\b${n}\\b`).test(code));
  const imports = [
    "import type { Reader } from '../primitives/reader.js';",
    "import type { Writer } from '../primitives/writer.js';",
  ];
  if (/\bTaggedField\b/.test(code)) imports.push("import type { TaggedField } from '../primitives/reader.js';");
  if (typeSupport.length > 0) imports.push(`import type { ${typeSupport.join(', ')} } from '../primitives/codec-support.js';`);
  if (support.length > 0) imports.push(`import { ${support.join(', ')} } from '../primitives/codec-support.js';`);

  const header = [
    `// generated from ${msg.sourcePath} — do not edit (npm run generate)`,
    `// ${msg.name}${msg.apiKey !== undefined ? ` (api key ${msg.apiKey})` : ''}: versions ${formatRange(valid)}, flexible ${formatRange(ctx.flex)}`,
    '',
  ];
  return [...header, ...imports, '', code.trimEnd(), ''].join('\n');
}
