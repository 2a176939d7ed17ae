/**
 * A FileLayer that keeps the number of open segment descriptors under a budget, whatever the
 * number of partitions and segments: files opened through it are handles that open on demand and
 * close when least recently used. Without it every segment of every partition held a descriptor,
 * and a node with ~1,000 partitions hit the process's fd limit (EMFILE) on create or restart.
 *
 * - A handle that is in use (an operation in flight) is never closed; when every open handle is in
 *   use the budget is exceeded for as long as those operations last (bounded by in-flight requests).
 * - Closing a handle that wrote since its last fdatasync syncs it first, so durability does not
 *   depend on which descriptor the next fdatasync goes through. A failed sync there is kept and
 *   thrown by the handle's next datasync(), as the kernel would report it.
 * - unlink() of a path whose handle is registered reopens it and keeps it open until close(): a
 *   segment deleted by retention stays readable by the reads still holding it (segment.ts).
 */
import type { FileLayer, JournalFile } from './file-layer.js';

/** A budget for callers that do not derive one from the process's fd limit (tests, tools). */
export const FILES_OPEN_MAX_DEFAULT = 1024;

/** Descriptors used for one call only (small files, directory fsyncs) open at once; see broker/fd-budget.ts FD_RESERVE. */
export const TRANSIENT_FILES_MAX = 32;

export interface FileHandleStats { open: number; opensTotal: number; evictionsTotal: number; filesOpenMax: number }

export class FileHandleCache implements FileLayer {
  readonly filesOpenMax: number;
  readonly #inner: FileLayer;
  /** Open handles, least recently used first (Map iteration order = insertion order). */
  readonly #lru = new Map<LazyFile, true>();
  /** Every live (not closed) handle by path, for unlink. */
  readonly #byPath = new Map<string, Set<LazyFile>>();
  #opensTotal = 0;
  #evictionsTotal = 0;
  /** Opens under way: they count against the budget before they land in #lru. */
  #opening = 0;
  #transientRunning = 0;
  readonly #transientWaiters: Array<() => void> = [];

  constructor(inner: FileLayer, options: { filesOpenMax: number }) {
    if (!(Number.isInteger(options.filesOpenMax) && options.filesOpenMax >= 1)) throw new Error(`filesOpenMax must be a positive integer, got ${options.filesOpenMax}`);
    this.#inner = inner;
    this.filesOpenMax = options.filesOpenMax;
  }

  stats(): FileHandleStats {
    return { open: this.#lru.size, opensTotal: this.#opensTotal, evictionsTotal: this.#evictionsTotal, filesOpenMax: this.filesOpenMax };
  }

  /** Opens (creating when asked) so a missing file fails here; later reopens never create. */
  async open(path: string, create: boolean): Promise<JournalFile> {
    const file = new LazyFile(this, path);
    await file.openNow(create);
    let set = this.#byPath.get(path);
    if (set === undefined) this.#byPath.set(path, (set = new Set()));
    set.add(file);
    return file;
  }

  // Calls that open a descriptor for their own duration only: at most TRANSIENT_FILES_MAX at once,
  // so a burst over many partitions (shutdown writing every marker) cannot reach the fd limit.
  readFile(path: string): Promise<Buffer> { return this.#transient(() => this.#inner.readFile(path)); }
  writeFileAtomic(path: string, data: Buffer): Promise<void> { return this.#transient(() => this.#inner.writeFileAtomic(path, data)); }
  readdir(path: string): Promise<string[]> { return this.#transient(() => this.#inner.readdir(path)); }
  mkdirp(path: string): Promise<void> { return this.#inner.mkdirp(path); }
  rmrf(path: string): Promise<void> { return this.#transient(() => this.#inner.rmrf(path)); }
  exists(path: string): Promise<boolean> { return this.#inner.exists(path); }
  fsyncDir(path: string): Promise<void> { return this.#transient(() => this.#inner.fsyncDir(path)); }

  async #transient<T>(fn: () => Promise<T>): Promise<T> {
    while (this.#transientRunning >= TRANSIENT_FILES_MAX) await new Promise<void>((resolve) => this.#transientWaiters.push(resolve));
    this.#transientRunning++;
    try {
      return await fn();
    } finally {
      this.#transientRunning--;
      this.#transientWaiters.shift()?.();
    }
  }

  async unlink(path: string): Promise<void> {
    for (const f of this.#byPath.get(path) ?? []) await f.pinOpen();
    await this.#inner.unlink(path);
  }

  // ---- used by LazyFile ----

  /** Opens `path` through the inner layer after making room under the budget. */
  async innerOpen(path: string, create: boolean): Promise<JournalFile> {
    this.#opening++;
    try {
      await this.#makeRoom();
      this.#opensTotal++;
      return await this.#inner.open(path, create);
    } finally {
      this.#opening--;
    }
  }

  touched(file: LazyFile): void {
    this.#lru.delete(file);
    this.#lru.set(file, true);
  }

  closedHandle(file: LazyFile): void {
    this.#lru.delete(file);
  }

  forget(file: LazyFile): void {
    this.#lru.delete(file);
    const set = this.#byPath.get(file.path);
    set?.delete(file);
    if (set?.size === 0) this.#byPath.delete(file.path);
  }

  /**
   * After an operation: handles opened while every other one was busy put the set over budget;
   * close idle ones now rather than at the next open. Errors stay with the handle (see evict).
   */
  released(): void {
    if (this.#lru.size + this.#opening > this.filesOpenMax) void this.#makeRoom().catch(() => undefined);
  }

  async #makeRoom(): Promise<void> {
    // Evict idle handles, oldest first, until the budget holds (counting opens under way);
    // busy and pinned ones are skipped.
    let over = this.#lru.size + this.#opening - this.filesOpenMax;
    for (const file of [...this.#lru.keys()]) {
      if (over <= 0) break;
      if (!file.evictable) continue;
      over--;
      this.#evictionsTotal++;
      await file.evict();
    }
  }
}

/** A segment file whose descriptor the cache may close between operations. */
class LazyFile implements JournalFile {
  readonly path: string;
  readonly #cache: FileHandleCache;
  #handle: JournalFile | null = null;
  #opening: Promise<JournalFile> | null = null;
  #closing: Promise<void> | null = null;
  #inflight = 0;
  #pinned = false;
  #closed = false;
  /**
   * Writes (and truncates) started, and the count covered by the last successful fdatasync. Starts
   * at 1: a file opened here may hold bytes an earlier process wrote and never synced (recovery
   * syncs them), so its first sync, or its first eviction, always reaches the disk.
   */
  #writesStarted = 1;
  #writesSynced = 0;
  #syncError: unknown = null;

  constructor(cache: FileHandleCache, path: string) {
    this.#cache = cache;
    this.path = path;
  }

  get evictable(): boolean {
    return this.#handle !== null && this.#inflight === 0 && !this.#pinned && this.#closing === null;
  }

  async openNow(create: boolean): Promise<void> {
    this.#handle = await this.#cache.innerOpen(this.path, create);
    this.#cache.touched(this);
  }

  async pinOpen(): Promise<void> {
    if (this.#closed) return;
    this.#pinned = true;
    await this.#acquire();
    this.#inflight--;
  }

  read(buf: Buffer, offset: number, length: number, position: number): Promise<number> {
    return this.#use((h) => h.read(buf, offset, length, position));
  }

  writeAll(buffers: Buffer[], position: number): Promise<void> {
    this.#writesStarted++;
    return this.#use((h) => h.writeAll(buffers, position));
  }

  truncate(length: number): Promise<void> {
    this.#writesStarted++;
    return this.#use((h) => h.truncate(length));
  }

  size(): Promise<number> {
    return this.#use((h) => h.size());
  }

  async datasync(): Promise<void> {
    if (this.#syncError !== null) {
      const err = this.#syncError;
      this.#syncError = null;
      throw err;
    }
    const covering = this.#writesStarted;
    // Closed by eviction after a sync and not written since: nothing to sync, no reopen needed.
    if (this.#handle === null && this.#opening === null && covering === this.#writesSynced) return;
    await this.#use((h) => h.datasync());
    if (covering > this.#writesSynced) this.#writesSynced = covering;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#cache.forget(this);
    await this.#closing;
    const h = this.#handle ?? (this.#opening ? await this.#opening.catch(() => null) : null);
    this.#handle = null;
    if (h !== null) await h.close();
  }

  /** Called by the cache on an evictable handle: sync what was written, then close. */
  async evict(): Promise<void> {
    const h = this.#handle!;
    this.#handle = null;
    this.#cache.closedHandle(this);
    this.#closing = (async () => {
      const covering = this.#writesStarted;
      if (covering > this.#writesSynced) {
        try {
          await h.datasync();
          this.#writesSynced = covering;
        } catch (err) {
          this.#syncError ??= err;
        }
      }
      await h.close().catch(() => undefined);
    })();
    try {
      await this.#closing;
    } finally {
      this.#closing = null;
    }
  }

  async #use<T>(op: (h: JournalFile) => Promise<T>): Promise<T> {
    const h = await this.#acquire();
    try {
      return await op(h);
    } finally {
      this.#inflight--;
      if (this.#inflight === 0) this.#cache.released();
    }
  }

  /** The open handle, reopening it if the cache closed it; counts one operation in flight. */
  async #acquire(): Promise<JournalFile> {
    if (this.#closed) throw Object.assign(new Error(`${this.path}: file is closed`), { code: 'EBADF' });
    this.#inflight++;
    try {
      while (this.#handle === null) {
        if (this.#closing !== null) { await this.#closing; continue; }
        if (this.#opening === null) {
          this.#opening = this.#cache.innerOpen(this.path, false);
          try {
            const h = await this.#opening;
            if (this.#closed) { await h.close(); throw Object.assign(new Error(`${this.path}: file is closed`), { code: 'EBADF' }); }
            this.#handle = h;
          } finally {
            this.#opening = null;
          }
        } else {
          await this.#opening.catch(() => undefined);
        }
      }
    } catch (err) {
      this.#inflight--;
      throw err;
    }
    this.#cache.touched(this);
    return this.#handle;
  }
}
