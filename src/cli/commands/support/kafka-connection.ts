import { connect, type Socket } from 'node:net';
import { apiSpecs } from '../../../protocol/generated/index.js';
import { encodeRequestFrame, FrameSplitter } from '../../../protocol/frame.js';
import { responseHeaderVersion } from '../../../protocol/headers.js';
import { readResponseHeader } from '../../../protocol/generated/response-header.js';
import { Reader } from '../../../protocol/primitives/reader.js';
import { CliError, EXIT_USAGE } from './io.js';

/** Where `topics produce/consume` find the Kafka listener when neither -b nor CANOPY_BOOTSTRAP says. */
export const DEFAULT_BOOTSTRAP = '127.0.0.1:9092';
/** A connection attempt gives up after this long with a message naming the address. */
export const kafkaConnectMsMax = 10_000;
/** One request (a Fetch long-poll included) gives up after this long. */
export const kafkaResponseMsMax = 30_000;
/** Largest response frame accepted (a Fetch answer is bounded by the request's maxBytes). */
const frameBytesMax = 64 * 1024 * 1024;

export interface HostPort { host: string; port: number }
interface PendingRequest { resolve(frame: Buffer): void; reject(err: Error): void }

/** `host:port` from --bootstrap / CANOPY_BOOTSTRAP, or a usage error naming the flag. */
export function bootstrapAddress(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): HostPort {
  const text = flag ?? env['CANOPY_BOOTSTRAP'] ?? DEFAULT_BOOTSTRAP;
  const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(text);
  const port = match === null ? NaN : Number(match[2]);
  if (match === null || port < 1 || port > 65535) {
    throw new CliError(`--bootstrap expects host:port, got "${text}" (default ${DEFAULT_BOOTSTRAP})`, EXIT_USAGE);
  }
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

/**
 * One TCP connection to a Kafka listener speaking the generated codecs, one request in flight at a
 * time (the CLI never pipelines). Every wait is bounded; a closed socket fails the pending request.
 */
export class KafkaConnection {
  readonly #socket: Socket;
  readonly #address: string;
  readonly #splitter = new FrameSplitter(frameBytesMax);
  #pending: PendingRequest | undefined;
  #nextCorrelationId = 1;

  private constructor(socket: Socket, address: string) {
    this.#socket = socket;
    this.#address = address;
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const frame of this.#splitter.push(chunk)) this.#settle((p) => p.resolve(frame));
      } catch (err) {
        this.#settle((p) => p.reject(err as Error));
        socket.destroy();
      }
    });
    socket.on('close', () => this.#settle((p) => p.reject(new CliError(`the Kafka listener at ${address} closed the connection`))));
    socket.on('error', () => undefined);
  }

  static async open(address: HostPort): Promise<KafkaConnection> {
    const name = `${address.host}:${address.port}`;
    const socket = connect({ host: address.host, port: address.port });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => { socket.destroy(); reject(new CliError(`cannot reach the Kafka listener at ${name} (no answer in ${kafkaConnectMsMax} ms)`)); }, kafkaConnectMsMax);
      socket.once('connect', () => { clearTimeout(timer); resolve(); });
      socket.once('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new CliError(`cannot reach the Kafka listener at ${name} (${err.code ?? err.message}); is the broker running? (set --bootstrap or CANOPY_BOOTSTRAP)`));
      });
    });
    return new KafkaConnection(socket, name);
  }

  #settle(action: (p: PendingRequest) => void): void {
    const pending = this.#pending;
    this.#pending = undefined;
    if (pending !== undefined) action(pending);
  }

  async request<T>(apiKey: number, apiVersion: number, body: unknown): Promise<T> {
    const spec = apiSpecs.get(apiKey)!;
    const correlationId = this.#nextCorrelationId++;
    const frame = await new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending = undefined;
        reject(new CliError(`the Kafka listener at ${this.#address} did not answer ${spec.name} in ${kafkaResponseMsMax} ms`));
      }, kafkaResponseMsMax);
      this.#pending = {
        resolve: (f) => { clearTimeout(timer); resolve(f); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      };
      this.#socket.write(encodeRequestFrame({ apiKey, apiVersion, correlationId, clientId: 'canopy-cli' }, (w) => spec.writeRequest(w, apiVersion, body)));
    });
    const reader = new Reader(frame);
    const header = readResponseHeader(reader, responseHeaderVersion(apiKey, apiVersion));
    if (header.correlationId !== correlationId) throw new CliError(`the Kafka listener at ${this.#address} answered out of order`);
    return spec.readResponse(reader, apiVersion) as T;
  }

  close(): void {
    this.#socket.destroy();
  }
}
