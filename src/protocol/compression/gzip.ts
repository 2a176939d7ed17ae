/**
 * gzip (Kafka codec 1) through node:zlib. zlib's maxOutputLength bounds the inflated size
 * without inflating past it; concatenated gzip members (which some writers emit) are accepted.
 */
import { promisify } from 'node:util';
import { gzip, gunzip } from 'node:zlib';
import { corrupt, tooLarge, type Codec } from './codec.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

const NAME = 'gzip';

export function gzipCodec(decompressedBytesMax: number): Codec {
  return {
    name: NAME,
    compress: (data) => gzipAsync(data),
    async decompress(data) {
      try {
        return await gunzipAsync(data, { maxOutputLength: decompressedBytesMax });
      } catch (error) {
        // zlib reports the bound as ERR_BUFFER_TOO_LARGE (a RangeError); everything else is bad input.
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(NAME, decompressedBytesMax + 1, decompressedBytesMax);
        throw corrupt(NAME, error);
      }
    },
  };
}
