/**
 * Assertions are for our own mistakes (a broken invariant), never for the world's input: a
 * failed assertion means continuing could lose acknowledged data, so it throws and is not caught.
 * Untrusted input is handled with error values and Kafka error codes instead.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function assert(condition: unknown, message = 'assertion failed'): asserts condition {
  if (!condition) throw new AssertionError(message);
}
