/**
 * Walks zstd frames (RFC 8878) without inflating them, to bound the decompressed size before
 * handing the bytes to @mongodb-js/zstd, whose decompress() grows its output without limit.
 *
 * Per block: Raw and RLE blocks state their regenerated size; a Compressed block inflates to at
 * most Block_Maximum_Size = min(Window_Size, 128 KiB). Encoders fill every block but the last, so
 * the bound is the true size plus under one block per frame. Skippable frames are skipped.
 */
import { CompressionError, tooLarge } from './codec.js';

const NAME = 'zstd';

export const ZSTD_MAGIC = 0xfd2fb528;
const SKIPPABLE_MAGIC_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
const BLOCK_BYTES_MAX = 128 * 1024;
/**
 * Largest window we let the decoder allocate: zstd's own default decoder limit (window log 27),
 * so we refuse nothing the library would accept. Level ≤ 19 encoders use at most 8 MiB.
 */
export const ZSTD_WINDOW_BYTES_MAX = 1 << 27;
const DICT_ID_BYTES = [0, 1, 2, 4] as const;
const FCS_BYTES = [0, 2, 4, 8] as const;
const BLOCK_RAW = 0;
const BLOCK_RLE = 1;
const BLOCK_COMPRESSED = 2;

function need(data: Buffer, pos: number, bytes: number, what: string): void {
  if (data.length - pos < bytes) throw new CompressionError(NAME, 'corrupt', `${what} truncated at ${pos}`);
}

/** Upper bound of the decompressed size of `data`; throws 'too-large' as soon as it passes the max. */
export function zstdDecompressedBound(data: Buffer, decompressedBytesMax: number): number {
  let total = 0;
  let frames = 0;
  let pos = 0;
  while (pos < data.length) {
    need(data, pos, 4, 'frame magic');
    const magic = data.readUInt32LE(pos);
    if ((magic & SKIPPABLE_MAGIC_MASK) >>> 0 === SKIPPABLE_MAGIC) {
      need(data, pos + 4, 4, 'skippable frame size');
      const size = data.readUInt32LE(pos + 4);
      need(data, pos + 8, size, 'skippable frame');
      pos += 8 + size;
      continue;
    }
    if (magic !== ZSTD_MAGIC) throw new CompressionError(NAME, 'corrupt', `bad frame magic 0x${magic.toString(16)} at ${pos}`);
    pos += 4;
    need(data, pos, 1, 'frame header');
    const fhd = data[pos++]!;
    const fcsFlag = fhd >> 6;
    const singleSegment = (fhd & 0x20) !== 0;
    if ((fhd & 0x08) !== 0) throw new CompressionError(NAME, 'corrupt', 'reserved frame header bit set');
    const hasChecksum = (fhd & 0x04) !== 0;
    let windowBytes = 0;
    if (!singleSegment) {
      need(data, pos, 1, 'window descriptor');
      const wd = data[pos++]!;
      const windowBase = 2 ** (10 + (wd >> 3));
      windowBytes = windowBase + (windowBase / 8) * (wd & 0x07);
    }
    pos += DICT_ID_BYTES[fhd & 0x03]!;
    const fcsBytes = fcsFlag === 0 && singleSegment ? 1 : FCS_BYTES[fcsFlag]!;
    need(data, pos, fcsBytes, 'frame content size');
    let contentSize: number | null = null;
    if (fcsBytes === 1) contentSize = data[pos]!;
    else if (fcsBytes === 2) contentSize = data.readUInt16LE(pos) + 256;
    else if (fcsBytes === 4) contentSize = data.readUInt32LE(pos);
    else if (fcsBytes === 8) {
      const size = data.readBigUInt64LE(pos);
      contentSize = size > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(size);
    }
    pos += fcsBytes;
    if (contentSize !== null && total + contentSize > decompressedBytesMax) throw tooLarge(NAME, total + contentSize, decompressedBytesMax);
    if (singleSegment) windowBytes = contentSize ?? 0;
    if (windowBytes > ZSTD_WINDOW_BYTES_MAX) throw new CompressionError(NAME, 'unsupported', `window of ${windowBytes} bytes exceeds ${ZSTD_WINDOW_BYTES_MAX}`);
    const blockBytesMax = Math.min(windowBytes, BLOCK_BYTES_MAX);
    let frameBound = 0;
    for (;;) {
      need(data, pos, 3, 'block header');
      const header = data.readUIntLE(pos, 3);
      pos += 3;
      const last = (header & 1) !== 0;
      const type = (header >> 1) & 0x03;
      const size = header >>> 3;
      if (type === BLOCK_RAW) {
        need(data, pos, size, 'raw block');
        pos += size;
        frameBound += size;
      } else if (type === BLOCK_RLE) {
        need(data, pos, 1, 'rle block');
        pos += 1;
        frameBound += size;
      } else if (type === BLOCK_COMPRESSED) {
        need(data, pos, size, 'compressed block');
        pos += size;
        frameBound += blockBytesMax;
      } else {
        throw new CompressionError(NAME, 'corrupt', `reserved block type at ${pos - 3}`);
      }
      // The block sum is the bound even when a content size is declared: we do not rely on the
      // decoder to stop at a (hostile) declared size before its output has grown.
      if (total + frameBound > decompressedBytesMax) throw tooLarge(NAME, total + frameBound, decompressedBytesMax);
      if (last) break;
    }
    if (hasChecksum) {
      need(data, pos, 4, 'content checksum');
      pos += 4;
    }
    total += frameBound;
    frames++;
  }
  if (frames === 0) throw new CompressionError(NAME, 'corrupt', 'no zstd frame');
  return total;
}
