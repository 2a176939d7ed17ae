import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from 'pino';
import type { Limits } from '../config/limits.js';
import type { ConnectionProbe } from '../metrics/probes/connections.js';
import { Connection, type FrameDispatcher } from './connection.js';
import { RequestMemoryPool } from './request-memory-pool.js';

/**
 * The Kafka TCP listener: accepts connections (at most limits.connectionsMax in all and
 * limits.connectionsPerAddressMax from one client address, so one host cannot take every slot),
 * gives each a Connection sharing one node-wide request memory pool, and on close() stops accepting, drains every connection (in-flight requests answer,
 * long-polls end early) and closes them.
 */
export class KafkaServer {
  readonly #server: Server;
  readonly #limits: Limits;
  readonly #dispatcher: FrameDispatcher;
  readonly #logger: Logger;
  readonly #connections = new Set<Connection>();
  readonly #connectionsByAddress = new Map<string, number>();
  readonly #pool: RequestMemoryPool;
  readonly #probe: ConnectionProbe | undefined;

  /** `probe` (optional) counts accepted and open connections for /metrics. */
  constructor(options: { limits: Limits; dispatcher: FrameDispatcher; logger: Logger; probe?: ConnectionProbe }) {
    this.#probe = options.probe;
    this.#limits = options.limits;
    this.#pool = new RequestMemoryPool(options.limits.requestBytesBufferedMax);
    this.#dispatcher = options.dispatcher;
    this.#logger = options.logger;
    this.#server = createServer({ noDelay: true }, (socket) => this.#accept(socket));
    this.#server.on('error', (err) => this.#logger.error({ err }, 'listener error'));
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  listen(host: string, port: number): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      this.#server.once('error', onError);
      this.#server.listen({ host, port }, () => {
        this.#server.off('error', onError);
        const address = this.#server.address();
        if (address === null || typeof address === 'string') return reject(new Error('listener has no TCP address'));
        resolve({ host: address.address, port: address.port });
      });
    });
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    await Promise.all([...this.#connections].map((c) => c.drain(this.#limits.shutdownGraceMs)));
    await closed;
  }

  #accept(socket: Socket): void {
    const address = socket.remoteAddress ?? 'unknown';
    const fromAddress = this.#connectionsByAddress.get(address) ?? 0;
    const refusal = this.#connections.size >= this.#limits.connectionsMax ? `connectionsMax ${this.#limits.connectionsMax} reached`
      : fromAddress >= this.#limits.connectionsPerAddressMax ? `connectionsPerAddressMax ${this.#limits.connectionsPerAddressMax} reached for ${address}`
        : null;
    if (refusal !== null) {
      this.#logger.warn({ peer: `${address}:${socket.remotePort}`, reason: refusal }, 'refusing connection');
      socket.destroy();
      return;
    }
    this.#connectionsByAddress.set(address, fromAddress + 1);
    const connection = new Connection(socket, {
      frameBytesMax: this.#limits.frameBytesMax,
      inflightMax: this.#limits.inflightRequestsPerConnectionMax,
      inflightBytesMax: this.#limits.inflightRequestBytesPerConnectionMax,
      idleMsMax: this.#limits.connectionIdleMsMax,
      frameReceiveMsMax: this.#limits.frameReceiveMsMax,
      pool: this.#pool,
      dispatcher: this.#dispatcher,
      logger: this.#logger,
    });
    this.#connections.add(connection);
    this.#probe?.opened();
    socket.once('close', () => {
      this.#connections.delete(connection);
      const left = (this.#connectionsByAddress.get(address) ?? 1) - 1;
      if (left === 0) this.#connectionsByAddress.delete(address);
      else this.#connectionsByAddress.set(address, left);
      this.#probe?.closed();
    });
  }
}
