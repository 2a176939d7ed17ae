import t from 'tap';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataDir, DataDirLockedError } from '../../src/broker/data-dir-lock.js';
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
