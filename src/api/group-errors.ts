import { ErrorCode } from '../protocol/generated/error-codes.js';
import type { GroupError } from '../groups/errors.js';
import type { GroupsService } from '../groups/service.js';
import type { RequestContext } from './handler.js';

/**
 * GroupError names (src/groups/errors.ts) to Kafka error codes, in one table; the group handlers
 * use nothing else. test/api/group-errors.test.ts checks every member.
 */
export const GROUP_ERROR_TO_KAFKA: Readonly<Record<GroupError, number>> = {
  NONE: ErrorCode.NONE,
  COORDINATOR_NOT_AVAILABLE: ErrorCode.COORDINATOR_NOT_AVAILABLE,
  COORDINATOR_LOAD_IN_PROGRESS: ErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
  NOT_COORDINATOR: ErrorCode.NOT_COORDINATOR,
  ILLEGAL_GENERATION: ErrorCode.ILLEGAL_GENERATION,
  INCONSISTENT_GROUP_PROTOCOL: ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
  INVALID_GROUP_ID: ErrorCode.INVALID_GROUP_ID,
  UNKNOWN_MEMBER_ID: ErrorCode.UNKNOWN_MEMBER_ID,
  INVALID_SESSION_TIMEOUT: ErrorCode.INVALID_SESSION_TIMEOUT,
  REBALANCE_IN_PROGRESS: ErrorCode.REBALANCE_IN_PROGRESS,
  MEMBER_ID_REQUIRED: ErrorCode.MEMBER_ID_REQUIRED,
  FENCED_INSTANCE_ID: ErrorCode.FENCED_INSTANCE_ID,
  GROUP_ID_NOT_FOUND: ErrorCode.GROUP_ID_NOT_FOUND,
  NON_EMPTY_GROUP: ErrorCode.NON_EMPTY_GROUP,
  GROUP_SUBSCRIBED_TO_TOPIC: ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC,
  UNKNOWN_TOPIC_OR_PARTITION: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  OFFSET_METADATA_TOO_LARGE: ErrorCode.OFFSET_METADATA_TOO_LARGE,
  UNSTABLE_OFFSET_COMMIT: ErrorCode.UNSTABLE_OFFSET_COMMIT,
  GROUP_MAX_SIZE_REACHED: ErrorCode.GROUP_MAX_SIZE_REACHED,
  REQUEST_TIMED_OUT: ErrorCode.REQUEST_TIMED_OUT,
};

export function groupErrorCode(error: GroupError): number {
  return GROUP_ERROR_TO_KAFKA[error];
}

/** The node's coordinator, or null while the groups layer is not up (answer COORDINATOR_NOT_AVAILABLE). */
export function groupsOf(ctx: RequestContext): GroupsService | null {
  return ctx.broker.groups ?? null;
}

/** Kafka's "authorized operations not requested" value (INT32_MIN). */
export const AUTHORIZED_OPERATIONS_OMITTED = -2147483648;

/**
 * A JoinGroup or SyncGroup may wait for a whole rebalance. When the connection closes or the
 * broker shuts down (ctx.signal), answer at once with `aborted()` instead of holding the graceful
 * shutdown; the group keeps its state and the client finds the coordinator again.
 */
export function unlessAborted<T>(pending: Promise<T>, signal: AbortSignal, aborted: () => T): Promise<T> {
  if (signal.aborted) return Promise.resolve(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => resolve(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
