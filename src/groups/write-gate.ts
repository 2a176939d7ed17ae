/**
 * Serialises compaction against ordinary writes of one `__consumer_offsets` partition. Ordinary
 * writes (commits, group metadata, tombstones) run concurrently through `run`, each counted from
 * before its append until after its result is applied in memory. `exclusive` waits for those to
 * finish and holds new ones back while it runs, so a compaction snapshot built from memory covers
 * every record already in the log and deleting the log before the snapshot loses nothing.
 */
export class WriteGate {
  #inflight = 0;
  #idleWaiters: Array<() => void> = [];
  #closed: Promise<void> | null = null;

  async run<T>(fn: () => Promise<T>): Promise<T> {
    while (this.#closed !== null) await this.#closed;
    this.#inflight++;
    try {
      return await fn();
    } finally {
      this.#inflight--;
      if (this.#inflight === 0) for (const w of this.#idleWaiters.splice(0)) w();
    }
  }

  /** Runs fn with no ordinary write in flight; returns null if another exclusive run is active. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T | null> {
    if (this.#closed !== null) return null;
    let open!: () => void;
    this.#closed = new Promise<void>((resolve) => (open = resolve));
    try {
      if (this.#inflight > 0) await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
      return await fn();
    } finally {
      this.#closed = null;
      open();
    }
  }
}
