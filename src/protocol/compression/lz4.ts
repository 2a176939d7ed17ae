/**
 * lz4 (Kafka codec 3): the LZ4 *frame* format. compress() writes the frame the Java client and
 * librdkafka write: version 01, independent 64 KiB blocks (Java rejects linked blocks), no content
 * size, no checksums beyond the header's; blocks are compressed in parallel with lz4-napi's block
 * encoder and stored raw when they do not shrink. (lz4-napi's own frame encoder picks up to 4 MiB
 * blocks, which inflate slower: each needs a 4 MiB output buffer.) decompress() parses frames itself (lz4-frame.ts) and inflates blocks
 * with lz4-napi's block decoder so output stays bounded; it accepts independent and linked
 * blocks, block and content checksums, a content size, and the old broken header checksum.
 *
 * Bounding: every block inflates to at most its frame's block maximum (≤ 4 MiB). When the sum of
 * those maxima fits the bound, independent blocks inflate in parallel on the thread pool;
 * otherwise they inflate one at a time and the running total is checked after each block.
 */
import { compress as compressBlock, uncompress } from 'lz4-napi';
import { CompressionError, corrupt, tooLarge, type Codec } from './codec.js';
import { LZ4_FRAME_MAGIC, LZ4_LINKED_DICT_BYTES, parseLz4Frames, type Lz4Block, type Lz4Frame } from './lz4-frame.js';
import { xxhash32 } from './xxhash32.js';

const NAME = 'lz4';

async function inflateBlock(block: Lz4Block, blockBytesMax: number, dict: Buffer | undefined): Promise<Buffer> {
  if (block.stored) return block.data;
  // lz4-napi's block decoder wants a little-endian output capacity in front of the block.
  const input = Buffer.allocUnsafe(4 + block.data.length);
  input.writeUInt32LE(blockBytesMax, 0);
  block.data.copy(input, 4);
  try {
    return await uncompress(input, dict);
  } catch (error) {
    throw corrupt(NAME, error);
  }
}

function upperBound(frame: Lz4Frame): number {
  let bound = 0;
  for (const block of frame.blocks) bound += block.stored ? block.data.length : frame.blockBytesMax;
  return frame.contentSize === null ? bound : Math.min(bound, frame.contentSize);
}

async function inflateFrame(frame: Lz4Frame, budget: number, parallel: boolean): Promise<Buffer> {
  let parts: Buffer[];
  if (parallel && frame.independent) {
    parts = await Promise.all(frame.blocks.map((b) => inflateBlock(b, frame.blockBytesMax, undefined)));
  } else {
    parts = [];
    let total = 0;
    let dict: Buffer | undefined;
    for (const block of frame.blocks) {
      const part = await inflateBlock(block, frame.blockBytesMax, frame.independent ? undefined : dict);
      total += part.length;
      if (total > budget) throw tooLarge(NAME, total, budget);
      parts.push(part);
      if (!frame.independent) {
        // Linked blocks refer back into the previous 64 KiB of output.
        const tail = dict === undefined ? part : Buffer.concat([dict, part]);
        dict = tail.length > LZ4_LINKED_DICT_BYTES ? tail.subarray(tail.length - LZ4_LINKED_DICT_BYTES) : tail;
      }
    }
  }
  const out = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  if (out.length > budget) throw tooLarge(NAME, out.length, budget);
  if (frame.contentSize !== null && out.length !== frame.contentSize) {
    throw new CompressionError(NAME, 'corrupt', `frame declares ${frame.contentSize} bytes, inflated to ${out.length}`);
  }
  if (frame.contentChecksum !== null && xxhash32(out) !== frame.contentChecksum) throw new CompressionError(NAME, 'corrupt', 'content checksum mismatch');
  return out;
}

/** Block size we write: 64 KiB, BD code 4, as Java's KafkaLZ4BlockOutputStream and librdkafka. */
export const LZ4_WRITE_BLOCK_BYTES = 64 * 1024;
const FLG_WRITE = 0x60; // version 01, independent blocks
const BD_WRITE = 0x40; // 64 KiB
const BLOCK_STORED_BIT = 0x80000000;

async function compressFrame(data: Buffer): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let pos = 0; pos < data.length; pos += LZ4_WRITE_BLOCK_BYTES) chunks.push(data.subarray(pos, pos + LZ4_WRITE_BLOCK_BYTES));
  // lz4-napi prepends a 4-byte size to each block, which the frame format does not have.
  const blocks = await Promise.all(chunks.map((chunk) => compressBlock(chunk)));
  const header = Buffer.allocUnsafe(7);
  header.writeUInt32LE(LZ4_FRAME_MAGIC, 0);
  header[4] = FLG_WRITE;
  header[5] = BD_WRITE;
  header[6] = (xxhash32(header.subarray(4, 6)) >>> 8) & 0xff;
  const parts: Buffer[] = [header];
  for (let i = 0; i < chunks.length; i++) {
    const compressed = blocks[i]!.subarray(4);
    const stored = compressed.length >= chunks[i]!.length;
    const size = Buffer.allocUnsafe(4);
    size.writeUInt32LE(stored ? (chunks[i]!.length | BLOCK_STORED_BIT) >>> 0 : compressed.length, 0);
    parts.push(size, stored ? chunks[i]! : compressed);
  }
  parts.push(Buffer.alloc(4)); // end mark
  return Buffer.concat(parts);
}

export function lz4Codec(decompressedBytesMax: number): Codec {
  return {
    name: NAME,
    compress: (data) => compressFrame(data),
    async decompress(data) {
      const frames = parseLz4Frames(data, decompressedBytesMax);
      let bound = 0;
      for (const frame of frames) bound += upperBound(frame);
      const parallel = bound <= decompressedBytesMax;
      const outputs: Buffer[] = [];
      let total = 0;
      for (const frame of frames) {
        const out = await inflateFrame(frame, decompressedBytesMax - total, parallel);
        total += out.length;
        outputs.push(out);
      }
      return outputs.length === 1 ? outputs[0]! : Buffer.concat(outputs, total);
    },
  };
}
