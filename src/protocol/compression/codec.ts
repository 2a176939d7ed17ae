/**
 * The shape every Kafka compression codec has here, and the one error type they throw.
 *
 * Decompression is always bounded: a codec built with `decompressedBytesMax` refuses (with
 * CompressionError 'too-large') any input that would inflate past it, and checks that *before*
 * allocating the output wherever the format lets it (snappy and zstd headers, lz4 block sizes,
 * zlib's maxOutputLength), so a zip bomb costs a typed error, not the broker's memory.
 */
export interface Codec {
  readonly name: string;
  compress(data: Buffer): Promise<Buffer>;
  decompress(data: Buffer): Promise<Buffer>;
}

export interface CodecOptions {
  /** Output bound for decompress(); defaults to DECOMPRESSED_BYTES_MAX_DEFAULT. */
  decompressedBytesMax?: number;
}

/**
 * Default bound on one batch's decompressed records. Kafka's default max.message.bytes is ~1 MiB
 * of *compressed* batch; 64 MiB leaves room for a 60x ratio (repetitive JSON) while keeping one
 * hostile batch from costing more than that.
 */
export const DECOMPRESSED_BYTES_MAX_DEFAULT = 64 * 1024 * 1024;

export type CompressionErrorReason = 'corrupt' | 'too-large' | 'unsupported';

export class CompressionError extends Error {
  override name = 'CompressionError';
  readonly reason: CompressionErrorReason;
  readonly codec: string;

  constructor(codec: string, reason: CompressionErrorReason, message: string, options?: { cause?: unknown }) {
    super(`${codec}: ${reason}: ${message}`, options);
    this.codec = codec;
    this.reason = reason;
  }
}

export function tooLarge(codec: string, bytes: number, decompressedBytesMax: number): CompressionError {
  return new CompressionError(codec, 'too-large', `decompressed size ${bytes} exceeds ${decompressedBytesMax} bytes`);
}

/** Wraps a library's error (which may be anything) as a 'corrupt' CompressionError. */
export function corrupt(codec: string, error: unknown): CompressionError {
  if (error instanceof CompressionError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CompressionError(codec, 'corrupt', message, { cause: error });
}
