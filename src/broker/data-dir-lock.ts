import { open, readFile, stat, unlink, utimes } from 'node:fs/promises';
import { readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = '.lock';
/** Attempts to take over a lock whose owner died; two racing takeovers cannot both succeed. */
const LOCK_ATTEMPTS_MAX = 3;
/** The owner refreshes the lock file's mtime this often: a broker in another PID namespace sees it alive. */
export const LOCK_HEARTBEAT_MS = 2_000;
/** A lock from another PID namespace not refreshed for this long belongs to a process that is gone. */
export const LOCK_STALE_MS = 5 * LOCK_HEARTBEAT_MS;
/** How often a waiting broker looks at a foreign lock's mtime. */
const FOREIGN_POLL_MS = 500;
/** /proc start times are in clock ticks (USER_HZ, 100 on Linux) since boot; allow one tick and file-time rounding. */
const START_TIME_SLACK_MS = 1_000;

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

/**
 * Who holds a lock: written as lines so that the first line alone is the pid (the format of
 * earlier versions, still read). Node has no OS file lock (flock/fcntl) without a native
 * dependency, so liveness is decided from /proc, never from the pid alone: a pid can be reused
 * by an unrelated process, and two containers both run their broker as pid 1.
 */
export interface LockOwner {
  pid: number;
  /** Process start, clock ticks after boot (/proc/<pid>/stat field 22); null in old lock files. */
  startTicks: number | null;
  /** /proc/sys/kernel/random/boot_id: a different one means the machine rebooted since. */
  bootId: string | null;
  /** /proc/self/ns/pid, e.g. "pid:[4026531836]": pids are only comparable within one namespace. */
  pidNamespace: string | null;
}

export function parseLockOwner(text: string): LockOwner | null {
  const [pidLine, startLine, bootId, pidNamespace] = text.split('\n');
  const pid = Number(pidLine?.trim());
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  const startTicks = startLine !== undefined && /^\d+$/.test(startLine) ? Number(startLine) : null;
  return { pid, startTicks, bootId: bootId || null, pidNamespace: pidNamespace || null };
}

function formatLockOwner(o: LockOwner): string {
  return `${o.pid}\n${o.startTicks ?? ''}\n${o.bootId ?? ''}\n${o.pidNamespace ?? ''}\n`;
}

function readOr<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Start time of `pid` in clock ticks after boot, or null when no such process is visible. */
export function processStartTicks(pid: number): number | null {
  const text = readOr(() => readFileSync(`/proc/${pid}/stat`, 'utf8'), null);
  if (text === null) return null;
  // Fields after the command name (which may hold spaces and parentheses): state is field 3.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[22 - 3]);
  return Number.isSafeInteger(ticks) ? ticks : null;
}

/** Boot time in ms since the epoch (/proc/stat btime), for turning start ticks into wall time. */
function bootTimeMs(): number | null {
  const m = /^btime (\d+)$/m.exec(readOr(() => readFileSync('/proc/stat', 'utf8'), ''));
  return m ? Number(m[1]) * 1000 : null;
}

export function currentOwner(): LockOwner {
  return {
    pid: process.pid,
    startTicks: processStartTicks(process.pid),
    bootId: readOr(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(), null),
    pidNamespace: readOr(() => readlinkSync('/proc/self/ns/pid'), null),
  };
}

/** CLK_TCK is 100 on every Linux architecture Node supports. */
const TICKS_PER_SECOND = 100;

/**
 * The decision table for a lock found on disk (`mtimeMs`: its last write or heartbeat):
 * | condition                                               | owner      |
 * |---------------------------------------------------------|------------|
 * | boot id recorded and different from ours                | dead       |
 * | pid namespace recorded and different from ours          | foreign (decided by heartbeat) |
 * | no process with that pid                                | dead       |
 * | recorded start time differs from the process's          | dead (pid reused) |
 * | the process started after the lock was last written     | dead (pid reused; old lock files) |
 * | that process is us                                      | self       |
 * | otherwise                                               | alive      |
 */
export function judgeOwner(recorded: LockOwner, self: LockOwner, mtimeMs: number): 'dead' | 'foreign' | 'self' | 'alive' {
  if (recorded.bootId !== null && self.bootId !== null && recorded.bootId !== self.bootId) return 'dead';
  if (recorded.pidNamespace !== null && self.pidNamespace !== null && recorded.pidNamespace !== self.pidNamespace) return 'foreign';
  const ticks = processStartTicks(recorded.pid);
  if (ticks === null) return signalable(recorded.pid) ? 'alive' : 'dead'; // no /proc entry: ask the kernel
  if (recorded.startTicks !== null && recorded.startTicks !== ticks) return 'dead';
  const boot = bootTimeMs();
  if (boot !== null && boot + (ticks * 1000) / TICKS_PER_SECOND > mtimeMs + START_TIME_SLACK_MS) return 'dead';
  return recorded.pid === self.pid ? 'self' : 'alive';
}

/** Waits (bounded) for a foreign lock's heartbeat to stop; true when it did (the owner is gone). */
async function foreignLockIsStale(path: string): Promise<boolean> {
  for (let waited = 0; waited <= LOCK_STALE_MS + LOCK_HEARTBEAT_MS; waited += FOREIGN_POLL_MS) {
    const s = await stat(path).catch(() => null);
    if (s === null || Date.now() - s.mtimeMs > LOCK_STALE_MS) return true;
    await new Promise((r) => setTimeout(r, FOREIGN_POLL_MS));
  }
  return false;
}

/**
 * One process per data dir: two brokers appending to the same segment files would corrupt them.
 * Creates `<dataDir>/.lock` exclusively with the owner's pid, start time, boot id and pid
 * namespace, and refreshes its mtime every LOCK_HEARTBEAT_MS. A lock whose owner is dead
 * (judgeOwner) is taken over; one from another pid namespace (another container sharing the
 * volume) is taken over only once its heartbeat stopped. Returns the release function.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, LOCK_FILE);
  const self = currentOwner();
  for (let attempt = 0; attempt < LOCK_ATTEMPTS_MAX; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(formatLockOwner(self));
      await handle.close();
      const heartbeat = setInterval(() => {
        const now = new Date();
        void utimes(path, now, now).catch(() => undefined);
      }, LOCK_HEARTBEAT_MS);
      heartbeat.unref();
      return async () => {
        clearInterval(heartbeat);
        await unlink(path).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const [text, s] = await Promise.all([readFile(path, 'utf8').catch(() => ''), stat(path).catch(() => null)]);
    const owner = parseLockOwner(text);
    if (owner !== null && s !== null) {
      const verdict = judgeOwner(owner, self, s.mtimeMs);
      if (verdict === 'alive') throw new DataDirLockedError(`data dir ${dataDir} is in use by process ${owner.pid} (${path})`);
      if (verdict === 'foreign' && !(await foreignLockIsStale(path))) {
        throw new DataDirLockedError(`data dir ${dataDir} is in use by process ${owner.pid} in another pid namespace (a container sharing the volume): its lock ${path} is refreshed every ${LOCK_HEARTBEAT_MS} ms`);
      }
    }
    await unlink(path).catch(() => undefined);
  }
  throw new DataDirLockedError(`could not lock data dir ${dataDir} (${path})`);
}
