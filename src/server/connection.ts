import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { FrameDecoder } from './frame-decoder.js';
import type { RequestMemoryPool } from './request-memory-pool.js';

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
 * Each frame's size is reserved from the node-wide `pool` when its 4-byte header arrives; while
 * the pool cannot take it the socket is paused too, and the reservation is released when the
 * response leaves. A frame must be whole within `frameReceiveMsMax` of its first byte (however
 * slowly its bytes trickle in), else the connection is closed and its reservation freed.
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
  readonly #pool: RequestMemoryPool;
  /** Bytes reserved from the pool for the frame at the head of the decoder; null: none yet. */
  #headReservedBytes: number | null = null;
  #waitingForPool = false;
  readonly #frameReceiveMsMax: number;
  #frameDeadline: NodeJS.Timeout | null = null;
  /** Frames taken so far, to tell whether the deadline running is the current frame's. */
  #framesTaken = 0;
  #deadlineFrame = -1;
  readonly #abort = new AbortController();
  readonly #queue: Slot[] = [];
  #draining = false; // shutdown: accept no new frames
  #closed = false;
  #idleWaiters: Array<() => void> = [];

  constructor(socket: Socket, options: {
    frameBytesMax: number; inflightMax: number; inflightBytesMax: number; idleMsMax: number; frameReceiveMsMax: number;
    pool: RequestMemoryPool; dispatcher: FrameDispatcher; logger: Logger;
  }) {
    this.#socket = socket;
    this.clientHost = socket.remoteAddress ?? 'unknown';
    this.peer = `${this.clientHost}:${socket.remotePort ?? 0}`;
    this.#decoder = new FrameDecoder(options.frameBytesMax);
    this.#dispatcher = options.dispatcher;
    this.#logger = options.logger;
    this.#inflightMax = options.inflightMax;
    this.#inflightBytesMax = options.inflightBytesMax;
    this.#pool = options.pool;
    this.#frameReceiveMsMax = options.frameReceiveMsMax;
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
    this.#pool.cancel(this.#poolReleased);
    this.#pool.release(this.#inflightBytes + (this.#headReservedBytes ?? 0));
    this.#inflightBytes = 0;
    this.#headReservedBytes = null;
    this.#clearFrameDeadline();
    for (const w of this.#idleWaiters.splice(0)) w();
  }

  #full(): boolean {
    return this.#inflightFull() || this.#socket.writableNeedDrain;
  }

  #inflightFull(): boolean {
    return this.#queue.length >= this.#inflightMax || this.#inflightBytes >= this.#inflightBytesMax;
  }

  #pumpFrames(): void {
    while (!this.#closed && !this.#draining && !this.#waitingForPool && !this.#full()) {
      if (this.#headReservedBytes === null) {
        const head = this.#decoder.nextSize();
        if (head.kind === 'need-more') break;
        if (head.kind === 'error') {
          this.close(head.reason);
          return;
        }
        if (!this.#pool.tryReserve(head.bytes)) {
          this.#waitingForPool = true;
          this.#pool.whenReleased(this.#poolReleased);
          break;
        }
        this.#headReservedBytes = head.bytes;
      }
      const next = this.#decoder.next();
      if (next.kind === 'need-more') break;
      if (next.kind === 'error') {
        this.close(next.reason);
        return;
      }
      this.#framesTaken += 1;
      const slot: Slot = { outcome: null, frameBytes: this.#headReservedBytes };
      this.#headReservedBytes = null;
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
    const full = this.#full() || this.#waitingForPool;
    if (full && !this.#socket.isPaused()) this.#socket.pause();
    else if (!full && !this.#draining && this.#socket.isPaused()) this.#socket.resume();
    this.#watchFrameDeadline();
  }

  readonly #poolReleased = (): void => {
    this.#waitingForPool = false;
    this.#pumpFrames();
  };

  /** Starts the deadline when a frame's first bytes are here but not all of it; stops it when whole. */
  #watchFrameDeadline(): void {
    if (this.#closed || !this.#decoder.partial) {
      this.#clearFrameDeadline();
      return;
    }
    if (this.#frameDeadline !== null && this.#deadlineFrame === this.#framesTaken) return;
    this.#clearFrameDeadline();
    this.#deadlineFrame = this.#framesTaken;
    this.#frameDeadline = setTimeout(() => this.#frameLate(), this.#frameReceiveMsMax);
  }

  #frameLate(): void {
    this.#frameDeadline = null;
    // Not read because of our bounds (in-flight requests, the memory pool): the client is not the
    // one holding the frame back, so it gets another period. A client that does not read its
    // responses (writableNeedDrain) gets none: it would hold its reservation forever.
    if ((this.#inflightFull() || this.#waitingForPool) && !this.#draining) {
      this.#frameDeadline = setTimeout(() => this.#frameLate(), this.#frameReceiveMsMax);
      return;
    }
    this.close(`frame not complete within frameReceiveMsMax ${this.#frameReceiveMsMax} ms of its first byte (${this.#decoder.bufferedBytes} bytes received)`);
  }

  #clearFrameDeadline(): void {
    if (this.#frameDeadline === null) return;
    clearTimeout(this.#frameDeadline);
    this.#frameDeadline = null;
  }

  #flushResponses(): void {
    if (this.#closed) return;
    let wrote = false;
    while (this.#queue.length > 0 && this.#queue[0]!.outcome !== null) {
      const slot = this.#queue.shift()!;
      this.#inflightBytes -= slot.frameBytes;
      this.#pool.release(slot.frameBytes);
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
