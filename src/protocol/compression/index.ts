/**
 * codecFor(compression) → the Codec for a batch's attributes bits 0-2. Codecs are stateless;
 * the only option is the decompressed-size bound.
 */
import { Compression } from '../records/batch-header.js';
import { CompressionError, DECOMPRESSED_BYTES_MAX_DEFAULT, tooLarge, type Codec, type CodecOptions } from './codec.js';
import { gzipCodec } from './gzip.js';
import { lz4Codec } from './lz4.js';
import { snappyCodec } from './snappy.js';
import { zstdCodec } from './zstd.js';

export { CompressionError, DECOMPRESSED_BYTES_MAX_DEFAULT, type Codec, type CodecOptions } from './codec.js';

function noneCodec(decompressedBytesMax: number): Codec {
  return {
    name: 'none',
    compress: async (data) => data,
    async decompress(data) {
      if (data.length > decompressedBytesMax) throw tooLarge('none', data.length, decompressedBytesMax);
      return data;
    },
  };
}

export function codecFor(compression: Compression, options: CodecOptions = {}): Codec {
  const max = options.decompressedBytesMax ?? DECOMPRESSED_BYTES_MAX_DEFAULT;
  switch (compression) {
    case Compression.None:
      return noneCodec(max);
    case Compression.Gzip:
      return gzipCodec(max);
    case Compression.Snappy:
      return snappyCodec(max);
    case Compression.Lz4:
      return lz4Codec(max);
    case Compression.Zstd:
      return zstdCodec(max);
    default:
      throw new CompressionError(`codec ${compression as number}`, 'unsupported', 'unknown compression codec id');
  }
}
