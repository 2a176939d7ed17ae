/**
 * The journal's operating errors. Callers map them to Kafka error codes in one place
 * (STORAGE → KAFKA_STORAGE_ERROR, OFFSET_OUT_OF_RANGE → OFFSET_OUT_OF_RANGE, CORRUPT_BATCH →
 * CORRUPT_MESSAGE, BATCH_TOO_LARGE → MESSAGE_TOO_LARGE, CLOSED → NOT_LEADER_OR_FOLLOWER or similar,
 * CORRUPT_LOG → KAFKA_STORAGE_ERROR).
 * Broken invariants of our own code are AssertionErrors (src/util/assert.ts), not JournalErrors.
 */
export type JournalErrorCode = 'CORRUPT_BATCH' | 'BATCH_TOO_LARGE' | 'STORAGE' | 'CLOSED' | 'OFFSET_OUT_OF_RANGE'
  // open found damage followed by valid batches (corruption.ts): the partition stays offline
  | 'CORRUPT_LOG';

export class JournalError extends Error {
  override name = 'JournalError';
  readonly code: JournalErrorCode;
  constructor(code: JournalErrorCode, message: string, options?: { cause?: unknown }) {
    super(`${code}: ${message}`, options);
    this.code = code;
  }
}

/** Wraps an I/O failure (ENOSPC, EIO, ...) as a STORAGE error keeping the errno code in the message. */
export function storageError(what: string, cause: unknown): JournalError {
  const errno = (cause as { code?: string } | null)?.code ?? 'unknown';
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new JournalError('STORAGE', `${what} failed (${errno}): ${detail}`, { cause });
}
