/**
 * Reader for the LZ4 frame format (magic 04 22 4D 18), written from the public LZ4 frame spec.
 * Kafka's lz4 codec is this frame format; we parse it ourselves (and inflate each block with
 * lz4-napi's block decoder) because lz4-napi's own frame decoder cannot bound its output.
 *
 *   magic u32le | FLG | BD | [content size u64le] | [dict id u32le] | HC
 *   blocks: size u32le (high bit = stored uncompressed, 0 = end mark) | data | [block checksum]
 *   [content checksum u32le]
 *
 * HC is byte 1 of xxh32(FLG..end of descriptor). Kafka 0.8–0.9 computed it over the magic too
 * (its magic-v0 messages keep that bug; Java and librdkafka still accept it): both are accepted.
 */
import { CompressionError, tooLarge } from './codec.js';
import { xxhash32 } from './xxhash32.js';

const NAME = 'lz4';

export const LZ4_FRAME_MAGIC = 0x184d2204;
const SKIPPABLE_MAGIC_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
const FLG_VERSION_01 = 0x40;
const FLG_BLOCK_INDEPENDENT = 0x20;
const FLG_BLOCK_CHECKSUM = 0x10;
const FLG_CONTENT_SIZE = 0x08;
const FLG_CONTENT_CHECKSUM = 0x04;
const FLG_RESERVED = 0x02;
const FLG_DICT_ID = 0x01;
const BLOCK_UNCOMPRESSED_BIT = 0x80000000;
/** Linked blocks may refer back this far into earlier output. */
export const LZ4_LINKED_DICT_BYTES = 64 * 1024;

/** BD bits 6-4 → block maximum size: 4 = 64 KiB, 5 = 256 KiB, 6 = 1 MiB, 7 = 4 MiB. */
export function blockBytesMaxOf(bd: number): number {
  const code = (bd >> 4) & 0x07;
  if (code < 4 || (bd & 0x8f) !== 0) throw new CompressionError(NAME, 'corrupt', `bad block descriptor 0x${bd.toString(16)}`);
  return 1 << (8 + 2 * code);
}

export interface Lz4Block {
  /** The block's bytes as stored (compressed unless `stored`). */
  data: Buffer;
  stored: boolean;
}

export interface Lz4Frame {
  blockBytesMax: number;
  independent: boolean;
  contentSize: number | null;
  contentChecksum: number | null;
  blocks: Lz4Block[];
}

function need(data: Buffer, pos: number, bytes: number, what: string): void {
  if (data.length - pos < bytes) throw new CompressionError(NAME, 'corrupt', `${what} truncated at ${pos}`);
}

/** Parses every frame in `data` (frames may be concatenated; skippable frames are skipped). */
export function parseLz4Frames(data: Buffer, decompressedBytesMax: number): Lz4Frame[] {
  const frames: Lz4Frame[] = [];
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
    if (magic !== LZ4_FRAME_MAGIC) throw new CompressionError(NAME, 'corrupt', `bad frame magic 0x${magic.toString(16)} at ${pos}`);
    const frameStart = pos;
    pos += 4;
    need(data, pos, 3, 'frame descriptor');
    const flg = data[pos]!;
    const bd = data[pos + 1]!;
    if ((flg & 0xc0) !== FLG_VERSION_01 || (flg & FLG_RESERVED) !== 0) throw new CompressionError(NAME, 'corrupt', `bad FLG 0x${flg.toString(16)}`);
    if ((flg & FLG_DICT_ID) !== 0) throw new CompressionError(NAME, 'unsupported', 'frames with a dictionary id are not supported');
    const blockBytesMax = blockBytesMaxOf(bd);
    const descriptorStart = pos;
    pos += 2;
    let contentSize: number | null = null;
    if ((flg & FLG_CONTENT_SIZE) !== 0) {
      need(data, pos, 8, 'content size');
      const size = data.readBigUInt64LE(pos);
      if (size > BigInt(decompressedBytesMax)) throw tooLarge(NAME, Number(size), decompressedBytesMax);
      contentSize = Number(size);
      pos += 8;
    }
    need(data, pos, 1, 'header checksum');
    const hc = data[pos]!;
    const proper = (xxhash32(data.subarray(descriptorStart, pos)) >>> 8) & 0xff;
    const broken = (xxhash32(data.subarray(frameStart, pos)) >>> 8) & 0xff;
    if (hc !== proper && hc !== broken) throw new CompressionError(NAME, 'corrupt', `header checksum 0x${hc.toString(16)}, expected 0x${proper.toString(16)}`);
    pos += 1;
    const blockChecksums = (flg & FLG_BLOCK_CHECKSUM) !== 0;
    const blocks: Lz4Block[] = [];
    for (;;) {
      need(data, pos, 4, 'block size');
      const word = data.readUInt32LE(pos);
      pos += 4;
      if (word === 0) break;
      const size = (word & ~BLOCK_UNCOMPRESSED_BIT) >>> 0;
      if (size > blockBytesMax) throw new CompressionError(NAME, 'corrupt', `block of ${size} bytes exceeds the frame's ${blockBytesMax}`);
      need(data, pos, size + (blockChecksums ? 4 : 0), 'block');
      const block = data.subarray(pos, pos + size);
      pos += size;
      if (blockChecksums) {
        if (xxhash32(block) !== data.readUInt32LE(pos)) throw new CompressionError(NAME, 'corrupt', `block checksum mismatch at ${pos - size}`);
        pos += 4;
      }
      blocks.push({ data: block, stored: (word & BLOCK_UNCOMPRESSED_BIT) !== 0 });
    }
    let contentChecksum: number | null = null;
    if ((flg & FLG_CONTENT_CHECKSUM) !== 0) {
      need(data, pos, 4, 'content checksum');
      contentChecksum = data.readUInt32LE(pos);
      pos += 4;
    }
    frames.push({ blockBytesMax, independent: (flg & FLG_BLOCK_INDEPENDENT) !== 0, contentSize, contentChecksum, blocks });
  }
  if (frames.length === 0) throw new CompressionError(NAME, 'corrupt', 'no lz4 frame');
  return frames;
}
