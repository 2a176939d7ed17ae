/**
 * The `canopy` command is ours wherever the README says to get it: package.json's bin (what
 * `npm link` puts on PATH, and what `npm exec canopy` runs in the checkout), run from a directory
 * outside the repository against a real broker. The npm package named "canopy" on the registry is
 * an unrelated project, so this package has another name and is private (never published).
 * Nothing here reaches the network: npm runs with --offline.
 */
import t from 'tap';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { runProcess } from '../helpers/run-process.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string; private?: boolean; bin: Record<string, string> };
/** A first run may build dist/ (tsc) on a loaded 2-core machine. */
const RUN_MS_MAX = 180_000;

/** Runs a command to its end (killed by pid at the bound). */
const run = (command: string, args: string[], options: { cwd: string; env?: Record<string, string> }) => runProcess(command, args, { ...options, timeoutMs: RUN_MS_MAX });

t.test('the package cannot be mistaken for the registry\'s "canopy"; its bin is `canopy`', async (t) => {
  t.not(pkg.name, 'canopy', 'not the name of the unrelated registry package');
  t.equal(pkg.private, true, 'never published, so no registry name is claimed or shadowed');
  t.same(Object.keys(pkg.bin), ['canopy']);
  accessSync(join(repoRoot, pkg.bin.canopy!), constants.X_OK);
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { name: string; packages: Record<string, { name?: string }> };
  t.equal(lock.name, pkg.name, 'package-lock.json agrees');
  t.equal(lock.packages['']!.name, pkg.name);
});

t.test('`canopy` linked onto PATH as `npm link` does runs our CLI from any directory', async (t) => {
  // npm link: <prefix>/bin/<bin name> -> the checkout's bin file (a symlink, so the bin finds
  // dist/ and node_modules/ next to its real path).
  const prefixBin = mkdtempSync(join(tmpdir(), 'canopy-path-'));
  const elsewhere = mkdtempSync(join(tmpdir(), 'canopy-cwd-'));
  t.teardown(() => {
    rmSync(prefixBin, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });
  for (const [name, file] of Object.entries(pkg.bin)) symlinkSync(join(repoRoot, file), join(prefixBin, name));
  const env = { PATH: `${prefixBin}${delimiter}${process.env.PATH ?? ''}` };

  const version = await run('canopy', ['--version'], { cwd: elsewhere, env });
  t.equal(version.code, 0, version.stderr);
  t.equal(version.stdout, `canopy ${pkg.version}\n`);

  const broker = await spawnBroker(t);
  const adminEnv = { ...env, CANOPY_ADMIN_URL: broker.adminUrl! };
  const created = await run('canopy', ['topics', 'create', 'linked-cli', '--partitions', '2'], { cwd: elsewhere, env: adminEnv });
  t.equal(created.code, 0, created.stderr);
  const listed = await run('canopy', ['topics', 'list', '--json'], { cwd: elsewhere, env: adminEnv });
  t.equal(listed.code, 0, listed.stderr);
  const topics = JSON.parse(listed.stdout) as unknown;
  t.match(JSON.stringify(topics), /"linked-cli"/, 'the topic made through the linked command is on the broker');
});

t.test('in the checkout, `npm exec canopy` (what `npx canopy` runs) is this package\'s bin', async (t) => {
  const res = await run('npm', ['exec', '--offline', '--no', '--', 'canopy', '--version'], { cwd: repoRoot });
  t.equal(res.code, 0, res.stderr);
  t.equal(res.stdout, `canopy ${pkg.version}\n`);
});
