/**
 * Reader: a cursor over one received frame, with every Kafka wire primitive the generated codecs
 * need. The input is untrusted, so every read checks the remaining bytes first and every length or
 * count is checked against what is left *before* anything is allocated; any malformed input throws
 * ProtocolDecodeError and nothing else (no RangeError, no giant allocation).
 *
 * Strings and uuids are copied out; `bytes`/`records`/raw tagged data are zero-copy subarrays of the
 * frame buffer (they keep the frame alive as long as they are referenced).
 */
import { ZERO_UUID, UUID_BYTES } from './uuid.js';

/** The only error a decoder throws for malformed input. */
export class ProtocolDecodeError extends Error {
  override name = 'ProtocolDecodeError';
}

/** A tagged field the codec did not know, kept so that it can be written back unchanged. */
export interface TaggedField {
  tag: number;
  data: Buffer;
}

const TWO_POW_32 = 0x100000000;
/** An unsigned varint holding an int32 is at most 5 bytes long. */
const UVARINT32_BYTES_MAX = 5;
/** A varlong (zig-zag int64) is at most 10 bytes long. */
const VARLONG_BYTES_MAX = 10;

export class Reader {
  readonly buf: Buffer;
  offset: number;
  readonly end: number;

  constructor(buf: Buffer, offset = 0, end = buf.length) {
    this.buf = buf;
    this.offset = offset;
    this.end = end;
  }

  remaining(): number {
    return this.end - this.offset;
  }

  /** Throws unless `n` more bytes are available. */
  need(n: number): void {
    if (n > this.end - this.offset) {
      throw new ProtocolDecodeError(`need ${n} bytes at offset ${this.offset}, only ${this.end - this.offset} left`);
    }
  }

  // Fixed-width reads do the byte arithmetic inline: Buffer#readInt32BE re-checks bounds and
  // costs ~3x as much on the hot path (measured in test/bench/protocol.ts' environment).

  readInt8(): number {
    const o = this.offset;
    if (o + 1 > this.end) this.need(1);
    this.offset = o + 1;
    return (this.buf[o]! << 24) >> 24;
  }

  readBool(): boolean {
    const o = this.offset;
    if (o + 1 > this.end) this.need(1);
    this.offset = o + 1;
    return this.buf[o] !== 0;
  }

  readInt16(): number {
    const o = this.offset;
    if (o + 2 > this.end) this.need(2);
    const b = this.buf;
    this.offset = o + 2;
    return ((b[o]! << 24) | (b[o + 1]! << 16)) >> 16;
  }

  readUint16(): number {
    const o = this.offset;
    if (o + 2 > this.end) this.need(2);
    const b = this.buf;
    this.offset = o + 2;
    return (b[o]! << 8) | b[o + 1]!;
  }

  readInt32(): number {
    const o = this.offset;
    if (o + 4 > this.end) this.need(4);
    const b = this.buf;
    this.offset = o + 4;
    return (b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!;
  }

  readUint32(): number {
    return this.readInt32() >>> 0;
  }

  /** int64 as a JS number; values outside the safe-integer range are a decode error. */
  readInt64(): number {
    const o = this.offset;
    if (o + 8 > this.end) this.need(8);
    const b = this.buf;
    const high = (b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!;
    const low = ((b[o + 4]! << 24) | (b[o + 5]! << 16) | (b[o + 6]! << 8) | b[o + 7]!) >>> 0;
    if (high > 0x1fffff || high < -0x200000) {
      throw new ProtocolDecodeError(`int64 at offset ${o} is outside the safe integer range`);
    }
    this.offset = o + 8;
    return high * TWO_POW_32 + low;
  }

  readFloat64(): number {
    this.need(8);
    const v = this.buf.readDoubleBE(this.offset);
    this.offset += 8;
    return v;
  }

  readUuid(): Buffer {
    this.need(UUID_BYTES);
    const out = Buffer.allocUnsafe(UUID_BYTES);
    this.buf.copy(out, 0, this.offset, this.offset + UUID_BYTES);
    this.offset += UUID_BYTES;
    return out.equals(ZERO_UUID) ? ZERO_UUID : out;
  }

  /**
   * Unsigned varint of at most 32 bits (lengths, counts, tags). Unrolled integer arithmetic: a
   * generic loop with `2 ** shift` measured ~20x slower, and every compact length goes through here.
   */
  readUnsignedVarint(): number {
    const b = this.buf;
    const end = this.end;
    let o = this.offset;
    if (o >= end) this.need(1);
    let x = b[o++]!;
    if (x < 0x80) {
      this.offset = o;
      return x;
    }
    let value = x & 0x7f;
    for (let shift = 7; shift < 28; shift += 7) {
      if (o >= end) this.#truncatedVarint();
      x = b[o++]!;
      value |= (x & 0x7f) << shift;
      if (x < 0x80) {
        this.offset = o;
        return value;
      }
    }
    if (o >= end) this.#truncatedVarint();
    x = b[o++]!;
    if (x > 0x0f) throw new ProtocolDecodeError(`unsigned varint at offset ${this.offset} exceeds 32 bits or ${UVARINT32_BYTES_MAX} bytes`);
    this.offset = o;
    return (value | (x << 28)) >>> 0;
  }

  #truncatedVarint(): never {
    throw new ProtocolDecodeError(`truncated varint at offset ${this.offset}`);
  }

  /** Zig-zag signed varint (int32). */
  readVarint(): number {
    const u = this.readUnsignedVarint();
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }

  /** Zig-zag signed varlong (int64) as a safe JS number. */
  readVarlong(): number {
    let value = 0;
    let shift = 0;
    for (let i = 0; i < VARLONG_BYTES_MAX; i++) {
      this.need(1);
      const b = this.buf[this.offset++]!;
      value += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) {
        if (value > Number.MAX_SAFE_INTEGER) throw new ProtocolDecodeError('varlong is outside the safe integer range');
        return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
      }
      shift += 7;
    }
    throw new ProtocolDecodeError(`varlong longer than ${VARLONG_BYTES_MAX} bytes`);
  }

  /** int32 array count (-1 = null); the count is checked against the remaining bytes. */
  readArrayLength(): number {
    const n = this.readInt32();
    if (n < -1) throw new ProtocolDecodeError(`negative array length ${n}`);
    if (n > this.end - this.offset) throw new ProtocolDecodeError(`array of ${n} elements exceeds the ${this.end - this.offset} bytes left`);
    return n;
  }

  /** Compact array count: uvarint N+1, 0 = null (returned as -1). */
  readCompactArrayLength(): number {
    const n = this.readUnsignedVarint() - 1;
    if (n > this.end - this.offset) throw new ProtocolDecodeError(`array of ${n} elements exceeds the ${this.end - this.offset} bytes left`);
    return n;
  }

  #utf8(len: number): string {
    this.need(len);
    const s = this.buf.toString('utf8', this.offset, this.offset + len);
    this.offset += len;
    return s;
  }

  #slice(len: number): Buffer {
    this.need(len);
    const b = this.buf.subarray(this.offset, this.offset + len);
    this.offset += len;
    return b;
  }

  readString(): string {
    const len = this.readInt16();
    if (len < 0) throw new ProtocolDecodeError(`null or negative string length ${len} for a non-nullable string`);
    return this.#utf8(len);
  }

  readNullableString(): string | null {
    const len = this.readInt16();
    if (len === -1) return null;
    if (len < 0) throw new ProtocolDecodeError(`negative string length ${len}`);
    return this.#utf8(len);
  }

  readCompactString(): string {
    const len = this.readUnsignedVarint() - 1;
    if (len < 0) throw new ProtocolDecodeError('null compact string for a non-nullable string');
    return this.#utf8(len);
  }

  readCompactNullableString(): string | null {
    const len = this.readUnsignedVarint() - 1;
    if (len < 0) return null;
    return this.#utf8(len);
  }

  readBytes(): Buffer {
    const len = this.readInt32();
    if (len < 0) throw new ProtocolDecodeError(`null or negative bytes length ${len} for non-nullable bytes`);
    return this.#slice(len);
  }

  readNullableBytes(): Buffer | null {
    const len = this.readInt32();
    if (len === -1) return null;
    if (len < 0) throw new ProtocolDecodeError(`negative bytes length ${len}`);
    return this.#slice(len);
  }

  readCompactBytes(): Buffer {
    const len = this.readUnsignedVarint() - 1;
    if (len < 0) throw new ProtocolDecodeError('null compact bytes for non-nullable bytes');
    return this.#slice(len);
  }

  readCompactNullableBytes(): Buffer | null {
    const len = this.readUnsignedVarint() - 1;
    if (len < 0) return null;
    return this.#slice(len);
  }

  /** Raw bytes (no length prefix), zero-copy. */
  readRaw(len: number): Buffer {
    return this.#slice(len);
  }

  /** Throws the typed error for a null read in a version where the field is not nullable. */
  static notNullable(field: string): never {
    throw new ProtocolDecodeError(`${field} is null but not nullable in this version`);
  }

  /** Used by generated code after a known tagged field: it must end exactly where its size said. */
  endTagged(end: number, tag: number): void {
    if (this.offset > end) throw new ProtocolDecodeError(`tagged field ${tag} overran its declared size`);
    this.offset = end;
  }
}
