/**
 * Buffer-level varint helpers for code that walks bytes without a Reader (record bodies inside a
 * RecordBatch use zig-zag varints and varlongs). Reader/Writer have the same encodings as methods.
 */
import { ProtocolDecodeError } from './reader.js';

const VARLONG_BYTES_MAX = 10;

/** Decoded value and the number of bytes it took. */
export interface VarintResult {
  value: number;
  bytes: number;
}

/** Zig-zag varlong at buf[pos..end): throws ProtocolDecodeError when truncated or unsafe. */
export function decodeVarlong(buf: Buffer, pos: number, end = buf.length): VarintResult {
  let value = 0;
  let shift = 0;
  for (let i = 0; i < VARLONG_BYTES_MAX; i++) {
    if (pos + i >= end) throw new ProtocolDecodeError(`truncated varint at offset ${pos}`);
    const b = buf[pos + i]!;
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) {
      if (value > Number.MAX_SAFE_INTEGER) throw new ProtocolDecodeError('varlong is outside the safe integer range');
      return { value: value % 2 === 0 ? value / 2 : -(value + 1) / 2, bytes: i + 1 };
    }
    shift += 7;
  }
  throw new ProtocolDecodeError(`varint longer than ${VARLONG_BYTES_MAX} bytes at offset ${pos}`);
}

/** Bytes a zig-zag varlong of `value` takes. */
export function varlongBytes(value: number): number {
  let u = value >= 0 ? value * 2 : -value * 2 - 1;
  let n = 1;
  while (u >= 0x80) {
    u = Math.floor(u / 0x80);
    n++;
  }
  return n;
}

/** Bytes an unsigned varint of `value` (< 2^32) takes. */
export function unsignedVarintBytes(value: number): number {
  let v = value >>> 0;
  let n = 1;
  while (v >= 0x80) {
    v >>>= 7;
    n++;
  }
  return n;
}
