/**
 * Writer: an append-only, growable output with every Kafka wire primitive. It keeps a list of
 * chunks so that large payloads (`records`, big `bytes`) are appended by reference, never copied:
 * a Fetch response that carries segment slices becomes [header bytes, slice, slice, ...] and can
 * be handed to `socket.writev`/`cork` as is. Small writes go into the current scratch buffer.
 *
 * Lifecycle: create, write, then call `toChunks()` or `toBuffer()` once; the writer must not be
 * written to afterwards (the scratch buffer is shared with the returned chunks).
 */
import { UUID_BYTES } from './uuid.js';
import type { TaggedField } from './reader.js';

const INITIAL_BYTES_DEFAULT = 256;
/** Growth cap for one scratch buffer: beyond this, start a new one rather than double. */
const SCRATCH_BYTES_MAX = 1 << 20;
/** Appended buffers at least this large are kept by reference instead of copied. */
const ZERO_COPY_BYTES_MIN = 512;
const TWO_POW_32 = 0x100000000;
/** Up to this many bytes, a byte loop beats Buffer#copy. */
const SMALL_COPY_BYTES_MAX = 32;

export class Writer {
  #chunks: Buffer[] = [];
  #buf: Buffer;
  /** Start of the bytes in #buf not yet moved to #chunks. */
  #start = 0;
  #pos = 0;
  /** Bytes already in #chunks. */
  #flushed = 0;

  constructor(initialBytes = INITIAL_BYTES_DEFAULT) {
    this.#buf = Buffer.allocUnsafe(Math.max(16, initialBytes));
  }

  /** Total bytes written so far. */
  get length(): number {
    return this.#flushed + this.#pos - this.#start;
  }

  #flush(): void {
    if (this.#pos > this.#start) {
      this.#chunks.push(this.#buf.subarray(this.#start, this.#pos));
      this.#flushed += this.#pos - this.#start;
      this.#start = this.#pos;
    }
  }

  #ensure(n: number): void {
    if (this.#pos + n <= this.#buf.length) return;
    this.#flush();
    const size = Math.max(n, Math.min(this.#buf.length * 2, SCRATCH_BYTES_MAX));
    this.#buf = Buffer.allocUnsafe(size);
    this.#start = 0;
    this.#pos = 0;
  }

  // Fixed-width writes check the value and store bytes inline (Buffer#writeInt32BE's checks cost
  // several times more). An out-of-range value is a caller bug: RangeError, never silent wrap.

  writeInt8(v: number): void {
    if ((v << 24) >> 24 !== v) throw new RangeError(`int8 value ${v} is out of range`);
    this.#ensure(1);
    this.#buf[this.#pos++] = v & 0xff;
  }

  writeBool(v: boolean): void {
    this.#ensure(1);
    this.#buf[this.#pos++] = v ? 1 : 0;
  }

  writeInt16(v: number): void {
    if ((v << 16) >> 16 !== v) throw new RangeError(`int16 value ${v} is out of range`);
    this.#ensure(2);
    const b = this.#buf;
    const p = this.#pos;
    b[p] = (v >>> 8) & 0xff;
    b[p + 1] = v & 0xff;
    this.#pos = p + 2;
  }

  writeUint16(v: number): void {
    if ((v & 0xffff) !== v) throw new RangeError(`uint16 value ${v} is out of range`);
    this.#ensure(2);
    const b = this.#buf;
    const p = this.#pos;
    b[p] = v >>> 8;
    b[p + 1] = v & 0xff;
    this.#pos = p + 2;
  }

  writeInt32(v: number): void {
    if ((v | 0) !== v) throw new RangeError(`int32 value ${v} is out of range`);
    this.#ensure(4);
    this.#put32(v);
  }

  writeUint32(v: number): void {
    if (v >>> 0 !== v) throw new RangeError(`uint32 value ${v} is out of range`);
    this.#ensure(4);
    this.#put32(v);
  }

  #put32(v: number): void {
    const b = this.#buf;
    const p = this.#pos;
    b[p] = (v >>> 24) & 0xff;
    b[p + 1] = (v >>> 16) & 0xff;
    b[p + 2] = (v >>> 8) & 0xff;
    b[p + 3] = v & 0xff;
    this.#pos = p + 4;
  }

  /** int64 from a safe JS number; anything else is a caller bug and throws. */
  writeInt64(v: number): void {
    if (!Number.isSafeInteger(v)) throw new RangeError(`int64 value ${v} is not a safe integer`);
    this.#ensure(8);
    const low = v % TWO_POW_32;
    const lowU = low < 0 ? low + TWO_POW_32 : low;
    this.#put32((v - lowU) / TWO_POW_32);
    this.#put32(lowU);
  }

  writeFloat64(v: number): void {
    this.#ensure(8);
    this.#buf.writeDoubleBE(v, this.#pos);
    this.#pos += 8;
  }

  writeUuid(v: Buffer): void {
    if (v.length !== UUID_BYTES) throw new RangeError(`uuid must be ${UUID_BYTES} bytes, got ${v.length}`);
    this.writeRaw(v);
  }

  writeUnsignedVarint(v: number): void {
    this.#ensure(5);
    let value = v >>> 0;
    while (value >= 0x80) {
      this.#buf[this.#pos++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.#buf[this.#pos++] = value;
  }

  /** Zig-zag int32 varint. */
  writeVarint(v: number): void {
    this.writeUnsignedVarint(((v << 1) ^ (v >> 31)) >>> 0);
  }

  /** Zig-zag int64 varlong from a safe JS number. */
  writeVarlong(v: number): void {
    if (!Number.isSafeInteger(v)) throw new RangeError(`varlong value ${v} is not a safe integer`);
    let u = v >= 0 ? v * 2 : -v * 2 - 1;
    this.#ensure(10);
    while (u >= 0x80) {
      this.#buf[this.#pos++] = (u % 0x80) | 0x80;
      u = Math.floor(u / 0x80);
    }
    this.#buf[this.#pos++] = u;
  }

  /** Appends bytes with no length prefix; large buffers by reference. */
  writeRaw(b: Buffer): void {
    if (b.length >= ZERO_COPY_BYTES_MIN) {
      this.#flush();
      this.#chunks.push(b);
      this.#flushed += b.length;
      return;
    }
    const n = b.length;
    this.#ensure(n);
    if (n <= SMALL_COPY_BYTES_MAX) {
      // Buffer#copy has a fixed cost that dominates for uuids and short payloads.
      const dst = this.#buf;
      const p = this.#pos;
      for (let i = 0; i < n; i++) dst[p + i] = b[i]!;
    } else {
      b.copy(this.#buf, this.#pos);
    }
    this.#pos += n;
  }

  #utf8(s: string, lengthBytes: number, compact: boolean): void {
    const len = Buffer.byteLength(s, 'utf8');
    if (compact) this.writeUnsignedVarint(len + 1);
    else if (lengthBytes === 2) {
      if (len > 0x7fff) throw new RangeError(`string of ${len} bytes is too long for an int16 length`);
      this.writeInt16(len);
    }
    this.#ensure(len);
    this.#pos += this.#buf.write(s, this.#pos, len, 'utf8');
  }

  writeString(s: string): void {
    this.#utf8(s, 2, false);
  }

  writeNullableString(s: string | null): void {
    if (s === null) this.writeInt16(-1);
    else this.#utf8(s, 2, false);
  }

  writeCompactString(s: string): void {
    this.#utf8(s, 0, true);
  }

  writeCompactNullableString(s: string | null): void {
    if (s === null) this.writeUnsignedVarint(0);
    else this.#utf8(s, 0, true);
  }

  writeBytes(b: Buffer): void {
    this.writeInt32(b.length);
    this.writeRaw(b);
  }

  writeNullableBytes(b: Buffer | null): void {
    if (b === null) this.writeInt32(-1);
    else this.writeBytes(b);
  }

  writeCompactBytes(b: Buffer): void {
    this.writeUnsignedVarint(b.length + 1);
    this.writeRaw(b);
  }

  writeCompactNullableBytes(b: Buffer | null): void {
    if (b === null) this.writeUnsignedVarint(0);
    else this.writeCompactBytes(b);
  }

  /** A `records` field: one buffer or a list written back to back (by reference), or null. */
  writeRecords(data: Buffer | readonly Buffer[] | null, compact: boolean): void {
    if (data === null) {
      if (compact) this.writeUnsignedVarint(0);
      else this.writeInt32(-1);
      return;
    }
    if (Buffer.isBuffer(data)) {
      if (compact) this.writeCompactBytes(data);
      else this.writeBytes(data);
      return;
    }
    let total = 0;
    for (const b of data) total += b.length;
    if (compact) this.writeUnsignedVarint(total + 1);
    else this.writeInt32(total);
    for (const b of data) this.writeRaw(b);
  }

  /** Appends everything another writer holds (used for tagged fields, whose size comes first). */
  writeWriter(other: Writer): void {
    for (const c of other.toChunks()) this.writeRaw(c);
  }

  /** Unknown tagged fields kept by a reader, written back unchanged (tag, size, data). */
  writeRawTaggedField(f: TaggedField): void {
    this.writeUnsignedVarint(f.tag);
    this.writeUnsignedVarint(f.data.length);
    this.writeRaw(f.data);
  }

  /**
   * Reserves 4 bytes for an int32 filled in later (a frame's size prefix); returns the setter.
   * The reserved bytes stay in this writer's scratch buffer, so the setter works until the end.
   */
  reserveInt32(): (value: number) => void {
    this.#ensure(4);
    const buf = this.#buf;
    const at = this.#pos;
    this.#pos += 4;
    return (value: number) => {
      buf.writeInt32BE(value, at);
    };
  }

  /** The written bytes as a list of chunks (no copy). */
  toChunks(): Buffer[] {
    this.#flush();
    return this.#chunks;
  }

  /** The written bytes as one Buffer (copies only when there is more than one chunk). */
  toBuffer(): Buffer {
    const chunks = this.toChunks();
    if (chunks.length === 1) return chunks[0]!;
    return Buffer.concat(chunks, this.#flushed);
  }
}
