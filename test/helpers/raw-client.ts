/**
 * RawClient: a minimal Kafka client over one TCP connection, built on the generated codecs, for
 * tests that need exact control (pipelining, acks=0, bad frames, specific versions).
 *
 *   const c = await RawClient.connect(t, broker.port);
 *   const res = await c.request(ApiKey.Metadata, 9, { topics: null, ... });   // decoded body
 *   c.send(ApiKey.Produce, 7, body);  // returns the correlation id; no wait (acks=0)
 *   const next = await c.nextResponse(apiKey, version);  // the next frame, decoded
 *   c.writeRaw(bytes); await c.closed;  // bad-input tests
 *
 * Responses are matched strictly in arrival order: each call to nextResponse/request consumes the
 * next frame, and `request` asserts its correlation id, so an unexpected extra response fails.
 */
import { connect, type Socket } from 'node:net';
import { apiSpecs } from '../../src/protocol/generated/index.js';
import { encodeRequestFrame, FrameSplitter } from '../../src/protocol/frame.js';
import { responseHeaderVersion } from '../../src/protocol/headers.js';
import { readResponseHeader } from '../../src/protocol/generated/response-header.js';
import { Reader } from '../../src/protocol/primitives/reader.js';

const FRAME_BYTES_MAX = 256 * 1024 * 1024;
const RESPONSE_WAIT_MS_MAX = 30_000;

interface Teardownable {
  teardown(fn: () => unknown): void;
}

export interface RawResponse<T = any> {
  correlationId: number;
  body: T;
}

export class RawClient {
  readonly socket: Socket;
  readonly closed: Promise<void>;
  #splitter = new FrameSplitter(FRAME_BYTES_MAX);
  #frames: Buffer[] = [];
  #waiters: Array<(f: Buffer | null) => void> = [];
  #ended = false;
  #nextCorrelationId = 1;
  clientId = 'canopy-raw-client';

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      for (const f of this.#splitter.push(chunk)) {
        const w = this.#waiters.shift();
        if (w) w(f);
        else this.#frames.push(f);
      }
    });
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    void this.closed.then(() => {
      this.#ended = true;
      for (const w of this.#waiters.splice(0)) w(null);
    });
    socket.on('error', () => undefined);
  }

  /** `localAddress` picks the client's source address (127.0.0.2 is another loopback address). */
  static async connect(t: Teardownable, port: number, host = '127.0.0.1', localAddress?: string): Promise<RawClient> {
    const socket = connect({ port, host, ...(localAddress === undefined ? {} : { localAddress }) });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    });
    const client = new RawClient(socket);
    t.teardown(() => socket.destroy());
    return client;
  }

  /** Sends a request; returns its correlation id. */
  send(apiKey: number, apiVersion: number, body: unknown): number {
    const spec = apiSpecs.get(apiKey);
    if (!spec) throw new Error(`no codec for API ${apiKey}`);
    const correlationId = this.#nextCorrelationId++;
    this.socket.write(encodeRequestFrame({ apiKey, apiVersion, correlationId, clientId: this.clientId }, (w) => spec.writeRequest(w, apiVersion, body)));
    return correlationId;
  }

  writeRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** The next response frame (raw), or null if the connection closed first. */
  nextFrame(waitMs = RESPONSE_WAIT_MS_MAX): Promise<Buffer | null> {
    const f = this.#frames.shift();
    if (f) return Promise.resolve(f);
    if (this.#ended) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no response within ${waitMs} ms`)), waitMs);
      this.#waiters.push((frame) => {
        clearTimeout(timer);
        resolve(frame);
      });
    });
  }

  /** Decodes the next frame as a response to (apiKey, apiVersion). */
  async nextResponse<T = any>(apiKey: number, apiVersion: number): Promise<RawResponse<T>> {
    const frame = await this.nextFrame();
    if (frame === null) throw new Error('connection closed before a response arrived');
    const r = new Reader(frame);
    const header = readResponseHeader(r, responseHeaderVersion(apiKey, apiVersion));
    const body = apiSpecs.get(apiKey)!.readResponse(r, apiVersion) as T;
    return { correlationId: header.correlationId, body };
  }

  /** Sends and waits for the response, checking that it answers this request. */
  async request<T = any>(apiKey: number, apiVersion: number, body: unknown): Promise<T> {
    const id = this.send(apiKey, apiVersion, body);
    const res = await this.nextResponse<T>(apiKey, apiVersion);
    if (res.correlationId !== id) throw new Error(`expected correlation id ${id}, got ${res.correlationId}`);
    return res.body;
  }

  close(): void {
    this.socket.destroy();
  }
}
