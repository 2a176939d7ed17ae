import t, { type Test } from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lockDataDir, DataDirLockedError } from '../../src/broker/data-dir-lock.js';
import { spawnBroker } from '../helpers/spawn-broker.js';

const LOCK_MODULE = resolve(import.meta.dirname, '../../src/broker/data-dir-lock.ts');

/** A child process that takes the lock on `dir`, prints "locked", then waits to be killed. */
async function childHoldingLock(t: Test, dir: string): Promise<{ pid: number; kill(): Promise<void> }> {
  const script = `const { lockDataDir } = await import(${JSON.stringify(LOCK_MODULE)}); await lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import=tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL'); });
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('child did not take the lock within 30 s')), 30_000);
    child.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('locked')) { clearTimeout(timer); ok(); } });
    child.once('exit', (code) => { clearTimeout(timer); fail(new Error(`child exited (${code}) before taking the lock`)); });
  });
  return { pid: child.pid!, kill: async () => { child.kill('SIGKILL'); await exited; } };
}

t.test('in-process: the lock is shared and released by its last user; a leftover file is no lock', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-lock-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const release = await lockDataDir(dir);
  t.equal(readFileSync(join(dir, '.lock'), 'utf8'), `${process.pid}\n`, 'the file names the holder');
  const again = await lockDataDir(dir); // an in-process reopen shares it
  await again();
  await again(); // releasing twice is one release
  await release();
  // A file left behind naming a live process that holds no lock (our parent, pid 1): not a lock.
  for (const pid of [process.ppid, 1]) {
    writeFileSync(join(dir, '.lock'), `${pid}\n`);
    const taken = await lockDataDir(dir);
    await taken();
  }
  t.pass('leftover lock files naming live pids are taken');
});

t.test('another process holding the lock is refused by name; its death (SIGKILL) frees the lock at once', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-lock-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const holder = await childHoldingLock(t, dir);
  await t.rejects(lockDataDir(dir), { name: 'DataDirLockedError', message: new RegExp(`in use by process ${holder.pid}`) });
  await t.rejects(lockDataDir(dir), DataDirLockedError, 'still refused on a second try');
  await holder.kill();
  const release = await lockDataDir(dir);
  await release();
  t.pass('taken after the holder was killed, without waiting for anything to go stale');
});

t.test('a second broker on the same data dir refuses to start; after SIGKILL the next one starts', async (t) => {
  const first = await spawnBroker(t);
  await t.rejects(spawnBroker(t, { dataDir: first.dataDir }), /in use by process \d+/);
  first.kill('SIGKILL');
  await first.exited;
  const next = await spawnBroker(t, { dataDir: first.dataDir });
  t.ok(next.port > 0, 'started over the dead broker\'s lock file');
});
