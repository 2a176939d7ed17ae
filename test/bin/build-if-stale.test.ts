import t from 'tap';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');
/** One prestart run, tsc included, on a loaded 2-core machine. */
const RUN_MS_MAX = 120_000;

/**
 * A small package laid out like Canopy (src/, tsconfig.build.json, a `build` script running the
 * real tsc) with copies of the prestart script and the `canopy` bin, so building it never touches
 * this repo's dist/.
 */
function makePackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-prestart-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'src', 'cli'), { recursive: true });
  for (const name of ['build-if-stale.mjs', 'canopy.js']) copyFileSync(join(repoRoot, 'bin', name), join(dir, 'bin', name));
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'prestart-fixture', private: true, type: 'module', scripts: { build: 'tsc -p tsconfig.build.json' } }));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', strict: true, skipLibCheck: true } }));
  writeFileSync(join(dir, 'tsconfig.build.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src/**/*.ts'] }));
  writeFileSync(join(dir, 'src', 'cli', 'main.ts'), "export const word: string = 'one';\n");
  return dir;
}

function prestart(dir: string): { code: number | null; stderr: string } {
  const res = spawnSync(process.execPath, [join(dir, 'bin', 'build-if-stale.mjs')], { cwd: dir, encoding: 'utf8', timeout: RUN_MS_MAX });
  return { code: res.status, stderr: res.stderr };
}

/** Sets a file's mtime to now: after the last build's start, which the script compares against. */
function touch(path: string): void {
  const now = Date.now() / 1000;
  utimesSync(path, now, now);
}

t.test('prestart builds when dist/ is missing or older than src/ and tsconfig, and skips tsc when current', async (t) => {
  const dir = makePackage();
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'dist', 'cli', 'main.js');

  const first = prestart(dir);
  t.equal(first.code, 0, first.stderr);
  t.match(first.stderr, /building \(dist\/ has not been built here yet\)/);
  t.match(readFileSync(out, 'utf8'), /'one'/, 'tsc ran');

  const builtMs = statSync(out).mtimeMs;
  const second = prestart(dir);
  t.equal(second.code, 0);
  t.match(second.stderr, /dist is current/);
  t.notMatch(second.stderr, /canopy: building/);
  t.equal(statSync(out).mtimeMs, builtMs, 'dist/ not rewritten');

  writeFileSync(join(dir, 'src', 'cli', 'main.ts'), "export const word: string = 'two';\n");
  touch(join(dir, 'src', 'cli', 'main.ts'));
  const edited = prestart(dir);
  t.equal(edited.code, 0, edited.stderr);
  t.match(edited.stderr, /building \(src\/cli\/main\.ts changed since the last build\)/);
  t.match(readFileSync(out, 'utf8'), /'two'/, 'the edit is compiled');

  touch(join(dir, 'tsconfig.build.json'));
  const config = prestart(dir);
  t.match(config.stderr, /building \(tsconfig\.build\.json changed/);
});

t.test('a failed build exits non-zero and the next start tries again', async (t) => {
  const dir = makePackage();
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  t.equal(prestart(dir).code, 0);
  writeFileSync(join(dir, 'src', 'cli', 'main.ts'), "export const word: number = 'not a number';\n");
  touch(join(dir, 'src', 'cli', 'main.ts'));
  const broken = prestart(dir);
  t.not(broken.code, 0, 'npm start stops at the type error');
  const again = prestart(dir);
  t.not(again.code, 0, 'tsc emitted dist/ anyway, yet the next start does not take it as current');
  t.match(again.stderr, /building \(src\/cli\/main\.ts changed/);
});

t.test('bin/canopy.js in a fresh checkout builds dist/ first, then runs the CLI; quiet when current', async (t) => {
  const dir = makePackage();
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'src', 'cli', 'main.ts'), "process.stdout.write(`fixture cli ${process.argv.slice(2).join(' ')}\\n`);\n");
  const bin = (args: string[]) => spawnSync(process.execPath, [join(dir, 'bin', 'canopy.js'), ...args], { cwd: tmpdir(), encoding: 'utf8', timeout: RUN_MS_MAX });
  const fresh = bin(['topics', 'list']);
  t.equal(fresh.status, 0, fresh.stderr);
  t.equal(fresh.stdout, 'fixture cli topics list\n', 'the CLI\'s output only: the build reports on stderr');
  t.match(fresh.stderr, /canopy: building \(dist\/ has not been built here yet\)/);
  const current = bin(['--version']);
  t.equal(current.status, 0, current.stderr);
  t.equal(current.stdout, 'fixture cli --version\n');
  t.equal(current.stderr, '', 'nothing about the build when dist/ is current');
});
