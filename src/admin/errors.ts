/**
 * Stable error codes of the admin HTTP API, in one table (fastify's FST_ERR_* habit): code → HTTP
 * status and what it means. Every error body is `{ error: { code, message, field? } }`. The README's
 * "Operating Canopy" section lists the same codes; test/admin/errors.test.ts checks they agree.
 */
export const adminErrors = {
  CANOPY_ERR_INVALID_REQUEST: { status: 400, meaning: 'A parameter, query or body field is missing or invalid; `field` names it.' },
  CANOPY_ERR_ROUTE_NOT_FOUND: { status: 404, meaning: 'No such path or method.' },
  CANOPY_ERR_TOPIC_NOT_FOUND: { status: 404, meaning: 'The topic does not exist.' },
  CANOPY_ERR_TOPIC_EXISTS: { status: 409, meaning: 'A topic with that name already exists.' },
  CANOPY_ERR_TOPIC_INVALID: { status: 400, meaning: 'The broker refused the topic name, partition count or a config value.' },
  CANOPY_ERR_HOST_NOT_ALLOWED: { status: 403, meaning: 'The Host header is not an address of the admin listener nor a name in `adminAllowedHosts` (a guard against DNS rebinding).' },
  CANOPY_ERR_GROUP_NOT_FOUND: { status: 404, meaning: 'The consumer group does not exist.' },
  CANOPY_ERR_GROUP_NOT_EMPTY: { status: 409, meaning: 'The group has active members; stop its consumers first.' },
  CANOPY_ERR_GROUPS_UNAVAILABLE: { status: 503, meaning: 'The group coordinator is not running on this node.' },
  CANOPY_ERR_NOT_READY: { status: 503, meaning: 'The node is not ready yet (journal recovery or the Kafka listener pending).' },
  CANOPY_ERR_PAYLOAD_TOO_LARGE: { status: 413, meaning: 'The request body is larger than the admin body limit.' },
  CANOPY_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, meaning: 'The request body is not JSON.' },
  CANOPY_ERR_INTERNAL: { status: 500, meaning: 'An unexpected failure; the broker log has details.' },
} as const;

export type AdminErrorCode = keyof typeof adminErrors;

export interface AdminErrorBody {
  error: { code: AdminErrorCode; message: string; field?: string };
}

export function errorBody(code: AdminErrorCode, message: string, field?: string): AdminErrorBody {
  return { error: field === undefined ? { code, message } : { code, message, field } };
}

/** Thrown inside route handlers and turned into a JSON error reply by the app's error handler. */
export class AdminError extends Error {
  readonly code: AdminErrorCode;
  readonly field: string | undefined;
  constructor(code: AdminErrorCode, message: string, field?: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
  get statusCode(): number {
    return adminErrors[this.code].status;
  }
}
