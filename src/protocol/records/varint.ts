/**
 * Zig-zag varints as Kafka's record format uses them (the protobuf encoding): a signed value is
 * mapped to unsigned (0→0, -1→1, 1→2, -2→3 …) and written 7 bits a byte, low bits first, with the
 * high bit set on every byte but the last.
 *
 * Bounds: a varint (int32) has at most 5 bytes and a varlong (int64) at most 10; longer encodings
 * are rejected, as Java's ByteUtils does, so hostile input cannot make a read loop run on. Varlongs
 * are JS numbers (src/util/int64.ts): a value outside the safe integer range is rejected.
 */
import { Int64RangeError } from '../../util/int64.js';
import { RecordDecodeError } from './errors.js';

export const VARINT_BYTES_MAX = 5;
export const VARLONG_BYTES_MAX = 10;

/** A read position over a byte range; readers advance `pos` and never read at or past `end`. */
export interface Cursor {
  buf: Buffer;
  pos: number;
  end: number;
}

export function readVarint(c: Cursor): number {
  let unsigned = 0;
  for (let i = 0; i < VARINT_BYTES_MAX; i++) {
    if (c.pos >= c.end) throw new RecordDecodeError('truncated', `varint at ${c.pos} runs past the end`);
    const b = c.buf[c.pos++]!;
    // Bits beyond 32 in the fifth byte are dropped, as Java's reader does.
    unsigned |= (b & 0x7f) << (7 * i);
    if ((b & 0x80) === 0) return (unsigned >>> 1) ^ -(unsigned & 1);
  }
  throw new RecordDecodeError('bad-varint', `varint longer than ${VARINT_BYTES_MAX} bytes at ${c.pos - VARINT_BYTES_MAX}`);
}

/** Up to 7 bytes (49 bits) the value is exact in a double; longer ones take the bigint path. */
const VARLONG_FAST_BYTES_MAX = 7;

export function readVarlong(c: Cursor): number {
  const start = c.pos;
  let unsigned = 0;
  let scale = 1;
  for (let i = 0; i < VARLONG_FAST_BYTES_MAX; i++) {
    if (c.pos >= c.end) throw new RecordDecodeError('truncated', `varlong at ${start} runs past the end`);
    const b = c.buf[c.pos++]!;
    unsigned += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) return unsigned % 2 === 0 ? unsigned / 2 : -(unsigned + 1) / 2;
    scale *= 128;
  }
  c.pos = start;
  return readVarlongSlow(c);
}

function readVarlongSlow(c: Cursor): number {
  const start = c.pos;
  let unsigned = 0n;
  for (let i = 0; i < VARLONG_BYTES_MAX; i++) {
    if (c.pos >= c.end) throw new RecordDecodeError('truncated', `varlong at ${start} runs past the end`);
    const b = c.buf[c.pos++]!;
    unsigned |= BigInt(b & 0x7f) << BigInt(7 * i);
    if ((b & 0x80) === 0) {
      unsigned &= 0xffffffffffffffffn;
      const signed = (unsigned >> 1n) ^ -(unsigned & 1n);
      if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < BigInt(Number.MIN_SAFE_INTEGER)) {
        throw new RecordDecodeError('bad-varint', `varlong at ${start} is outside the safe integer range`);
      }
      return Number(signed);
    }
  }
  throw new RecordDecodeError('bad-varint', `varlong longer than ${VARLONG_BYTES_MAX} bytes at ${start}`);
}

/** Bytes needed for `value` (an int32) as a zig-zag varint. */
export function varintBytes(value: number): number {
  let unsigned = ((value << 1) ^ (value >> 31)) >>> 0;
  let bytes = 1;
  while (unsigned >= 0x80) {
    unsigned >>>= 7;
    bytes++;
  }
  return bytes;
}

/** Writes `value` (an int32) at `pos`; returns the position after it. */
export function writeVarint(buf: Buffer, pos: number, value: number): number {
  let unsigned = ((value << 1) ^ (value >> 31)) >>> 0;
  while (unsigned >= 0x80) {
    buf[pos++] = (unsigned & 0x7f) | 0x80;
    unsigned >>>= 7;
  }
  buf[pos++] = unsigned;
  return pos;
}

/** Zig-zag of a safe integer; exact in a double below 2^52, bigint beyond (rare: huge timestamps). */
function zigzagLong(value: number): number | bigint {
  if (value < 2 ** 51 && value > -(2 ** 51)) return value >= 0 ? value * 2 : -value * 2 - 1;
  const v = BigInt(value);
  return v >= 0n ? v << 1n : (-v << 1n) - 1n;
}

export function varlongBytes(value: number): number {
  const unsigned = zigzagLong(value);
  if (typeof unsigned === 'bigint') {
    let u = unsigned;
    let bytes = 1;
    while (u >= 0x80n) {
      u >>= 7n;
      bytes++;
    }
    return bytes;
  }
  let u = unsigned;
  let bytes = 1;
  while (u >= 0x80) {
    u = Math.floor(u / 128);
    bytes++;
  }
  return bytes;
}

/** Writes `value` (a safe integer) at `pos`; returns the position after it. */
export function writeVarlong(buf: Buffer, pos: number, value: number): number {
  if (!Number.isSafeInteger(value)) throw new Int64RangeError(`${value} is not a safe integer`);
  const unsigned = zigzagLong(value);
  if (typeof unsigned === 'bigint') {
    let u = unsigned;
    while (u >= 0x80n) {
      buf[pos++] = Number(u & 0x7fn) | 0x80;
      u >>= 7n;
    }
    buf[pos++] = Number(u);
    return pos;
  }
  let u = unsigned;
  while (u >= 0x80) {
    buf[pos++] = (u % 128) | 0x80;
    u = Math.floor(u / 128);
  }
  buf[pos++] = u;
  return pos;
}
