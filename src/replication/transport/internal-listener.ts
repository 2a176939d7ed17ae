/**
 * The internal listener: accepts peers' connections, checks each one's PeerHello, then decodes its
 * RaftMessages frames and hands them over. A connection that sends anything else, garbage, an
 * oversized frame or no hello in time is closed and logged; the node goes on. It never answers a
 * RaftMessages frame (fire-and-forget), only the hello.
 *
 * A connection whose first frame is LearnerFetch is a learner's (a learner is no peer in the static
 * map, so it sends no hello; the response names this cluster and the learner checks it): it carries
 * LearnerFetch requests only, answered one at a time in order, each a long-poll.
 *
 * Framing reuses `protocol/frame.ts`'s FrameSplitter rather than `server/frame-decoder.ts`: the
 * layer table keeps replication/ from importing server/, and the splitter does the same job (size
 * checked before anything is buffered).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { FrameSplitter } from '../../protocol/frame.js';
import { Reader } from '../../protocol/primitives/reader.js';
import { CanopyApiKey } from '../../protocol/generated/canopy-index.js';
import { ErrorCode } from '../../protocol/generated/error-codes.js';
import { readPeerHelloRequest } from '../../protocol/generated/peer-hello-request.js';
import { writePeerHelloResponse } from '../../protocol/generated/peer-hello-response.js';
import { readRaftMessagesRequest, type RaftMessagesRequest } from '../../protocol/generated/raft-messages-request.js';
import { readLearnerFetchRequest, type LearnerFetchRequest } from '../../protocol/generated/learner-fetch-request.js';
import { writeLearnerFetchResponse, type LearnerFetchResponseInput } from '../../protocol/generated/learner-fetch-response.js';
import type { PeerProbe } from '../../metrics/probes/peers.js';
import { decodeInternalRequestHeader, encodeInternalResponse, expectFrameEnd, type InternalRequestHeader } from './internal-frames.js';
import { checkHello, helloResponse, type LocalIdentity } from './peer-hello.js';
import type { PeerAddress } from './peer-link.js';
import type { TransportLimits } from './transport-limits.js';
import type { TransportLogger } from './transport-logger.js';

export interface InternalListenerOptions {
  readonly listen: PeerAddress;
  readonly self: LocalIdentity;
  readonly limits: TransportLimits;
  readonly probe: PeerProbe;
  readonly logger: TransportLogger;
  /** A decoded RaftMessages request from a peer that passed the handshake. */
  onRequest(sender: number, request: RaftMessagesRequest): void;
  /** Serves a learner's LearnerFetch; absent = learner connections are refused. `signal` aborts at close. */
  onLearnerFetch?(request: LearnerFetchRequest, signal: AbortSignal): Promise<LearnerFetchResponseInput>;
}

interface LearnerConnection {
  push(header: InternalRequestHeader, r: Reader): void;
}

/** A frame the connection cannot go on from; the message is logged. */
class ConnectionError extends Error {}

export class InternalListener {
  readonly #o: InternalListenerOptions;
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  /** Aborts open learner long-polls at close. */
  readonly #closing = new AbortController();

  constructor(options: InternalListenerOptions) {
    this.#o = options;
    this.#server = createServer((socket) => this.#accept(socket));
    this.#server.on('error', (err) => this.#o.logger.error({ node: options.self.nodeId, err: err.message }, 'internal listener error'));
  }

  /** Listens; resolves with the bound address (port 0 becomes the port the system chose). */
  start(): Promise<PeerAddress> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      this.#server.once('error', onError);
      this.#server.listen({ host: this.#o.listen.host, port: this.#o.listen.port }, () => {
        this.#server.off('error', onError);
        const a = this.#server.address();
        if (a === null || typeof a === 'string') return reject(new Error('internal listener has no TCP address'));
        resolve({ host: a.address, port: a.port });
      });
    });
  }

  close(): Promise<void> {
    this.#closing.abort();
    for (const s of this.#sockets) s.destroy();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: Socket): void {
    const { self, limits, logger } = this.#o;
    const remote = `${socket.remoteAddress}:${socket.remotePort}`;
    if (this.#sockets.size >= limits.inboundConnectionsMax) {
      logger.warn({ node: self.nodeId, remote, inboundConnectionsMax: limits.inboundConnectionsMax }, 'refusing internal connection: too many open');
      socket.destroy();
      return;
    }
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('error', () => undefined); // the close that follows is what matters
    socket.setNoDelay(true);
    socket.setTimeout(limits.handshakeTimeoutMs);
    socket.on('timeout', () => {
      logger.warn({ node: self.nodeId, remote }, `closing internal connection: no PeerHello within ${limits.handshakeTimeoutMs} ms`);
      socket.destroy();
    });
    const splitter = new FrameSplitter(limits.frameBytesMax);
    let sender: number | null = null;
    let refused = false;
    let learner: LearnerConnection | null = null;
    socket.on('data', (chunk: Buffer) => {
      if (socket.destroyed || refused) return;
      try {
        for (const frame of splitter.push(chunk)) {
          const r = new Reader(frame);
          const header = decodeInternalRequestHeader(r);
          if (sender === null && (learner !== null || header.apiKey === CanopyApiKey.LearnerFetch)) {
            learner ??= this.#learnerConnection(socket, remote);
            learner.push(header, r);
            continue;
          }
          if (sender === null) {
            sender = this.#hello(socket, header, r, remote);
            refused = sender === null;
            if (refused) return;
            continue;
          }
          this.#o.probe.frameReceived(sender, frame.length + 4);
          if (header.apiKey !== CanopyApiKey.RaftMessages || header.apiVersion !== 0) {
            throw new ConnectionError(`unexpected api key ${header.apiKey} version ${header.apiVersion}`);
          }
          const request = readRaftMessagesRequest(r, 0);
          expectFrameEnd(r, 'RaftMessages request');
          this.#o.onRequest(sender, request);
        }
      } catch (err) {
        logger.warn({ node: self.nodeId, peer: sender ?? undefined, remote, reason: (err as Error).message }, 'closing internal connection: bad frame');
        socket.destroy();
      }
    });
  }

  /** Serves LearnerFetch frames of one connection in order (each awaits the previous answer). */
  #learnerConnection(socket: Socket, remote: string): LearnerConnection {
    const serve = this.#o.onLearnerFetch;
    if (serve === undefined) throw new ConnectionError('LearnerFetch is not served by this node');
    socket.setTimeout(0);
    let chain = Promise.resolve();
    return {
      push: (header, r) => {
        if (header.apiKey !== CanopyApiKey.LearnerFetch || header.apiVersion !== 0) {
          throw new ConnectionError(`unexpected api key ${header.apiKey} version ${header.apiVersion} on a learner connection`);
        }
        const request = readLearnerFetchRequest(r, 0);
        expectFrameEnd(r, 'LearnerFetch request');
        chain = chain.then(async () => {
          if (socket.destroyed) return;
          const response = await serve(request, this.#closing.signal);
          for (const c of encodeInternalResponse(header.correlationId, (w) => writeLearnerFetchResponse(w, 0, response))) socket.write(c);
        }).catch((err: unknown) => {
          this.#o.logger.error({ node: this.#o.self.nodeId, remote, learner: request.learnerName, err: (err as Error).message }, 'closing learner connection: LearnerFetch failed');
          socket.destroy();
        });
      },
    };
  }

  /** Checks the first frame; answers it; returns the sender's node id, or null after a refusal. */
  #hello(socket: Socket, header: InternalRequestHeader, r: Reader, remote: string): number | null {
    if (header.apiKey !== CanopyApiKey.PeerHello || header.apiVersion !== 0) {
      throw new ConnectionError(`first frame is api key ${header.apiKey} version ${header.apiVersion}, not PeerHello v0`);
    }
    const hello = readPeerHelloRequest(r, 0);
    expectFrameEnd(r, 'PeerHello request');
    const verdict = checkHello(this.#o.self, hello);
    const chunks = encodeInternalResponse(header.correlationId, (w) => writePeerHelloResponse(w, 0, helloResponse(this.#o.self, verdict)));
    if (verdict.errorCode !== ErrorCode.NONE) {
      this.#o.logger.error(
        { node: this.#o.self.nodeId, remote, claimedNode: hello.senderNodeId, clusterId: hello.clusterId, reason: verdict.errorMessage },
        'refusing peer',
      );
      for (const c of chunks) socket.write(c);
      socket.end();
      return null;
    }
    socket.setTimeout(0);
    for (const c of chunks) socket.write(c);
    return hello.senderNodeId;
  }
}
