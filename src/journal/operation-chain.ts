/**
 * The one chain of exclusive operations of a partition log: an append group, a truncation, a
 * deletion, retention, a flush, close. Each starts after the previous one settles, so they happen in
 * call order; a failed one does not stop the chain.
 */
export class OperationChain {
  #tail: Promise<void> = Promise.resolve();

  /** Runs `fn` after everything queued before it; its result or error goes to this caller only. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(fn);
    this.#tail = run.then(() => undefined, () => undefined);
    return run;
  }

  /** Settles when everything queued so far has run. */
  idle(): Promise<void> { return this.#tail; }
}
