import { ErrorCode } from '../protocol/generated/error-codes.js';
import { TopicError, type TopicErrorCode } from '../cluster/topic-store.js';
import { PartitionError, type PartitionErrorCode } from '../replication/partition.js';
import type { Broker } from './broker.js';

/**
 * The one place where internal error kinds become Kafka error codes (STYLE.md habit 8). Layers
 * below api/ throw small typed errors; handlers call kafkaErrorOf() and never pick codes for
 * internal errors themselves. test/api/errors.test.ts covers every member of every enum.
 */
export const TOPIC_ERROR_TO_KAFKA: Readonly<Record<TopicErrorCode, number>> = {
  TOPIC_EXISTS: ErrorCode.TOPIC_ALREADY_EXISTS,
  UNKNOWN_TOPIC: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  INVALID_TOPIC: ErrorCode.INVALID_TOPIC_EXCEPTION,
  INVALID_PARTITIONS: ErrorCode.INVALID_PARTITIONS,
  INVALID_CONFIG: ErrorCode.INVALID_CONFIG,
  INVALID_REPLICATION_FACTOR: ErrorCode.INVALID_REPLICATION_FACTOR,
};

export const PARTITION_ERROR_TO_KAFKA: Readonly<Record<PartitionErrorCode, number>> = {
  OUT_OF_ORDER_SEQUENCE: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
  INVALID_PRODUCER_EPOCH: ErrorCode.INVALID_PRODUCER_EPOCH,
  INVALID_RECORD: ErrorCode.INVALID_RECORD,
  INVALID_TIMESTAMP: ErrorCode.INVALID_TIMESTAMP,
  CORRUPT: ErrorCode.CORRUPT_MESSAGE,
  TOO_LARGE: ErrorCode.MESSAGE_TOO_LARGE,
  OFFSET_OUT_OF_RANGE: ErrorCode.OFFSET_OUT_OF_RANGE,
  STORAGE: ErrorCode.KAFKA_STORAGE_ERROR,
  TIMEOUT: ErrorCode.REQUEST_TIMED_OUT,
  // The client refreshes metadata and retries on the leader (an idempotent producer's retry of an
  // append whose fate is unknown is deduplicated there).
  NOT_LEADER: ErrorCode.NOT_LEADER_OR_FOLLOWER,
  // Retriable: the client refreshes metadata and retries, which is right for a closing partition.
  SHUTTING_DOWN: ErrorCode.NOT_LEADER_OR_FOLLOWER,
  // Not NOT_LEADER_OR_FOLLOWER: Metadata names the learner as leader, so a retriable code would
  // make the client refresh, come back here and retry until its retries run out. Non-retriable,
  // with a message naming the learner, the producer fails at once and says why.
  READ_ONLY: ErrorCode.POLICY_VIOLATION,
};

export interface KafkaErrorInfo {
  code: number;
  message: string;
  /** False for errors that are not one of our typed kinds (a bug): callers log these loudly. */
  expected: boolean;
}

/**
 * The answer for a partition the node holds no open Partition for: KAFKA_STORAGE_ERROR (with the
 * reason) when it exists but is offline (damaged journal), else UNKNOWN_TOPIC_OR_PARTITION.
 */
export function missingPartitionError(broker: Broker, topic: string, index: number): KafkaErrorInfo {
  const offline = broker.partitions.offlineError(topic, index);
  if (offline !== undefined) return kafkaErrorOf(offline);
  return { code: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, message: `${topic}-${index} does not exist`, expected: true };
}

export function kafkaErrorOf(err: unknown): KafkaErrorInfo {
  if (err instanceof TopicError) return { code: TOPIC_ERROR_TO_KAFKA[err.code], message: err.message, expected: true };
  if (err instanceof PartitionError) return { code: PARTITION_ERROR_TO_KAFKA[err.code], message: err.message, expected: true };
  return { code: ErrorCode.UNKNOWN_SERVER_ERROR, message: err instanceof Error ? err.message : String(err), expected: false };
}
