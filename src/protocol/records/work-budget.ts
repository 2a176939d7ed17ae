/**
 * How much record walking one event-loop turn may do. A compressed batch can inflate to millions
 * of tiny records; walking them in one go would hold up every other connection, so long walks
 * (produce validation, timestamp lookups) stop after RECORDS_PER_TURN records and resume on the
 * next turn.
 */
export const RECORDS_PER_TURN = 65_536;

/** Resolves on the next turn of the event loop, after pending I/O callbacks have run. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
