import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { FrameDecoder } from './frame-decoder.js';

/**
 * What the connection asks of the layer above for each frame. `dispatch` is called synchronously
 * in frame order (so handlers can enqueue appends in request order) and its promise resolves to
 * the encoded response (size prefix included), null for no response (acks=0), or a close request.
 * It must never reject; a rejection is treated as a bug and closes the connection.
 */
export interface FrameDispatcher {
  dispatch(frame: Buffer, connection: ConnectionInfo): Promise<DispatchOutcome>;
}

export type DispatchOutcome = { kind: 'respond'; chunks: Buffer[] } | { kind: 'none' } | { kind: 'close'; reason: string };

export interface ConnectionInfo {
  /** "host:port" of the client. */
  readonly peer: string;
  readonly clientHost: string;
  /** Aborts when the connection closes or the broker shuts down. */
  readonly signal: AbortSignal;
}

interface Slot {
  outcome: DispatchOutcome | null;
  frameBytes: number;
}

/**
 * One client connection: frames in, responses out in request order. Requests are dispatched as
 * they arrive (so a long-polling Fetch does not delay decoding the next request) but responses
 * leave strictly in order. At most `inflightMax` requests and `inflightBytesMax` request bytes are
 * outstanding (the byte bound may be passed by the one frame that crosses it); past either the
 * socket is paused (TCP backpressure) until responses leave.
 * A framing error closes only this connection.
 */
export class Connection implements ConnectionInfo {
  readonly peer: string;
  readonly clientHost: string;
  readonly #socket: Socket;
  readonly #decoder: FrameDecoder;
  readonly #dispatcher: FrameDispatcher;
  readonly #logger: Logger;
  readonly #inflightMax: number;
  readonly #inflightBytesMax: number;
  #inflightBytes = 0;
  readonly #abort = new AbortController();
  readonly #queue: Slot[] = [];
  #draining = false; // shutdown: accept no new frames
  #closed = false;
  #idleWaiters: Array<() => void> = [];

  constructor(socket: Socket, options: { frameBytesMax: number; inflightMax: number; inflightBytesMax: number; idleMsMax: number; dispatcher: FrameDispatcher; logger: Logger }) {
    this.#socket = socket;
    this.clientHost = socket.remoteAddress ?? 'unknown';
    this.peer = `${this.clientHost}:${socket.remotePort ?? 0}`;
    this.#decoder = new FrameDecoder(options.frameBytesMax);
    this.#dispatcher = options.dispatcher;
    this.#logger = options.logger;
    this.#inflightMax = options.inflightMax;
    this.#inflightBytesMax = options.inflightBytesMax;
    socket.setNoDelay(true);
    socket.setTimeout(options.idleMsMax, () => {
      if (this.#queue.length === 0) this.close(`idle for ${options.idleMsMax} ms`);
    });
    socket.on('data', (chunk: Buffer) => {
      this.#decoder.push(chunk);
      this.#pumpFrames();
    });
    socket.on('drain', () => this.#pumpFrames());
    socket.on('error', (err) => this.#logger.debug({ peer: this.peer, err: err.message }, 'connection error'));
    socket.on('close', () => this.#onClosed());
  }

  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  get inflight(): number {
    return this.#queue.length;
  }

  /** Shutdown: stop reading, end long-polls, let in-flight requests answer, then close. */
  async drain(graceMs: number): Promise<void> {
    this.#draining = true;
    this.#socket.pause();
    this.#abort.abort();
    if (this.#queue.length > 0) {
      await Promise.race([
        new Promise<void>((resolve) => this.#idleWaiters.push(resolve)),
        new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
      ]);
    }
    this.close(null);
  }

  close(reason: string | null): void {
    if (this.#closed) return;
    if (reason) this.#logger.warn({ peer: this.peer, reason }, 'closing connection');
    this.#closed = true;
    this.#abort.abort();
    this.#socket.end();
    this.#socket.destroySoon();
  }

  #onClosed(): void {
    this.#closed = true;
    this.#abort.abort();
    this.#queue.length = 0;
    this.#inflightBytes = 0;
    for (const w of this.#idleWaiters.splice(0)) w();
  }

  #full(): boolean {
    return this.#queue.length >= this.#inflightMax || this.#inflightBytes >= this.#inflightBytesMax || this.#socket.writableNeedDrain;
  }

  #pumpFrames(): void {
    while (!this.#closed && !this.#draining && !this.#full()) {
      const next = this.#decoder.next();
      if (next.kind === 'need-more') break;
      if (next.kind === 'error') {
        this.close(next.reason);
        return;
      }
      const slot: Slot = { outcome: null, frameBytes: next.frame.length };
      this.#queue.push(slot);
      this.#inflightBytes += slot.frameBytes;
      let promise: Promise<DispatchOutcome>;
      try {
        promise = this.#dispatcher.dispatch(next.frame, this);
      } catch (err) {
        promise = Promise.reject(err);
      }
      promise.then(
        (outcome) => { slot.outcome = outcome; this.#flushResponses(); },
        (err: unknown) => {
          this.#logger.error({ peer: this.peer, err }, 'dispatcher failed (bug)');
          slot.outcome = { kind: 'close', reason: 'internal error while handling a request' };
          this.#flushResponses();
        },
      );
    }
    const full = this.#full();
    if (full && !this.#socket.isPaused()) this.#socket.pause();
    else if (!full && !this.#draining && this.#socket.isPaused()) this.#socket.resume();
  }

  #flushResponses(): void {
    if (this.#closed) return;
    let wrote = false;
    while (this.#queue.length > 0 && this.#queue[0]!.outcome !== null) {
      const slot = this.#queue.shift()!;
      this.#inflightBytes -= slot.frameBytes;
      const outcome = slot.outcome!;
      if (outcome.kind === 'close') {
        this.close(outcome.reason);
        return;
      }
      if (outcome.kind === 'respond') {
        if (!wrote) this.#socket.cork();
        wrote = true;
        for (const chunk of outcome.chunks) this.#socket.write(chunk);
      }
    }
    if (wrote) this.#socket.uncork();
    if (this.#queue.length === 0) for (const w of this.#idleWaiters.splice(0)) w();
    this.#pumpFrames();
  }
}
