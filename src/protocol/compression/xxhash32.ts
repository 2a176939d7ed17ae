/**
 * xxHash32 (seeded), written from the public xxHash specification. The LZ4 frame format uses it
 * for the frame descriptor's header checksum (second byte of xxh32(descriptor, 0)) and for the
 * optional block and content checksums. No installed package provides it.
 */
const PRIME1 = 0x9e3779b1;
const PRIME2 = 0x85ebca77;
const PRIME3 = 0xc2b2ae3d;
const PRIME4 = 0x27d4eb2f;
const PRIME5 = 0x165667b1;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function round(acc: number, lane: number): number {
  acc = (acc + Math.imul(lane, PRIME2)) | 0;
  return Math.imul(rotl(acc, 13), PRIME1);
}

/** xxh32 of `data`, as an unsigned 32-bit number. */
export function xxhash32(data: Uint8Array, seed = 0): number {
  const length = data.length;
  let pos = 0;
  let acc: number;
  // Little-endian 32-bit lane at p, without DataView allocation.
  const lane = (p: number): number => data[p]! | (data[p + 1]! << 8) | (data[p + 2]! << 16) | (data[p + 3]! << 24);
  if (length >= 16) {
    let v1 = (seed + PRIME1 + PRIME2) | 0;
    let v2 = (seed + PRIME2) | 0;
    let v3 = seed | 0;
    let v4 = (seed - PRIME1) | 0;
    const limit = length - 16;
    while (pos <= limit) {
      v1 = round(v1, lane(pos));
      v2 = round(v2, lane(pos + 4));
      v3 = round(v3, lane(pos + 8));
      v4 = round(v4, lane(pos + 12));
      pos += 16;
    }
    acc = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) | 0;
  } else {
    acc = (seed + PRIME5) | 0;
  }
  acc = (acc + length) | 0;
  while (pos + 4 <= length) {
    acc = (acc + Math.imul(lane(pos), PRIME3)) | 0;
    acc = Math.imul(rotl(acc, 17), PRIME4);
    pos += 4;
  }
  while (pos < length) {
    acc = (acc + Math.imul(data[pos]!, PRIME5)) | 0;
    acc = Math.imul(rotl(acc, 11), PRIME1);
    pos++;
  }
  acc ^= acc >>> 15;
  acc = Math.imul(acc, PRIME2);
  acc ^= acc >>> 13;
  acc = Math.imul(acc, PRIME3);
  acc ^= acc >>> 16;
  return acc >>> 0;
}
