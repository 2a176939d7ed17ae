/**
 * snappy (Kafka codec 2). The `snappy` package handles raw snappy blocks only; Kafka payloads
 * come in two shapes and decompress() accepts both:
 *   - raw: one snappy block (librdkafka, kafkajs-snappy and platformatic write this);
 *   - xerial (snappy-java's SnappyOutputStream, used by the Java client and kafka-python):
 *       magic 82 53 4E 41 50 50 59 00 ("\x82SNAPPY\0"), int32 version, int32 min-compatible version,
 *       then chunks of [int32 BE compressed length][raw snappy block].
 * compress() writes xerial framing with 32 KiB chunks, as the Java client does; every client reads it.
 *
 * Bounding: a raw snappy block starts with its uncompressed length (unsigned varint), so the sum
 * is known and checked before anything is inflated.
 */
import { compress as snappyCompress, uncompress as snappyUncompress } from 'snappy';
import { CompressionError, corrupt, tooLarge, type Codec } from './codec.js';

const NAME = 'snappy';

export const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
export const XERIAL_HEADER_BYTES = 16;
/** snappy-java writes version 1, min-compatible version 1. */
const XERIAL_VERSION = 1;
const XERIAL_COMPATIBLE_VERSION = 1;
/** snappy-java's default block size, which the Java client uses. */
export const XERIAL_CHUNK_BYTES = 32 * 1024;
/** A raw block's length prefix is an unsigned 32-bit varint: at most 5 bytes. */
const RAW_LENGTH_BYTES_MAX = 5;

export function isXerialFramed(data: Buffer): boolean {
  return data.length >= XERIAL_HEADER_BYTES && data.subarray(0, XERIAL_MAGIC.length).equals(XERIAL_MAGIC);
}

/** The uncompressed length a raw snappy block declares (its leading unsigned varint). */
export function rawUncompressedLength(block: Buffer): number {
  let value = 0;
  for (let i = 0; i < RAW_LENGTH_BYTES_MAX && i < block.length; i++) {
    const b = block[i]!;
    value += (b & 0x7f) * 2 ** (7 * i);
    if ((b & 0x80) === 0) {
      if (value > 0xffffffff) break;
      return value;
    }
  }
  throw new CompressionError(NAME, 'corrupt', 'raw snappy block has no valid length prefix');
}

/** Splits a xerial stream into its raw blocks (views), validating the framing. */
function xerialBlocks(data: Buffer): Buffer[] {
  const blocks: Buffer[] = [];
  let pos = XERIAL_HEADER_BYTES;
  while (pos < data.length) {
    if (data.length - pos < 4) throw new CompressionError(NAME, 'corrupt', `xerial chunk header truncated at ${pos}`);
    const length = data.readInt32BE(pos);
    pos += 4;
    if (length < 0 || length > data.length - pos) throw new CompressionError(NAME, 'corrupt', `xerial chunk of ${length} bytes at ${pos - 4}, ${data.length - pos} left`);
    blocks.push(data.subarray(pos, pos + length));
    pos += length;
  }
  return blocks;
}

async function uncompressRaw(block: Buffer): Promise<Buffer> {
  try {
    return (await snappyUncompress(block, { asBuffer: true })) as Buffer;
  } catch (error) {
    throw corrupt(NAME, error);
  }
}

export function snappyCodec(decompressedBytesMax: number): Codec {
  return {
    name: NAME,
    async compress(data) {
      const chunks: Promise<Buffer>[] = [];
      for (let pos = 0; pos < data.length; pos += XERIAL_CHUNK_BYTES) chunks.push(snappyCompress(data.subarray(pos, pos + XERIAL_CHUNK_BYTES)));
      const blocks = await Promise.all(chunks);
      const header = Buffer.alloc(XERIAL_HEADER_BYTES);
      XERIAL_MAGIC.copy(header, 0);
      header.writeInt32BE(XERIAL_VERSION, 8);
      header.writeInt32BE(XERIAL_COMPATIBLE_VERSION, 12);
      const parts: Buffer[] = [header];
      for (const block of blocks) {
        const length = Buffer.alloc(4);
        length.writeInt32BE(block.length, 0);
        parts.push(length, block);
      }
      return Buffer.concat(parts);
    },
    async decompress(data) {
      const blocks = isXerialFramed(data) ? xerialBlocks(data) : [data];
      let total = 0;
      for (const block of blocks) total += rawUncompressedLength(block);
      if (total > decompressedBytesMax) throw tooLarge(NAME, total, decompressedBytesMax);
      const parts = await Promise.all(blocks.map(uncompressRaw));
      return parts.length === 1 ? parts[0]! : Buffer.concat(parts, total);
    },
  };
}
