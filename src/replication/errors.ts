/**
 * Internal error kinds of the partition layer (the door from api/ to the log). api/errors.ts maps
 * each to one Kafka error code; nothing below api/ knows Kafka codes.
 */
export type PartitionErrorCode =
  | 'OUT_OF_ORDER_SEQUENCE' // idempotent producer: a sequence gap
  | 'INVALID_PRODUCER_EPOCH' // idempotent producer: a fenced (older) epoch
  | 'INVALID_RECORD' // batch shape refused (e.g. producerId set but baseSequence < 0)
  | 'CORRUPT' // CRC or framing of a batch is wrong
  | 'TOO_LARGE' // batch larger than the topic's max.message.bytes
  | 'OFFSET_OUT_OF_RANGE' // a read or delete outside [logStartOffset, logEndOffset]
  | 'STORAGE' // disk error
  | 'TIMEOUT' // the append did not finish within the request's timeout
  | 'SHUTTING_DOWN'; // the partition is closing or was deleted

export class PartitionError extends Error {
  override name = 'PartitionError';
  constructor(readonly code: PartitionErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export const PARTITION_ERROR_CODES: readonly PartitionErrorCode[] = [
  'OUT_OF_ORDER_SEQUENCE', 'INVALID_PRODUCER_EPOCH', 'INVALID_RECORD', 'CORRUPT', 'TOO_LARGE',
  'OFFSET_OUT_OF_RANGE', 'STORAGE', 'TIMEOUT', 'SHUTTING_DOWN',
];
