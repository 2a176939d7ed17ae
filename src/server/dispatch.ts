import { handlerFor, unsupportedApiVersionsResponse, type ApiHandler, type Broker, type RequestContext, type RequestHeader } from '../api/registry.js';
import { ApiKey } from '../protocol/generated/index.js';
import { requestHeaderVersion, responseHeaderVersion } from '../protocol/headers.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readRequestHeader } from '../protocol/generated/request-header.js';
import { writeResponseHeader } from '../protocol/generated/response-header.js';
import { writeApiVersionsResponse } from '../protocol/generated/api-versions-response.js';
import { Reader, ProtocolDecodeError } from '../protocol/primitives/reader.js';
import { Writer } from '../protocol/primitives/writer.js';
import type { ConnectionInfo, DispatchOutcome, FrameDispatcher } from './connection.js';
import type { ApiProbe, RequestOutcome } from '../metrics/probes/api.js';
import type { TrafficProbe } from '../metrics/probes/traffic.js';
import { kafkaApiName } from '../metrics/kafka-api-names.js';
import { responseErrors } from './response-errors.js';
import { RefusalLog } from './refusal-log.js';

/** Optional metrics probes: requests by API/version/outcome with latency; bytes per topic (handlers). */
export interface DispatchProbes {
  api?: ApiProbe;
  traffic?: TrafficProbe;
}

/** api_key int16 + api_version int16 + correlation_id int32: the part every header version has. */
const HEADER_FIXED_BYTES = 8;

/**
 * Turns one request frame into one response: header decode, handler lookup by API key, body
 * decode, handle, encode with the size prefix. Client mistakes get Kafka's answer:
 *  - ApiVersions at a version above ours: a v0 body with UNSUPPORTED_VERSION and our API list;
 *  - another version outside the handler's range (kafka-go 0.2.1's Fetch v2, Sarama's zstd on
 *    Produce v3): a warning naming client id, API and version, then, when the spec knows that
 *    version, the handler's error response with UNSUPPORTED_VERSION at that version (the client
 *    reports the error instead of an EOF), else the connection is closed (no response shape);
 *  - unknown API key, malformed frames: the connection is closed with a log line naming the peer
 *    and the reason (what Kafka does).
 * A handler that throws is our bug: logged, answered with UNKNOWN_SERVER_ERROR where the handler
 * can build an error response, otherwise the connection is closed.
 */
export class ApiDispatcher implements FrameDispatcher {
  readonly #broker: Broker;
  readonly #probes: DispatchProbes;
  /** Per connection: settles once every Produce dispatched so far on it is done (#inConnectionOrder). */
  readonly #writesInFlight = new WeakMap<ConnectionInfo, Promise<void>>();
  readonly #refusals: RefusalLog;

  constructor(broker: Broker, probes: DispatchProbes = {}) {
    this.#broker = broker;
    this.#probes = probes;
    this.#refusals = new RefusalLog(broker.logger);
  }

  dispatch(frame: Buffer, connection: ConnectionInfo): Promise<DispatchOutcome> {
    const probe = this.#probes.api;
    if (probe === undefined || frame.length < HEADER_FIXED_BYTES) return this.#dispatch(frame, connection);
    const started = process.hrtime.bigint();
    const apiKey = frame.readInt16BE(0);
    const apiVersion = frame.readInt16BE(2);
    const handler = handlerFor(apiKey);
    const supported = handler !== undefined && apiVersion >= handler.minVersion && apiVersion <= handler.maxVersion;
    const done = (outcome: RequestOutcome) => probe.requestDone(apiKey, apiVersion, outcome, Number(process.hrtime.bigint() - started) / 1e9);
    return this.#dispatch(frame, connection).then((result) => {
      done(!supported ? 'unsupported' : result.kind === 'close' ? 'error' : 'ok');
      return result;
    }, (err: unknown) => {
      done('error');
      throw err;
    });
  }

  #dispatch(frame: Buffer, connection: ConnectionInfo): Promise<DispatchOutcome> {
    if (frame.length < HEADER_FIXED_BYTES) return Promise.resolve(close(`frame of ${frame.length} bytes is shorter than a request header`));
    const apiKey = frame.readInt16BE(0);
    const apiVersion = frame.readInt16BE(2);
    const correlationId = frame.readInt32BE(4);
    const handler = handlerFor(apiKey);
    if (!handler) return Promise.resolve(close(`unknown API key ${apiKey} (version ${apiVersion}, correlation id ${correlationId})`));
    if (apiVersion < handler.minVersion || apiVersion > handler.maxVersion) {
      if (apiKey === ApiKey.ApiVersions && apiVersion > handler.maxVersion) {
        return Promise.resolve(encode(0, correlationId, (w) => writeApiVersionsResponse(w, 0, unsupportedApiVersionsResponse())));
      }
      return Promise.resolve(this.#unsupportedVersion(handler, frame, connection));
    }
    let header: RequestHeader;
    let request: unknown;
    try {
      const reader = new Reader(frame);
      const decoded = readRequestHeader(reader, requestHeaderVersion(apiKey, apiVersion));
      header = { apiKey, apiVersion, correlationId, clientId: decoded.clientId };
      request = handler.readRequest(reader, apiVersion);
    } catch (err) {
      if (err instanceof ProtocolDecodeError) return Promise.resolve(close(`malformed request (API ${apiKey} v${apiVersion}): ${err.message}`));
      throw err;
    }
    const ctx: RequestContext = { header, clientHost: connection.peer, broker: this.#broker, signal: connection.signal, ...(this.#probes.traffic ? { traffic: this.#probes.traffic } : {}) };
    return this.#inConnectionOrder(apiKey, connection, () => this.#run(handler, request, ctx));
  }

  /**
   * Kafka handles one request of a connection at a time, so a request sees every write sent before
   * it on its connection (a ListOffsets after an acks=0 Produce sees the records). Canopy overlaps
   * requests, so it keeps that where it matters: Produce requests still overlap one another (an
   * idempotent producer pipelines up to 5), but any other request waits until the Produce requests
   * before it on its connection are done (appended, or failed).
   */
  #inConnectionOrder(apiKey: number, connection: ConnectionInfo, run: () => Promise<DispatchOutcome>): Promise<DispatchOutcome> {
    const writes = this.#writesInFlight.get(connection);
    if (apiKey !== ApiKey.Produce) return writes === undefined ? run() : writes.then(run);
    const outcome = run();
    const settled: Promise<void> = Promise.all([writes, outcome]).then(() => undefined, () => undefined);
    this.#writesInFlight.set(connection, settled);
    void settled.then(() => { if (this.#writesInFlight.get(connection) === settled) this.#writesInFlight.delete(connection); });
    return outcome;
  }

  /** Error codes in a response are refusals an operator must be able to see: counted and logged. */
  #noteErrors(response: unknown, ctx: RequestContext): void {
    const answers = responseErrors(response);
    if (answers.length === 0) return;
    const { apiKey } = ctx.header;
    const probe = this.#probes.api;
    if (probe !== undefined) {
      const counts = new Map<string, number>();
      for (const a of answers) counts.set(a.error, (counts.get(a.error) ?? 0) + 1);
      for (const [error, count] of counts) probe.errorsAnswered(apiKey, error, count);
    }
    this.#refusals.answered({ api: kafkaApiName(apiKey), clientId: ctx.header.clientId, peer: ctx.clientHost }, answers);
  }

  /** A version outside the handler's range: UNSUPPORTED_VERSION where the codec can say it, else close. */
  #unsupportedVersion(handler: ApiHandler, frame: Buffer, connection: ConnectionInfo): DispatchOutcome {
    const apiKey = frame.readInt16BE(0);
    const apiVersion = frame.readInt16BE(2);
    const correlationId = frame.readInt32BE(4);
    const serving = `${handler.minVersion}-${handler.maxVersion}`;
    const clientId = readClientId(frame);
    let response: unknown = null;
    try {
      const reader = new Reader(frame);
      readRequestHeader(reader, requestHeaderVersion(apiKey, apiVersion));
      const request = handler.readRequest(reader, apiVersion);
      response = handler.errorResponse?.(request, ErrorCode.UNSUPPORTED_VERSION, apiVersion) ?? null;
    } catch (err) {
      if (!(err instanceof ProtocolDecodeError)) throw err;
    }
    const api = kafkaApiName(apiKey);
    const from = `unsupported version ${apiVersion} of ${api} from client ${JSON.stringify(clientId)} (serving ${serving})`;
    const log = { peer: connection.peer, clientId, apiKey, api, apiVersion, serving };
    // A request spec and its response spec share validVersions, so a request the codec could
    // read has a response the codec can write.
    if (response !== null) {
      this.#broker.logger.warn(log, `${from}: answered UNSUPPORTED_VERSION`);
      return encode(responseHeaderVersion(apiKey, apiVersion), correlationId, (w) => handler.writeResponse(w, apiVersion, response));
    }
    this.#broker.logger.warn(log, `${from}: closing the connection, that version has no known response shape`);
    // Empty reason: the line above already says why.
    return close('');
  }

  async #run(handler: ApiHandler, request: unknown, ctx: RequestContext): Promise<DispatchOutcome> {
    const { apiKey, apiVersion, correlationId } = ctx.header;
    let response: unknown;
    try {
      response = await handler.handle(request, ctx);
    } catch (err) {
      this.#broker.logger.error({ err, peer: ctx.clientHost, apiKey, apiVersion }, 'handler failed (bug)');
      if (!handler.errorResponse) return close(`internal error handling API ${apiKey} v${apiVersion}`);
      response = handler.errorResponse(request, ErrorCode.UNKNOWN_SERVER_ERROR, apiVersion);
    }
    if (response === null) return ctx.closeWithoutResponse === undefined ? { kind: 'none' } : close(ctx.closeWithoutResponse);
    this.#noteErrors(response, ctx);
    try {
      return encode(responseHeaderVersion(apiKey, apiVersion), correlationId, (w) => handler.writeResponse(w, apiVersion, response));
    } catch (err) {
      this.#broker.logger.error({ err, peer: ctx.clientHost, apiKey, apiVersion }, 'response encoding failed (bug)');
      return close(`internal error encoding API ${apiKey} v${apiVersion}`);
    }
  }
}

/**
 * The client id of any request header v1+ (never compact, right after the fixed part), read on
 * its own so a log line can name the client even when the rest of the header does not parse.
 */
function readClientId(frame: Buffer): string | null {
  try {
    return new Reader(frame, HEADER_FIXED_BYTES).readNullableString();
  } catch (err) {
    if (err instanceof ProtocolDecodeError) return null;
    throw err;
  }
}

function close(reason: string): DispatchOutcome {
  return { kind: 'close', reason };
}

function encode(headerVersion: number, correlationId: number, body: (w: Writer) => void): DispatchOutcome {
  const w = new Writer();
  const setSize = w.reserveInt32();
  writeResponseHeader(w, headerVersion, { correlationId });
  body(w);
  setSize(w.length - 4);
  return { kind: 'respond', chunks: w.toChunks() };
}
