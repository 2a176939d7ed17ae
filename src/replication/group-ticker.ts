/**
 * One timer per node for every Raft group on it: each group's RaftTicker registers a callback and
 * one interval calls them all, instead of a timer per partition (1,000 partitions = 1 timer).
 * The timer runs only while some group is registered, and does not keep the process alive.
 */
import type { RaftTicker } from './raft-driver.js';

export class GroupTicker {
  readonly #groups = new Set<() => void>();
  #timer: NodeJS.Timeout | null = null;

  constructor(readonly tickMs: number) {
    if (!(Number.isSafeInteger(tickMs) && tickMs >= 1)) throw new Error(`tickMs must be a positive integer (got ${tickMs})`);
  }

  get groupCount(): number { return this.#groups.size; }

  /** The ticker one group's driver starts. */
  ticker(): RaftTicker {
    return {
      start: (onTick) => {
        const entry = () => onTick();
        this.#groups.add(entry);
        this.#timer ??= setInterval(() => this.#tickAll(), this.tickMs).unref();
        return () => {
          this.#groups.delete(entry);
          if (this.#groups.size === 0 && this.#timer !== null) { clearInterval(this.#timer); this.#timer = null; }
        };
      },
    };
  }

  #tickAll(): void {
    // A copy: a callback may stop its own group (or another) while we iterate.
    for (const onTick of [...this.#groups]) onTick();
  }
}
