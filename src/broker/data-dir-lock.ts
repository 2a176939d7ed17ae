import { open, type FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * fs-ext is the native binding for flock(2): Node has no OS file lock of its own. An OS lock is
 * released by the kernel when its holder dies, however it dies, so nothing here has to guess
 * from a recorded pid whether the owner is alive (pids are reused; two containers sharing a
 * volume both run their broker as pid 1). It is CommonJS without types, hence the require.
 */
const { flockSync } = createRequire(import.meta.url)('fs-ext') as { flockSync(fd: number, flags: 'exnb' | 'un'): void };

const LOCK_FILE = '.lock';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

/** Locks this process holds, by absolute path: taking one again in-process shares it. */
const held = new Map<string, { handle: FileHandle; users: number }>();

/** What the lock file says about its holder (diagnostics only: the OS lock decides). */
function describeHolder(text: string): string {
  const pid = Number(text.split('\n')[0]?.trim());
  return Number.isSafeInteger(pid) && pid > 0 ? `process ${pid}` : 'another process';
}

/**
 * One process per data dir: two brokers appending to the same segment files would corrupt them.
 * Takes an exclusive, non-blocking flock on `<dataDir>/.lock` and keeps it for the life of the
 * process (or until the returned release is called); the file also records the holder's pid for
 * the error message of the next one. The file is never unlinked: a process still opening the old
 * inode would otherwise lock a file nobody else looks at.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = resolve(join(dataDir, LOCK_FILE));
  const mine = held.get(path);
  if (mine !== undefined) {
    mine.users++;
    return releaseOnce(path);
  }
  const handle = await open(path, 'a+');
  try {
    flockSync(handle.fd, 'exnb');
  } catch (err) {
    const text = await handle.readFile('utf8').catch(() => '');
    await handle.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
      throw new DataDirLockedError(`data dir ${dataDir} is in use by ${describeHolder(text)} (it holds the lock on ${path})`);
    }
    throw err;
  }
  await handle.truncate(0);
  await handle.write(`${process.pid}\n`, 0);
  held.set(path, { handle, users: 1 });
  return releaseOnce(path);
}

function releaseOnce(path: string): () => Promise<void> {
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    const entry = held.get(path);
    if (entry === undefined || --entry.users > 0) return;
    held.delete(path);
    await entry.handle.truncate(0).catch(() => undefined);
    await entry.handle.close(); // closing the last descriptor releases the flock
  };
}
