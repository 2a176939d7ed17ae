/**
 * zstd (Kafka codec 4) through @mongodb-js/zstd 1.2.2 (Node 20's zlib has no zstd). Its
 * decompress() inflates without a limit, so zstd-frame.ts bounds the output from the frame and
 * block headers first; the output length is checked again afterwards.
 */
import { compress as zstdCompress, decompress as zstdDecompress } from '@mongodb-js/zstd';
import { corrupt, tooLarge, type Codec } from './codec.js';
import { zstdDecompressedBound } from './zstd-frame.js';

const NAME = 'zstd';
/** zstd's default level, which the Java client and librdkafka also default to. */
export const ZSTD_LEVEL_DEFAULT = 3;

export function zstdCodec(decompressedBytesMax: number): Codec {
  return {
    name: NAME,
    compress: (data) => zstdCompress(data, ZSTD_LEVEL_DEFAULT),
    async decompress(data) {
      zstdDecompressedBound(data, decompressedBytesMax);
      let out: Buffer;
      try {
        out = await zstdDecompress(data);
      } catch (error) {
        throw corrupt(NAME, error);
      }
      if (out.length > decompressedBytesMax) throw tooLarge(NAME, out.length, decompressedBytesMax);
      return out;
    },
  };
}
