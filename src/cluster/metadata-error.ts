import type { ErrorCodeName } from '../protocol/generated/error-codes.js';

/**
 * Why a metadata record was refused (by the frame decoder or by `applyRecord`). The code is the
 * Kafka error a request that produced such a record would get; the message names the ids.
 * A refused record leaves the image unchanged; every node refuses it the same way, so the apply
 * loop logs it and goes on.
 */
export interface MetadataError {
  readonly code: ErrorCodeName;
  readonly message: string;
}

export type MetadataResult<T> = { ok: true; value: T } | { ok: false; error: MetadataError };

export function refuse<T>(code: ErrorCodeName, message: string): MetadataResult<T> {
  return { ok: false, error: { code, message } };
}
