/**
 * Size-prefixed framing: every Kafka request and response is an int32 byte count followed by that
 * many bytes (header + body). Encoding writes the prefix in place (no copy of the body); decoding
 * splits a byte stream into frames and refuses a frame larger than the caller's bound before
 * buffering it.
 */
import { Writer } from './primitives/writer.js';
import { ProtocolDecodeError } from './primitives/reader.js';
import { writeRequestHeader, writeResponseHeader, type RequestHeader } from './headers.js';

export const FRAME_SIZE_BYTES = 4;
/** First scratch buffer of a response writer: most responses fit, big ones grow or chain chunks. */
const RESPONSE_INITIAL_BYTES = 1024;

/**
 * A response frame: size, header (version 0 or 1), then what `write` writes. Returns one Buffer, or
 * a list of chunks when large payloads (records) were appended by reference — pass it to
 * `socket.write` chunk by chunk (or cork/uncork) without concatenating.
 */
export function encodeResponseFrame(correlationId: number, headerVersion: number, write: (w: Writer) => void): Buffer | Buffer[] {
  const w = new Writer(RESPONSE_INITIAL_BYTES);
  const setSize = w.reserveInt32();
  writeResponseHeader(w, correlationId, headerVersion);
  write(w);
  setSize(w.length - FRAME_SIZE_BYTES);
  const chunks = w.toChunks();
  return chunks.length === 1 ? chunks[0]! : chunks;
}

/** A request frame as one Buffer (for tests and Canopy's own clients). */
export function encodeRequestFrame(header: RequestHeader, write: (w: Writer) => void): Buffer {
  const w = new Writer(RESPONSE_INITIAL_BYTES);
  const setSize = w.reserveInt32();
  writeRequestHeader(w, header);
  write(w);
  setSize(w.length - FRAME_SIZE_BYTES);
  return w.toBuffer();
}

/**
 * Splits a byte stream into frames (without their size prefix). Feed it socket chunks with
 * `push`; it returns the complete frames so far. A declared size above `frameBytesMax` or below 0
 * throws ProtocolDecodeError at once: the connection should be closed, the bytes never buffered.
 */
export class FrameSplitter {
  readonly #frameBytesMax: number;
  #pending: Buffer[] = [];
  #pendingBytes = 0;

  constructor(frameBytesMax: number) {
    this.#frameBytesMax = frameBytesMax;
  }

  /** Bytes received but not yet part of a returned frame. */
  get bufferedBytes(): number {
    return this.#pendingBytes;
  }

  push(chunk: Buffer): Buffer[] {
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.length;
    const frames: Buffer[] = [];
    for (;;) {
      if (this.#pendingBytes < FRAME_SIZE_BYTES) break;
      const head = this.#contiguous(FRAME_SIZE_BYTES);
      const size = head.readInt32BE(0);
      if (size < 0 || size > this.#frameBytesMax) {
        throw new ProtocolDecodeError(`frame of ${size} bytes is outside 0..${this.#frameBytesMax}`);
      }
      if (this.#pendingBytes < FRAME_SIZE_BYTES + size) break;
      const all = this.#contiguous(FRAME_SIZE_BYTES + size);
      frames.push(all.subarray(FRAME_SIZE_BYTES, FRAME_SIZE_BYTES + size));
      this.#consume(FRAME_SIZE_BYTES + size);
    }
    return frames;
  }

  /** Makes the first `n` pending bytes one buffer (merging chunks only when a frame spans them). */
  #contiguous(n: number): Buffer {
    const first = this.#pending[0]!;
    if (first.length >= n) return first;
    const merged = Buffer.concat(this.#pending, this.#pendingBytes);
    this.#pending = [merged];
    return merged;
  }

  #consume(n: number): void {
    const first = this.#pending[0]!;
    if (first.length === n) this.#pending.shift();
    else this.#pending[0] = first.subarray(n);
    this.#pendingBytes -= n;
  }
}
