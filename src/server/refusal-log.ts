import type { Logger } from 'pino';
import type { ErrorAnswer } from './response-errors.js';

/** Lines per (API, error) key per window; the rest are counted and reported with the next line. */
export const REFUSAL_LINES_PER_WINDOW_MAX = 5;
export const REFUSAL_WINDOW_MS = 60_000;

/**
 * Error codes that are steps of the group protocol itself, not refusals an operator acts on:
 * every consumer start sees MEMBER_ID_REQUIRED, every rebalance REBALANCE_IN_PROGRESS. Counted in
 * metrics like the rest, logged at debug.
 */
const PROTOCOL_STEPS = new Set(['MEMBER_ID_REQUIRED', 'REBALANCE_IN_PROGRESS']);

/** What the line tells about the request; client id and peer find the client. */
export interface RefusedRequest {
  api: string;
  clientId: string | null;
  peer: string;
}

/**
 * Logs the error answers a response carries: one line per (API, error) per response, naming the
 * client, the first topic/partition and how many answers had that error. Rate-limited per key so
 * a client retrying a refused Produce in a loop cannot flood the log: at most
 * REFUSAL_LINES_PER_WINDOW_MAX lines per key per REFUSAL_WINDOW_MS, the next line after that says
 * how many were suppressed. Keys are API × error names, both closed sets, so the map is bounded.
 * Produce refusals are warn (data a client wanted stored was not); others info.
 */
export class RefusalLog {
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #windows = new Map<string, { startMs: number; lines: number; suppressed: number }>();

  constructor(logger: Logger, now: () => number = Date.now) {
    this.#logger = logger;
    this.#now = now;
  }

  answered(request: RefusedRequest, answers: readonly ErrorAnswer[]): void {
    const byError = new Map<string, ErrorAnswer[]>();
    for (const a of answers) {
      const list = byError.get(a.error);
      if (list === undefined) byError.set(a.error, [a]);
      else list.push(a);
    }
    for (const [error, list] of byError) this.#line(request, error, list);
  }

  #line(request: RefusedRequest, error: string, answers: ErrorAnswer[]): void {
    const key = `${request.api} ${error}`;
    const nowMs = this.#now();
    let w = this.#windows.get(key);
    if (w === undefined || nowMs - w.startMs >= REFUSAL_WINDOW_MS) {
      const suppressed = w?.suppressed ?? 0;
      w = { startMs: nowMs, lines: 0, suppressed };
      this.#windows.set(key, w);
    }
    if (w.lines >= REFUSAL_LINES_PER_WINDOW_MAX) {
      w.suppressed++;
      return;
    }
    w.lines++;
    const first = answers[0]!;
    const fields: Record<string, unknown> = { api: request.api, error, clientId: request.clientId, peer: request.peer, answers: answers.length };
    if (first.topic !== undefined) fields.topic = first.topic;
    if (first.partition !== undefined) fields.partition = first.partition;
    if (first.message !== undefined && first.message !== null) fields.errorMessage = first.message;
    if (w.suppressed > 0) {
      fields.suppressed = w.suppressed;
      w.suppressed = 0;
    }
    const message = `${request.api} refused: ${error}${fields.suppressed === undefined ? '' : ` (${String(fields.suppressed)} similar suppressed)`}`;
    if (PROTOCOL_STEPS.has(error)) this.#logger.debug(fields, message);
    else if (request.api === 'Produce') this.#logger.warn(fields, message);
    else this.#logger.info(fields, message);
  }
}
