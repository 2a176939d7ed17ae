/**
 * Splits a TCP byte stream into Kafka frames: int32 size (big-endian), then `size` bytes. The size
 * is checked against `frameBytesMax` as soon as its 4 bytes arrive, before anything is buffered
 * for it, so an oversize or negative size costs nothing.
 *
 * Buffering: received chunks are kept as a list and copied once into a frame buffer when a whole
 * frame is present (a frame that arrives in one chunk is a zero-copy subarray).
 */
export const FRAME_SIZE_BYTES = 4;

export type FrameResult = { kind: 'frame'; frame: Buffer } | { kind: 'need-more' } | { kind: 'error'; reason: string };
export type FrameSizeResult = { kind: 'size'; bytes: number } | { kind: 'need-more' } | { kind: 'error'; reason: string };

export class FrameDecoder {
  readonly #frameBytesMax: number;
  #chunks: Buffer[] = [];
  #buffered = 0;

  constructor(frameBytesMax: number) {
    this.#frameBytesMax = frameBytesMax;
  }

  get bufferedBytes(): number {
    return this.#buffered;
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
  }

  /** The size of the next frame once its 4-byte prefix is here (checked), before its body is. */
  nextSize(): FrameSizeResult {
    if (this.#buffered < FRAME_SIZE_BYTES) return { kind: 'need-more' };
    const size = this.#peekSize();
    if (size < 0) return { kind: 'error', reason: `negative frame size ${size}` };
    if (size > this.#frameBytesMax) return { kind: 'error', reason: `frame size ${size} exceeds frameBytesMax ${this.#frameBytesMax}` };
    return { kind: 'size', bytes: size };
  }

  /** True when bytes of a frame are buffered but not the whole frame yet. */
  get partial(): boolean {
    if (this.#buffered === 0) return false;
    const head = this.nextSize();
    return head.kind === 'need-more' || (head.kind === 'size' && this.#buffered < FRAME_SIZE_BYTES + head.bytes);
  }

  /** The next whole frame (without its size prefix), or need-more, or a framing error. */
  next(): FrameResult {
    const head = this.nextSize();
    if (head.kind !== 'size') return head;
    if (this.#buffered < FRAME_SIZE_BYTES + head.bytes) return { kind: 'need-more' };
    this.#take(FRAME_SIZE_BYTES);
    return { kind: 'frame', frame: this.#take(head.bytes) };
  }

  #peekSize(): number {
    const first = this.#chunks[0]!;
    if (first.length >= FRAME_SIZE_BYTES) return first.readInt32BE(0);
    const head = Buffer.alloc(FRAME_SIZE_BYTES);
    let filled = 0;
    for (const c of this.#chunks) {
      const n = Math.min(c.length, FRAME_SIZE_BYTES - filled);
      c.copy(head, filled, 0, n);
      filled += n;
      if (filled === FRAME_SIZE_BYTES) break;
    }
    return head.readInt32BE(0);
  }

  /** Removes and returns the next `n` buffered bytes (n <= bufferedBytes). */
  #take(n: number): Buffer {
    this.#buffered -= n;
    const first = this.#chunks[0];
    if (first && first.length >= n) {
      const out = first.subarray(0, n);
      if (first.length === n) this.#chunks.shift();
      else this.#chunks[0] = first.subarray(n);
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const c = this.#chunks[0]!;
      const k = Math.min(c.length, n - filled);
      c.copy(out, filled, 0, k);
      filled += k;
      if (k === c.length) this.#chunks.shift();
      else this.#chunks[0] = c.subarray(k);
    }
    return out;
  }
}
