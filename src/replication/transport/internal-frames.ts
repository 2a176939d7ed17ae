/**
 * Frames on the internal listener: Kafka framing (int32 size, then the header, then the body) with
 * Canopy's own API keys. Every Canopy API is flexible from v0, so requests always use request
 * header v2 and responses response header v1; `protocol/headers.ts` is not used because it decides
 * the header version from the public (Kafka) API table, which has no Canopy keys on purpose.
 */
import { Reader, ProtocolDecodeError } from '../../protocol/primitives/reader.js';
import { Writer } from '../../protocol/primitives/writer.js';
import { FRAME_SIZE_BYTES } from '../../protocol/frame.js';
import { CanopyApiKey } from '../../protocol/generated/canopy-index.js';
import { readRequestHeader, writeRequestHeader } from '../../protocol/generated/request-header.js';
import { readResponseHeader, writeResponseHeader } from '../../protocol/generated/response-header.js';

const REQUEST_HEADER_VERSION = 2;
const API_KEY_BYTES = 2;
const CANOPY_API_KEYS: ReadonlySet<number> = new Set(Object.values(CanopyApiKey));
const RESPONSE_HEADER_VERSION = 1;
const WRITER_INITIAL_BYTES = 512;
/** Canopy nodes name themselves in the header's client id, so a captured frame says what sent it. */
const CLIENT_ID = 'canopy-peer';

export interface InternalRequestHeader {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
}

/** A request frame as chunks (entry data is appended by reference, never copied). */
export function encodeInternalRequest(header: InternalRequestHeader, writeBody: (w: Writer) => void): Buffer[] {
  const w = new Writer(WRITER_INITIAL_BYTES);
  const setSize = w.reserveInt32();
  writeRequestHeader(w, REQUEST_HEADER_VERSION, {
    requestApiKey: header.apiKey,
    requestApiVersion: header.apiVersion,
    correlationId: header.correlationId,
    clientId: CLIENT_ID,
  });
  writeBody(w);
  setSize(w.length - FRAME_SIZE_BYTES);
  return w.toChunks();
}

export function encodeInternalResponse(correlationId: number, writeBody: (w: Writer) => void): Buffer[] {
  const w = new Writer(WRITER_INITIAL_BYTES);
  const setSize = w.reserveInt32();
  writeResponseHeader(w, RESPONSE_HEADER_VERSION, { correlationId });
  writeBody(w);
  setSize(w.length - FRAME_SIZE_BYTES);
  return w.toChunks();
}

/** Reads the header of a request frame (without its size prefix); the reader is left at the body. */
export function decodeInternalRequestHeader(r: Reader): InternalRequestHeader {
  // The key first: a Kafka client on the wrong port gets named as such, not as a header misread.
  r.need(API_KEY_BYTES);
  const apiKey = r.buf.readInt16BE(r.offset);
  if (!CANOPY_API_KEYS.has(apiKey)) throw new ProtocolDecodeError(`api key ${apiKey} is not a Canopy internal API (a Kafka client on the internal port?)`);
  const h = readRequestHeader(r, REQUEST_HEADER_VERSION);
  if (h.requestApiVersion < 0) throw new ProtocolDecodeError(`negative api version ${h.requestApiVersion}`);
  return { apiKey: h.requestApiKey, apiVersion: h.requestApiVersion, correlationId: h.correlationId };
}

export function decodeInternalResponseHeader(r: Reader): number {
  return readResponseHeader(r, RESPONSE_HEADER_VERSION).correlationId;
}

/** Throws unless the reader consumed the whole frame (trailing bytes mean a sender bug or garbage). */
export function expectFrameEnd(r: Reader, what: string): void {
  if (r.remaining() !== 0) throw new ProtocolDecodeError(`${r.remaining()} bytes after the ${what}`);
}
