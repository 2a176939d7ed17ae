/**
 * Canopy represents Kafka int64 values (offsets, timestamps, producer ids) as JS numbers, end to
 * end. 2^53 offsets last centuries at a million records a second, and a number avoids a bigint
 * allocation on every hot-path read. Codecs reject a value outside the safe range with
 * Int64RangeError instead of silently rounding it.
 */
export class Int64RangeError extends RangeError {
  override name = 'Int64RangeError';
}

/** True when the int64 at `pos` is a safe integer, i.e. readInt64 would not throw. */
export function isSafeInt64At(buf: Buffer, pos: number): boolean {
  const high = buf.readInt32BE(pos);
  // Exact for |value| < 2^53; -1 (all ones) is the common sentinel and is exact too.
  return high <= 0x1fffff && high >= -0x200000;
}

export function readInt64(buf: Buffer, pos: number): number {
  const high = buf.readInt32BE(pos);
  const low = buf.readUInt32BE(pos + 4);
  if (!isSafeInt64At(buf, pos)) throw new Int64RangeError(`int64 at ${pos} is outside the safe integer range`);
  return high * 0x100000000 + low;
}

export function writeInt64(buf: Buffer, pos: number, value: number): void {
  if (!Number.isSafeInteger(value)) throw new Int64RangeError(`${value} is not a safe integer`);
  const low = value % 0x100000000;
  const lowU = low < 0 ? low + 0x100000000 : low;
  const high = (value - lowU) / 0x100000000;
  buf.writeInt32BE(high, pos);
  buf.writeUInt32BE(lowU, pos + 4);
}
