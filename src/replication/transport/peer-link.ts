/**
 * The one outbound connection from this node to one peer: connect, PeerHello, then a stream of
 * RaftMessages frames (no responses: fire-and-forget). Lost or refused connections are retried
 * after a backoff that doubles from backoffMsMin to backoffMsMax; meanwhile messages wait in the
 * bounded queue. The link never throws to its caller: failures are logged, counted and retried.
 *
 * Each direction has its own connection (this node's link to the peer and the peer's link to this
 * node): every connection then carries requests one way only, the listener never writes after the
 * handshake, and two nodes dialling each other at once need no tie-break.
 */
import { connect, type Socket } from 'node:net';
import { FrameSplitter } from '../../protocol/frame.js';
import { Reader } from '../../protocol/primitives/reader.js';
import { CanopyApiKey } from '../../protocol/generated/canopy-index.js';
import { writePeerHelloRequest } from '../../protocol/generated/peer-hello-request.js';
import { readPeerHelloResponse } from '../../protocol/generated/peer-hello-response.js';
import { writeRaftMessagesRequest } from '../../protocol/generated/raft-messages-request.js';
import type { PeerProbe } from '../../metrics/probes/peers.js';
import { decodeInternalResponseHeader, encodeInternalRequest, expectFrameEnd } from './internal-frames.js';
import { OutboundQueue } from './outbound-queue.js';
import { checkHelloResponse, helloRequest, type LocalIdentity } from './peer-hello.js';
import { buildRaftMessagesRequest, type GroupMessage } from './raft-wire.js';
import type { TransportLimits } from './transport-limits.js';
import type { TransportLogger } from './transport-logger.js';

export interface PeerAddress {
  readonly host: string;
  readonly port: number;
}

/** A PeerHello response is a few dozen bytes; anything near this is not one. */
const HELLO_RESPONSE_BYTES_MAX = 64 * 1024;
const HELLO_CORRELATION_ID = 0;

type LinkState = 'idle' | 'connecting' | 'ready' | 'waiting' | 'closed';

export interface PeerLinkOptions {
  readonly peer: number;
  /** Looked up at every connection attempt (a peer may come back on the address the map now holds). */
  readonly nodes: ReadonlyMap<number, PeerAddress>;
  readonly self: LocalIdentity;
  readonly limits: TransportLimits;
  readonly probe: PeerProbe;
  readonly logger: TransportLogger;
}

export class PeerLink {
  readonly #o: PeerLinkOptions;
  readonly #queue: OutboundQueue;
  #state: LinkState = 'idle';
  #socket: Socket | null = null;
  #blocked = false;
  #timer: NodeJS.Timeout | null = null;
  #backoffMs: number;
  /** Failed attempts since the last good connection; only the first of a run is logged. */
  #failures = 0;
  #correlationId = HELLO_CORRELATION_ID;

  constructor(options: PeerLinkOptions) {
    this.#o = options;
    this.#queue = new OutboundQueue(options.limits.queueMessagesMax, options.limits.queueBytesMax);
    this.#backoffMs = options.limits.backoffMsMin;
  }

  get ready(): boolean {
    return this.#state === 'ready';
  }

  start(): void {
    if (this.#state === 'idle') this.#connect();
  }

  enqueue(item: GroupMessage): void {
    const dropped = this.#queue.push(item);
    if (dropped > 0) this.#o.probe.messagesDropped(this.#o.peer, 'queue-full', dropped);
  }

  /** Writes everything queued, one frame per frameBytesTarget, unless not connected or the socket is full. */
  flush(): void {
    const socket = this.#socket;
    if (this.#state !== 'ready' || socket === null) return;
    while (!this.#blocked && this.#queue.length > 0) {
      const items = this.#queue.take(this.#o.limits.frameBytesTarget);
      let chunks: Buffer[];
      try {
        const request = buildRaftMessagesRequest(items);
        chunks = encodeInternalRequest(
          { apiKey: CanopyApiKey.RaftMessages, apiVersion: 0, correlationId: this.#nextCorrelationId() },
          (w) => writeRaftMessagesRequest(w, 0, request),
        );
      } catch (err) {
        // A value the codec refuses (a bug upstream) costs these messages, not the process.
        this.#o.logger.error({ node: this.#o.self.nodeId, peer: this.#o.peer, messages: items.length, err: (err as Error).message }, 'could not encode Raft messages; dropped');
        this.#o.probe.messagesDropped(this.#o.peer, 'unencodable', items.length);
        continue;
      }
      this.#write(socket, chunks);
    }
  }

  close(): void {
    if (this.#state === 'closed') return;
    const wasReady = this.#state === 'ready';
    this.#state = 'closed';
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#socket?.destroy();
    this.#socket = null;
    this.#queue.clear();
    if (wasReady) this.#o.probe.disconnected();
  }

  #nextCorrelationId(): number {
    this.#correlationId = (this.#correlationId + 1) | 0;
    return this.#correlationId;
  }

  #write(socket: Socket, chunks: readonly Buffer[]): void {
    let bytes = 0;
    let ok = true;
    socket.cork();
    for (const c of chunks) {
      bytes += c.length;
      ok = socket.write(c);
    }
    socket.uncork();
    this.#o.probe.frameSent(this.#o.peer, bytes);
    if (!ok) this.#blocked = true;
  }

  #connect(): void {
    const { limits, self, peer } = this.#o;
    const address = this.#o.nodes.get(peer);
    if (address === undefined) throw new Error(`peer transport: no address for node ${peer}`);
    this.#state = 'connecting';
    this.#blocked = false;
    const socket = connect({ host: address.host, port: address.port });
    this.#socket = socket;
    socket.setNoDelay(true);
    socket.setTimeout(limits.handshakeTimeoutMs);
    const splitter = new FrameSplitter(HELLO_RESPONSE_BYTES_MAX);
    let refusal: string | null = null;
    socket.on('connect', () => {
      const chunks = encodeInternalRequest(
        { apiKey: CanopyApiKey.PeerHello, apiVersion: 0, correlationId: HELLO_CORRELATION_ID },
        (w) => writePeerHelloRequest(w, 0, helloRequest(self, peer)),
      );
      for (const c of chunks) socket.write(c);
    });
    socket.on('timeout', () => socket.destroy(new Error(`no PeerHello answer within ${limits.handshakeTimeoutMs} ms`)));
    socket.on('drain', () => {
      this.#blocked = false;
      this.flush();
    });
    socket.on('data', (chunk: Buffer) => {
      if (this.#state !== 'connecting') {
        socket.destroy(new Error('the peer sent bytes after the handshake'));
        return;
      }
      try {
        const frames = splitter.push(chunk);
        if (frames.length === 0) return;
        const r = new Reader(frames[0]!);
        if (decodeInternalResponseHeader(r) !== HELLO_CORRELATION_ID) throw new Error('answer to PeerHello has the wrong correlation id');
        const response = readPeerHelloResponse(r, 0);
        expectFrameEnd(r, 'PeerHello response');
        refusal = checkHelloResponse(self, peer, response);
      } catch (err) {
        refusal = `unreadable PeerHello answer: ${(err as Error).message}`;
      }
      if (refusal !== null) {
        this.#o.logger.error({ node: self.nodeId, peer, address: `${address.host}:${address.port}`, reason: refusal }, 'peer refused: not connecting to it');
        socket.destroy();
        return;
      }
      this.#onReady(socket);
    });
    socket.on('error', (err) => {
      if (this.#failures === 0 && this.#state !== 'closed') {
        this.#o.logger.warn({ node: self.nodeId, peer, address: `${address.host}:${address.port}`, err: err.message }, 'peer connection failed; retrying with backoff');
      }
    });
    socket.on('close', () => this.#onClose(socket, refusal !== null));
  }

  #onReady(socket: Socket): void {
    this.#state = 'ready';
    socket.setTimeout(0);
    this.#failures = 0;
    this.#backoffMs = this.#o.limits.backoffMsMin;
    this.#o.probe.connected();
    this.#o.logger.info({ node: this.#o.self.nodeId, peer: this.#o.peer }, 'connected to peer');
    this.flush();
  }

  #onClose(socket: Socket, refused: boolean): void {
    if (this.#socket !== socket || this.#state === 'closed') return;
    if (this.#state === 'ready') {
      this.#o.probe.disconnected();
      this.#o.logger.warn({ node: this.#o.self.nodeId, peer: this.#o.peer }, 'lost connection to peer; reconnecting');
    }
    this.#socket = null;
    this.#state = 'waiting';
    this.#failures++;
    // A refusal will not change until someone fixes a configuration: wait the longest.
    const waitMs = refused ? this.#o.limits.backoffMsMax : this.#backoffMs;
    this.#backoffMs = Math.min(this.#backoffMs * 2, this.#o.limits.backoffMsMax);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#state !== 'waiting') return;
      this.#o.probe.reconnecting(this.#o.peer);
      this.#connect();
    }, waitMs);
  }
}
