/**
 * Internal error kinds of the partition layer (the door from api/ to the log). api/errors.ts maps
 * each to one Kafka error code; nothing below api/ knows Kafka codes.
 */
export type PartitionErrorCode =
  | 'OUT_OF_ORDER_SEQUENCE' // idempotent producer: a sequence gap
  | 'INVALID_PRODUCER_EPOCH' // idempotent producer: a fenced (older) epoch
  | 'INVALID_RECORD' // batch shape refused (e.g. producerId set but baseSequence < 0) or a record inside it malformed
  | 'INVALID_TIMESTAMP' // a record's timestamp outside the topic's message.timestamp.*.ms bounds
  | 'CORRUPT' // CRC or framing of a batch is wrong
  | 'TOO_LARGE' // batch larger than max.message.bytes, or more records / decompressed bytes than the limits
  | 'OFFSET_OUT_OF_RANGE' // a read or delete outside [logStartOffset, logEndOffset]
  | 'STORAGE' // disk error
  | 'TIMEOUT' // the append did not finish within the request's timeout
  | 'NOT_LEADER' // a replicated partition: this node is not its leader, or lost leadership before the append committed
  | 'SHUTTING_DOWN' // the partition is closing or was deleted
  | 'READ_ONLY'; // a learner's copy: Produce goes to the root

/** Produce v8+'s per-record detail: which record of the batch was refused, and why. */
export interface PartitionRecordError {
  batchIndex: number;
  message: string;
}

export class PartitionError extends Error {
  override name = 'PartitionError';
  readonly recordErrors: readonly PartitionRecordError[];
  constructor(readonly code: PartitionErrorCode, message: string, options?: { cause?: unknown; recordErrors?: readonly PartitionRecordError[] }) {
    super(message, options);
    this.recordErrors = options?.recordErrors ?? [];
  }
}

export const PARTITION_ERROR_CODES: readonly PartitionErrorCode[] = [
  'OUT_OF_ORDER_SEQUENCE', 'INVALID_PRODUCER_EPOCH', 'INVALID_RECORD', 'INVALID_TIMESTAMP', 'CORRUPT', 'TOO_LARGE',
  'OFFSET_OUT_OF_RANGE', 'STORAGE', 'TIMEOUT', 'NOT_LEADER', 'SHUTTING_DOWN', 'READ_ONLY',
];
