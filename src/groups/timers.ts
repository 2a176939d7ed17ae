/**
 * The clock and timers the group state machine uses, injected so that unit tests drive session
 * timeouts, rebalance timeouts and the initial rebalance delay deterministically (ManualTimers)
 * while the real coordinator uses Node's timers (realTimers).
 */
export interface TimerHandle {
  readonly id: number;
}

export interface Timers {
  /** Milliseconds since the epoch (commit timestamps, expiry) as Date.now() would return. */
  now(): number;
  set(delayMs: number, fn: () => void): TimerHandle;
  clear(handle: TimerHandle | null): void;
}

/** Real timers. Timers are unref'd: a pending session timeout must not keep a process alive. */
export function realTimers(): Timers {
  const live = new Map<number, NodeJS.Timeout>();
  let nextId = 1;
  return {
    now: () => Date.now(),
    set(delayMs, fn) {
      const id = nextId++;
      const t = setTimeout(() => {
        live.delete(id);
        fn();
      }, Math.max(0, delayMs));
      t.unref();
      live.set(id, t);
      return { id };
    },
    clear(handle) {
      if (handle === null) return;
      const t = live.get(handle.id);
      if (t !== undefined) clearTimeout(t);
      live.delete(handle.id);
    },
  };
}

/**
 * Deterministic timers for tests: time moves only when advance() is called, and due timers fire
 * in deadline order (ties in creation order), each seeing now() equal to its own deadline.
 */
export class ManualTimers implements Timers {
  #nowMs: number;
  #nextId = 1;
  #pending = new Map<number, { dueMs: number; fn: () => void }>();

  constructor(startMs = 1_700_000_000_000) {
    this.#nowMs = startMs;
  }

  now(): number {
    return this.#nowMs;
  }

  set(delayMs: number, fn: () => void): TimerHandle {
    const id = this.#nextId++;
    this.#pending.set(id, { dueMs: this.#nowMs + Math.max(0, delayMs), fn });
    return { id };
  }

  clear(handle: TimerHandle | null): void {
    if (handle !== null) this.#pending.delete(handle.id);
  }

  get pendingCount(): number {
    return this.#pending.size;
  }

  /** Moves time forward by deltaMs, firing every timer that falls due on the way. */
  advance(deltaMs: number): void {
    const targetMs = this.#nowMs + deltaMs;
    for (;;) {
      let nextId = -1;
      let nextDue = Infinity;
      for (const [id, p] of this.#pending) {
        if (p.dueMs <= targetMs && (p.dueMs < nextDue || (p.dueMs === nextDue && id < nextId))) {
          nextId = id;
          nextDue = p.dueMs;
        }
      }
      if (nextId < 0) break;
      const p = this.#pending.get(nextId)!;
      this.#pending.delete(nextId);
      this.#nowMs = Math.max(this.#nowMs, p.dueMs);
      p.fn();
    }
    this.#nowMs = targetMs;
  }
}
