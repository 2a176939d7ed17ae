/**
 * `canopy tree validate FILE [--topics a,b]` through the real CLI process: exit 0 with a summary
 * for a valid file, exit 2 with every error (each naming its entry) for an invalid one.
 */
import t, { type Test } from 'tap';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli.js';
import { readFileSync } from 'node:fs';

/** The README's "### Learner tree config" section, up to the next heading. */
function readmeSection(): string {
  const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
  const start = readme.indexOf('\n### Learner tree config\n');
  return start < 0 ? '' : readme.slice(start, readme.indexOf('\n#', start + 1));
}

async function tempDir(t: Test): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'canopy-tree-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

t.test('the README\'s example validates (exit 0) and names its learners', async (t) => {
  const dir = await tempDir(t);
  const yaml = /```yaml\n([\s\S]*?)```/.exec(readmeSection())?.[1];
  t.ok(yaml, 'README has a yaml example under "Learner tree config"');
  const file = join(dir, 'tree.yaml');
  await writeFile(file, yaml!);
  const res = await runCli(['tree', 'validate', file, '--topics', 'orders,payments']);
  t.equal(res.code, 0, res.stderr);
  t.match(res.stdout, /valid, 3 learners \(eu ← root, us ← root, eu-west ← eu\)/);
});

t.test('an invalid tree exits 2 with each error on its own line; --json gives them as a list', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'tree.json');
  await writeFile(file, JSON.stringify({
    learners: [
      { name: 'eu', upstream: 'root', topics: ['orders'], filter: { key: { prefix: 'eu-' } } },
      { name: 'wide', upstream: 'eu', topics: ['orders'], filter: { key: { regex: '^e' } } },
      { name: 'loop', upstream: 'loop' },
      { name: 'eu', upstream: 'root' },
    ],
  }));
  const res = await runCli(['tree', 'validate', file, '--topics', 'payments']);
  t.equal(res.code, 2);
  t.match(res.stderr, /is not a valid tree config:/);
  t.match(res.stderr, /\n {2}learners\[3\] \(eu\)\.name: duplicate, first at learners\[0\]\n/);
  t.match(res.stderr, /\n {2}learners\[1\] \(wide\)\.filter: not provably no wider than upstream "eu"'s filter/);
  t.match(res.stderr, /\n {2}learners\[2\] \(loop\)\.upstream: cycle loop → loop/);
  t.match(res.stderr, /\n {2}learners\[0\] \(eu\)\.topics: unknown topic "orders"/);
  const json = await runCli(['tree', 'validate', file, '--json']);
  t.equal(json.code, 2);
  const body = JSON.parse(json.stdout) as { valid: boolean; errors: string[] };
  t.equal(body.valid, false);
  t.equal(body.errors.length, 3, body.errors.join('\n'));
});

t.test('a missing file or a YAML syntax error is a usage error (exit 2) naming the file', async (t) => {
  const dir = await tempDir(t);
  const missing = await runCli(['tree', 'validate', join(dir, 'nope.yaml')]);
  t.equal(missing.code, 2);
  t.match(missing.stderr, /cannot read .*nope\.yaml: ENOENT/);
  const bad = join(dir, 'bad.yaml');
  await writeFile(bad, 'learners: [\n');
  const res = await runCli(['tree', 'validate', bad]);
  t.equal(res.code, 2);
  t.match(res.stderr, /bad\.yaml: /);
});
