import type { Broker } from './broker.js';
import type { TrafficProbe } from '../metrics/probes/traffic.js';

/**
 * The request header as handlers see it, decoded by server/ from request header v0–v2. ClientId is
 * null when the client sent a null string (v1+) or a v0 header.
 */
export interface RequestHeader {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
}

/**
 * Everything a handler may use for one request. `signal` aborts when the connection closes or the
 * broker shuts down, so long-polls (Fetch) return early instead of holding the process open.
 */
export interface RequestContext {
  header: RequestHeader;
  /** Peer address as "host:port", for log lines. */
  clientHost: string;
  broker: Broker;
  signal: AbortSignal;
  /** Bytes/records per topic for /metrics (Produce and Fetch report); absent in tests without metrics. */
  traffic?: TrafficProbe;
  /**
   * Set by a handler that returns null (no response) but must still tell the client something went
   * wrong: the server then closes the connection, with this reason in the log. Kafka does this for
   * a failed acks=0 Produce, so the client refreshes metadata instead of sending into the void.
   */
  closeWithoutResponse?: string;
}

/**
 * One Kafka API. `api/registry.ts` lists every handler; ApiVersions is computed from that list, so
 * a version is advertised only when a handler serves it.
 *
 * Versions: [minVersion, maxVersion] is what ApiVersions advertises and what the server decodes.
 * A handler may advertise versions it answers only with an error (Produce v0–2 get
 * UNSUPPORTED_VERSION, because librdkafka 2.0.2 turns compression off unless Produce 0 is
 * advertised; PROTOCOL.md §0.3).
 *
 * Codecs: `readRequest`/`writeResponse` are the generated functions for this API
 * (src/protocol/generated/<kebab>-request.ts); handlers never encode bytes themselves.
 */
export interface ApiHandler<Req = any, Res = any> {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
  /** Generated decoder for the request body (after the header). */
  readRequest(reader: any, version: number): Req;
  /** Generated encoder for the response body (the server writes the header). */
  writeResponse(writer: any, version: number, response: Res): void;
  /**
   * Returns the response body, or null when no response is sent (Produce with acks=0). May throw
   * only for our own bugs; the server then answers with `errorResponse(request, UNKNOWN_SERVER_ERROR)`
   * when the handler defines it, else closes the connection, and logs.
   */
  handle(request: Req, ctx: RequestContext): Promise<Res | null>;
  /** A whole-request error answer with `errorCode` in every error field, when the shape allows;
   *  null when no response may be sent (Produce acks=0). */
  errorResponse?(request: Req, errorCode: number, version: number): Res | null;
}
