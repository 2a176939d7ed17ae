/**
 * The dependency rules of STYLE.md §3.2, checked as a test (TigerBeetle's tidy idea): a small parser
 * over the import specifiers of src/**.ts. A folder may import only the folders listed for it.
 */
import t from 'tap';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

/**
 * The leaves every layer may use (STYLE.md §3.2: "everything ─► protocol, metrics (probes),
 * config, util"), except where a row of the table says less (raft, journal, protocol, the leaves).
 */
const LEAVES = ['protocol', 'metrics', 'config', 'util'];

/**
 * folder → what it may import (itself is always allowed): the table of STYLE.md §3.2, row by row.
 * An entry is a folder (`cluster`) or one module or sub-folder of it (`replication/partition`,
 * `protocol/records`, `api/registry`), as the table names them.
 *
 * Two folders the table does not list, decided here (and in their README.md):
 * - `broker/` is the composition root of one node: it opens the domain folders (cluster, groups,
 *   tree, replication) and knows nothing of the network or of what uses it (api, server, admin,
 *   cli). The interfaces it satisfies are declared by their consumers: `api/broker.ts` (Broker,
 *   what handlers use) and `admin/admin-broker.ts` (AdminBroker); cli/ hands NodeBroker to both.
 * - `cli/` wires everything: the listener (server), the admin server, the broker, metrics; and
 *   `canopy journal repair` works on a stopped node's files (journal, replication's folder names);
 *   `canopy tree validate` checks a tree config offline (tree).
 *   Only raft/ and the domain folders it does not start are left out.
 */
const allowed: Record<string, string[]> = {
  util: [],
  config: ['util'],
  metrics: ['util', 'config'],
  protocol: ['util'],
  raft: ['util'],
  journal: ['protocol/records', 'util'],
  replication: ['raft', 'journal', ...LEAVES],
  cluster: ['replication', ...LEAVES],
  groups: ['cluster', 'replication/partition', ...LEAVES],
  tree: ['cluster', 'replication/partition', ...LEAVES],
  api: ['groups', 'tree', 'cluster', 'replication/partition', ...LEAVES],
  server: ['api/registry', ...LEAVES],
  admin: ['cluster', 'groups', 'tree', 'replication', ...LEAVES],
  broker: ['cluster', 'groups', 'tree', 'replication', ...LEAVES],
  cli: ['admin', 'server', 'broker', 'replication', 'journal', 'tree', ...LEAVES],
};

/** Whether `target` (a path under src/ without extension, e.g. `replication/partition`) matches `entry`. */
function permits(entry: string, target: string): boolean {
  return target === entry || target.startsWith(`${entry}/`);
}

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
        const target = relative(src, resolve(dirname(file), spec)).split(sep).join('/').replace(/\.js$/, '');
        if (target.split('/')[0] === folder) continue;
        if (!rule.some((entry) => permits(entry, target))) violations.push(`${relative(root, file)} imports src/${target} (${spec})`);
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

t.test('the layer table has no cycles between folders', async (t) => {
  // Depth-first search over folder → folders; a folder met again on the current path closes a cycle.
  const cycles: string[] = [];
  const done = new Set<string>();
  const visit = (folder: string, path: string[]): void => {
    if (path.includes(folder)) { cycles.push([...path.slice(path.indexOf(folder)), folder].join(' → ')); return; }
    if (done.has(folder)) return;
    for (const entry of allowed[folder] ?? []) visit(entry.split('/')[0]!, [...path, folder]);
    done.add(folder);
  };
  for (const folder of Object.keys(allowed)) visit(folder, []);
  t.same(cycles, []);
  const unruled = readdirSync(src).filter((n) => statSync(join(src, n)).isDirectory() && allowed[n] === undefined);
  t.same(unruled, [], 'every src/ folder has a row');
});

t.test('src/journal never touches the network', async (t) => {
  const bad = walk(join(src, 'journal')).filter((f) => /from\s+['"]node:(net|http|https|dgram|tls)['"]/.test(readFileSync(f, 'utf8')));
  t.same(bad.map((f) => relative(root, f)), []);
});
