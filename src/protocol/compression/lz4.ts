/**
 * lz4 (Kafka codec 3): the LZ4 *frame* format. compress() uses lz4-napi's frame encoder (lz4_flex): version 01,
 * independent blocks, no content size or content checksum, like the Java client's frames; unlike
 * Java's fixed 64 KiB it picks the block size from the input (64 KiB for < 64 KiB up to 4 MiB),
 * which every reader (Java, librdkafka, lz4 reference) accepts. decompress() parses frames itself (lz4-frame.ts) and inflates blocks
 * with lz4-napi's block decoder so output stays bounded; it accepts independent and linked
 * blocks, block and content checksums, a content size, and the old broken header checksum.
 *
 * Bounding: every block inflates to at most its frame's block maximum (≤ 4 MiB). When the sum of
 * those maxima fits the bound, independent blocks inflate in parallel on the thread pool;
 * otherwise they inflate one at a time and the running total is checked after each block.
 */
import { compressFrame, uncompress } from 'lz4-napi';
import { CompressionError, corrupt, tooLarge, type Codec } from './codec.js';
import { LZ4_LINKED_DICT_BYTES, parseLz4Frames, type Lz4Block, type Lz4Frame } from './lz4-frame.js';
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
