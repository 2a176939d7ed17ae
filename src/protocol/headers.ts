/**
 * Request and response headers, and which header version goes with which (API key, version).
 *
 *   request header  v0: api key, api version, correlation id          (only ControlledShutdown v0)
 *                   v1: + ClientId (nullable, int16 length, never compact)
 *                   v2: + tagged fields            ← exactly when the request version is flexible
 *   response header v0: correlation id
 *                   v1: + tagged fields            ← when the response version is flexible,
 *                                                    except ApiVersions: always v0 (KIP-511)
 *
 * An unknown API key gets header v1 (no tags): the broker can still read the correlation id and
 * the client id and answer (or close) without guessing.
 */
import { ProtocolDecodeError, type Reader } from './primitives/reader.js';
import type { Writer } from './primitives/writer.js';
import { ApiKey, apiSpecs } from './generated/index.js';
import { readRequestHeader as readRequestHeaderBody, writeRequestHeader as writeRequestHeaderBody } from './generated/request-header.js';
import { writeResponseHeader as writeResponseHeaderBody } from './generated/response-header.js';

export interface RequestHeader {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
}

/** Bytes of api key + api version at the start of every request. */
const KEY_AND_VERSION_BYTES = 4;

function isFlexible(apiKey: number, apiVersion: number): boolean {
  const spec = apiSpecs.get(apiKey);
  return spec !== undefined && apiVersion >= spec.flexibleMinVersion;
}

/** ControlledShutdown (key 7) v0 is the one request that uses header v0 (no client id). */
const CONTROLLED_SHUTDOWN_API_KEY = 7;

/** 0, 1 or 2. */
export function requestHeaderVersion(apiKey: number, apiVersion: number): number {
  if (apiKey === CONTROLLED_SHUTDOWN_API_KEY && apiVersion === 0) return 0;
  return isFlexible(apiKey, apiVersion) ? 2 : 1;
}

/** 0 or 1; ApiVersions responses are always 0. */
export function responseHeaderVersion(apiKey: number, apiVersion: number): number {
  if (apiKey === ApiKey.ApiVersions) return 0;
  return isFlexible(apiKey, apiVersion) ? 1 : 0;
}

/**
 * Reads a request header: api key and version first, then the rest in the header version they
 * imply. Versions above an API's max keep being flexible if the API is (so an ApiVersions v9
 * request still parses and can be answered with UNSUPPORTED_VERSION).
 */
export function readRequestHeader(r: Reader): RequestHeader {
  r.need(KEY_AND_VERSION_BYTES);
  const apiKey = r.buf.readInt16BE(r.offset);
  const apiVersion = r.buf.readInt16BE(r.offset + 2);
  if (apiVersion < 0) throw new ProtocolDecodeError(`negative api version ${apiVersion}`);
  const h = readRequestHeaderBody(r, requestHeaderVersion(apiKey, apiVersion));
  return { apiKey, apiVersion, correlationId: h.correlationId, clientId: h.clientId };
}

export function writeRequestHeader(w: Writer, h: RequestHeader): void {
  writeRequestHeaderBody(w, requestHeaderVersion(h.apiKey, h.apiVersion), {
    requestApiKey: h.apiKey,
    requestApiVersion: h.apiVersion,
    correlationId: h.correlationId,
    clientId: h.clientId,
  });
}

export function writeResponseHeader(w: Writer, correlationId: number, headerVersion: number): void {
  writeResponseHeaderBody(w, headerVersion, { correlationId });
}
