/**
 * The node-wide budget of request bytes held in memory (Kafka's queued.max.request.bytes and its
 * MemoryPool). A connection reserves a frame's whole size from its 4-byte header before reading
 * the body, and releases it when the response has left. Nothing is allocated on reservation: the
 * bytes are buffered as they arrive, so a header claiming 100 MiB costs nothing until 100 MiB come.
 *
 * All-or-nothing reservation is what keeps honest clients from deadlocking: a connection that
 * holds a reservation is never paused for memory, so its frame always completes, while one that
 * could not reserve stops reading its socket (TCP backpressure) and waits for a release. A client
 * that reserves and then stalls is cut by the frame deadline (Connection), which frees its bytes.
 */
export class RequestMemoryPool {
  readonly #bytesMax: number;
  #reservedBytes = 0;
  #waiters = new Set<() => void>();

  constructor(bytesMax: number) {
    this.#bytesMax = bytesMax;
  }

  get reservedBytes(): number {
    return this.#reservedBytes;
  }

  /** Reserves `bytes` if they fit under the bound; false means wait (`whenReleased`) and retry. */
  tryReserve(bytes: number): boolean {
    if (this.#reservedBytes + bytes > this.#bytesMax) return false;
    this.#reservedBytes += bytes;
    return true;
  }

  release(bytes: number): void {
    if (bytes === 0) return;
    this.#reservedBytes -= bytes;
    // Every waiter retries, oldest first; one that still does not fit registers again. Deferred to
    // a microtask so a connection releasing bytes mid-flush is not re-entered by its own waiter.
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    if (waiters.length > 0) queueMicrotask(() => { for (const waiter of waiters) waiter(); });
  }

  /** Calls `waiter` once, at the next release. */
  whenReleased(waiter: () => void): void {
    this.#waiters.add(waiter);
  }

  cancel(waiter: () => void): void {
    this.#waiters.delete(waiter);
  }
}
