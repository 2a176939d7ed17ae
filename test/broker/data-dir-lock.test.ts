import t from 'tap';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataDir, DataDirLockedError, currentOwner, processStartTicks, LOCK_STALE_MS } from '../../src/broker/data-dir-lock.js';
import { spawnBroker } from '../helpers/spawn-broker.js';

t.test('lock file: exclusive, released, stale locks of dead processes taken over', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-lock-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const release = await lockDataDir(dir);
  const again = await lockDataDir(dir); // same process (an in-process reopen): allowed
  await again();
  await release();
  // A lock naming a live process that is not us (our parent) is refused.
  writeFileSync(join(dir, '.lock'), `${process.ppid}\n`);
  await t.rejects(lockDataDir(dir), DataDirLockedError);
  // A lock naming a process that does not exist is stale.
  writeFileSync(join(dir, '.lock'), '2147483000\n');
  const taken = await lockDataDir(dir);
  await taken();
});

t.test('a second broker on the same data dir refuses to start; after SIGKILL the next one starts', async (t) => {
  const first = await spawnBroker(t);
  await t.rejects(spawnBroker(t, { dataDir: first.dataDir }), /in use by process \d+/);
  first.kill('SIGKILL');
  await first.exited;
  const next = await spawnBroker(t, { dataDir: first.dataDir });
  t.ok(next.port > 0, 'started over the stale lock');
});

t.test('a lock naming a live pid is not trusted blindly: reused pids, reboots and stale foreign locks are taken over', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-lock-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const lock = join(dir, '.lock');
  // An unrelated process that got the pid of a broker which crashed a minute ago.
  const reused = spawn('sleep', ['60'], { stdio: 'ignore' });
  t.teardown(() => { reused.kill('SIGKILL'); });
  const pid = reused.pid!;
  const minuteAgo = new Date(Date.now() - 60_000);
  const self = currentOwner();

  writeFileSync(lock, `${pid}\n`); // the old format: a pid only
  utimesSync(lock, minuteAgo, minuteAgo);
  await (await lockDataDir(dir))();
  t.pass('old-format lock: the process started after the lock was written, so it is not the owner');

  writeFileSync(lock, `${pid}\n${processStartTicks(pid)! + 1}\n${self.bootId}\n${self.pidNamespace}\n`);
  await (await lockDataDir(dir))();
  t.pass('recorded start time differs from the live process with that pid');

  writeFileSync(lock, `${process.ppid}\n${processStartTicks(process.ppid)}\nanother-boot\n${self.pidNamespace}\n`);
  await (await lockDataDir(dir))();
  t.pass('written before a reboot');

  writeFileSync(lock, `${process.ppid}\n${processStartTicks(process.ppid)}\n${self.bootId}\n${self.pidNamespace}\n`);
  await t.rejects(lockDataDir(dir), DataDirLockedError, 'the recorded process is alive: refused');

  // pid 1 of another container (pid namespace) whose heartbeat stopped long ago.
  writeFileSync(lock, `1\n1\n${self.bootId}\npid:[1]\n`);
  const stale = new Date(Date.now() - 2 * LOCK_STALE_MS);
  utimesSync(lock, stale, stale);
  await (await lockDataDir(dir))();
  t.pass('a foreign lock without heartbeat is taken over');
});
