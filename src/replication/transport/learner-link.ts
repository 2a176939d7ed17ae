/**
 * A learner's connection to one upstream's internal listener: LearnerFetch requests, one at a time,
 * each answered (a long-poll) before the next is sent. No PeerHello: a learner is not in the
 * upstream's peer map; the upstream names its cluster in every response instead.
 */
import { connect, type Socket } from 'node:net';
import { FrameSplitter } from '../../protocol/frame.js';
import { Reader } from '../../protocol/primitives/reader.js';
import { CanopyApiKey } from '../../protocol/generated/canopy-index.js';
import { writeLearnerFetchRequest, type LearnerFetchRequest } from '../../protocol/generated/learner-fetch-request.js';
import { readLearnerFetchResponse, type LearnerFetchResponse } from '../../protocol/generated/learner-fetch-response.js';
import { decodeInternalResponseHeader, encodeInternalRequest, expectFrameEnd } from './internal-frames.js';
import type { PeerAddress } from './peer-link.js';

export class LearnerLinkError extends Error {
  override name = 'LearnerLinkError';
}

export class LearnerLink {
  readonly #socket: Socket;
  readonly #splitter: FrameSplitter;
  #correlationId = 0;
  #pending: { correlationId: number; resolve(r: LearnerFetchResponse): void; reject(e: Error): void } | null = null;
  #failure: Error | null = null;

  private constructor(socket: Socket, frameBytesMax: number) {
    this.#socket = socket;
    this.#splitter = new FrameSplitter(frameBytesMax);
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('error', (err) => this.#fail(new LearnerLinkError(err.message)));
    socket.on('close', () => this.#fail(new LearnerLinkError('connection closed by the upstream')));
  }

  /** Opens a connection; rejects with LearnerLinkError when it cannot within `timeoutMs`. */
  static open(address: PeerAddress, options: { timeoutMs: number; frameBytesMax: number }): Promise<LearnerLink> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: address.host, port: address.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new LearnerLinkError(`no connection to ${address.host}:${address.port} within ${options.timeoutMs} ms`));
      }, options.timeoutMs);
      socket.once('error', (err) => {
        clearTimeout(timer);
        reject(new LearnerLinkError(`${address.host}:${address.port}: ${err.message}`));
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.setNoDelay(true);
        resolve(new LearnerLink(socket, options.frameBytesMax));
      });
    });
  }

  /** Sends one LearnerFetch and waits for its answer, at most `timeoutMs` (then the link is closed). */
  fetch(request: LearnerFetchRequest, timeoutMs: number): Promise<LearnerFetchResponse> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    if (this.#pending !== null) return Promise.reject(new LearnerLinkError('a LearnerFetch is already in flight'));
    const correlationId = ++this.#correlationId;
    return new Promise<LearnerFetchResponse>((resolve, reject) => {
      const timer = setTimeout(() => this.#fail(new LearnerLinkError(`no LearnerFetch answer within ${timeoutMs} ms`)), timeoutMs);
      this.#pending = {
        correlationId,
        resolve: (r) => { clearTimeout(timer); resolve(r); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      };
      const chunks = encodeInternalRequest({ apiKey: CanopyApiKey.LearnerFetch, apiVersion: 0, correlationId }, (w) => writeLearnerFetchRequest(w, 0, request));
      for (const c of chunks) this.#socket.write(c);
    });
  }

  close(): void {
    this.#fail(new LearnerLinkError('closed'));
  }

  #onData(chunk: Buffer): void {
    try {
      for (const frame of this.#splitter.push(chunk)) {
        const r = new Reader(frame);
        const correlationId = decodeInternalResponseHeader(r);
        const pending = this.#pending;
        if (pending === null || pending.correlationId !== correlationId) throw new LearnerLinkError(`unexpected correlation id ${correlationId}`);
        const response = readLearnerFetchResponse(r, 0);
        expectFrameEnd(r, 'LearnerFetch response');
        this.#pending = null;
        pending.resolve(response);
      }
    } catch (err) {
      this.#fail(err instanceof LearnerLinkError ? err : new LearnerLinkError(`bad frame from the upstream: ${(err as Error).message}`));
    }
  }

  #fail(err: Error): void {
    this.#failure ??= err;
    this.#socket.destroy();
    const pending = this.#pending;
    this.#pending = null;
    pending?.reject(err);
  }
}
