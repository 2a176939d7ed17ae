/**
 * The one error type for untrusted record bytes (batches from producers, peers or disk). Callers
 * map it to a Kafka error code (CORRUPT_MESSAGE / INVALID_RECORD) at the API layer; it is never
 * an assertion, because the bytes come from the world, not from our own invariants.
 */
export type RecordDecodeReason =
  | 'truncated'
  | 'bad-length'
  | 'bad-magic'
  | 'bad-crc'
  | 'bad-varint'
  | 'bad-record'
  | 'trailing-bytes'
  | 'compression-corrupt'
  | 'too-large'
  | 'unsupported-compression';

export class RecordDecodeError extends Error {
  override name = 'RecordDecodeError';
  readonly reason: RecordDecodeReason;

  constructor(reason: RecordDecodeReason, message: string, options?: { cause?: unknown }) {
    super(`${reason}: ${message}`, options);
    this.reason = reason;
  }
}
