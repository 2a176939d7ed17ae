import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK_FILE = '.lock';
/** Attempts to take over a lock whose owner died; two racing takeovers cannot both succeed. */
const LOCK_ATTEMPTS_MAX = 3;

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process per data dir: two brokers appending to the same segment files would corrupt them.
 * Creates `<dataDir>/.lock` exclusively with our pid; a lock left by a process that no longer
 * exists (SIGKILL, crash) is taken over. Returns the release function (called at close).
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < LOCK_ATTEMPTS_MAX; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return async () => {
        await unlink(path).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (Number.isSafeInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
      throw new DataDirLockedError(`data dir ${dataDir} is in use by process ${owner} (${path})`);
    }
    await unlink(path).catch(() => undefined);
  }
  throw new DataDirLockedError(`could not lock data dir ${dataDir} (${path})`);
}
