/**
 * The dependency rules of STYLE.md §3.2, checked as a test (TigerBeetle's tidy idea): a small parser
 * over the import specifiers of src/**.ts. A folder may import only the folders listed for it.
 */
import t from 'tap';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

/** folder → folders it may import (itself is always allowed). `*` = any. */
const allowed: Record<string, string[] | '*'> = {
  util: [],
  raft: ['util'],
  protocol: ['util'],
  journal: ['protocol', 'util'],
  metrics: ['util', 'config'],
  config: ['util', 'journal'],
  replication: ['raft', 'journal', 'protocol', 'metrics', 'config', 'util', 'cluster'],
  cluster: ['replication', 'protocol', 'util', 'config', 'journal', 'metrics'],
  groups: ['cluster', 'replication', 'protocol', 'metrics', 'util', 'config', 'broker'],
  tree: ['cluster', 'replication', 'protocol', 'metrics', 'util', 'config'],
  api: ['groups', 'tree', 'cluster', 'replication', 'protocol', 'metrics', 'util', 'config', 'broker'],
  broker: ['groups', 'tree', 'cluster', 'replication', 'protocol', 'metrics', 'util', 'config', 'journal'],
  server: ['api', 'protocol', 'metrics', 'config', 'util', 'broker'],
  admin: ['cluster', 'groups', 'tree', 'replication', 'metrics', 'util', 'config', 'broker', 'protocol'],
  cli: '*',
};
/** Node modules that only the I/O-free core must avoid. */
const pureFolders = new Set(['raft']);

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

t.test('src/ folders import only what STYLE.md §3.2 allows', async (t) => {
  const violations: string[] = [];
  const files = walk(src);
  for (const file of files) {
    const folder = relative(src, file).split(sep)[0]!;
    const rule = allowed[folder];
    if (rule === undefined) { violations.push(`${relative(root, file)}: folder src/${folder} has no rule in this test`); continue; }
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(importRe)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('.')) {
        const target = relative(src, resolve(dirname(file), spec)).split(sep)[0]!;
        if (target === folder || rule === '*') continue;
        if (!rule.includes(target)) violations.push(`${relative(root, file)} imports src/${target} (${spec})`);
      } else if (pureFolders.has(folder)) {
        violations.push(`${relative(root, file)} imports ${spec}: src/${folder} must stay free of I/O and packages`);
      }
    }
    if (pureFolders.has(folder) && /Math\.random|Date\.now|new Date\(|setTimeout|setInterval|process\./.test(text)) {
      violations.push(`${relative(root, file)} uses a clock, timer, process or Math.random: src/${folder} must be deterministic`);
    }
  }
  t.ok(files.length > 0, 'found source files');
  t.same(violations, [], 'no import violations');
});

t.test('src/journal never touches the network', async (t) => {
  const bad = walk(join(src, 'journal')).filter((f) => /from\s+['"]node:(net|http|https|dgram|tls)['"]/.test(readFileSync(f, 'utf8')));
  t.same(bad.map((f) => relative(root, f)), []);
});
