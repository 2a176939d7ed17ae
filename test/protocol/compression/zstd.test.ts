import t from 'tap';
import { compress as libCompress } from '@mongodb-js/zstd';
import { zstdCodec } from '../../../src/protocol/compression/zstd.js';
import { zstdDecompressedBound, ZSTD_WINDOW_BYTES_MAX } from '../../../src/protocol/compression/zstd-frame.js';
import { jsonish, mixed, rng, MiB } from './fixtures/sample-data.js';

const codec = zstdCodec(64 * MiB);
const MAGIC = Buffer.from('28b52ffd', 'hex');
const BLOCK_RAW = 0;
const BLOCK_RLE = 1;

/** A 3-byte little-endian block header from RFC 8878: last flag, type, size. */
function blockHeader(last: boolean, type: number, size: number): Buffer {
  const b = Buffer.alloc(3);
  b.writeUIntLE((size << 3) | (type << 1) | (last ? 1 : 0), 0, 3);
  return b;
}

t.test('a hand-written RFC 8878 frame (single segment, one raw block) decodes', async (t) => {
  // FHD 0x20: single segment, 1-byte content size; FCS 5; last raw block of 5 bytes.
  const frame = Buffer.concat([MAGIC, Buffer.from([0x20, 5]), blockHeader(true, BLOCK_RAW, 5), Buffer.from('hello')]);
  t.equal(zstdDecompressedBound(frame, MiB), 5);
  t.equal((await codec.decompress(frame)).toString(), 'hello');
  // An RLE block: 1000 × 'z' from one byte, with a window descriptor instead of single segment.
  const rle = Buffer.concat([MAGIC, Buffer.from([0x00, 0x00]), blockHeader(true, BLOCK_RLE, 1000), Buffer.from('z')]);
  t.equal((await codec.decompress(rle)).toString(), 'z'.repeat(1000));
});

t.test('the walked bound covers what the library produces, and is tight for real encoder output', async (t) => {
  const r = rng(12);
  for (const data of [Buffer.alloc(0), jsonish(r, 1000), mixed(r, MiB), Buffer.alloc(3 * MiB)]) {
    const compressed = await libCompress(data, 3);
    const bound = zstdDecompressedBound(compressed, 64 * MiB);
    t.ok(bound >= data.length, `bound ${bound} ≥ ${data.length}`);
    t.ok(bound <= data.length + 128 * 1024, `bound ${bound} within one block of ${data.length}`);
    t.ok((await codec.decompress(compressed)).equals(data));
  }
});

t.test('a zstd bomb is refused from its headers, before the library inflates anything', async (t) => {
  // 4096 RLE blocks of 128 KiB - 1: 512 MiB from 16 KiB.
  const blocks: Buffer[] = [];
  for (let i = 0; i < 4096; i++) blocks.push(blockHeader(i === 4095, BLOCK_RLE, 128 * 1024 - 1), Buffer.from([0]));
  const bomb = Buffer.concat([MAGIC, Buffer.from([0x00, 0x58]), ...blocks]);
  await t.rejects(codec.decompress(bomb), { name: 'CompressionError', reason: 'too-large' });
  // A declared content size over the bound is refused at once.
  const declared = Buffer.concat([MAGIC, Buffer.from([0xc0, 0x58]), Buffer.from('0000000001000000', 'hex'), blockHeader(true, BLOCK_RAW, 0)]);
  await t.rejects(codec.decompress(declared), { name: 'CompressionError', reason: 'too-large' });
  // Real encoder output over the bound.
  await t.rejects(zstdCodec(MiB).decompress(await libCompress(Buffer.alloc(2 * MiB), 3)), { name: 'CompressionError', reason: 'too-large' });
});

t.test('malformed frames are CompressionErrors', async (t) => {
  const good = await libCompress(jsonish(rng(13), 10_000), 3);
  await t.rejects(codec.decompress(Buffer.alloc(0)), { name: 'CompressionError', reason: 'corrupt', message: /no zstd frame/ });
  await t.rejects(codec.decompress(Buffer.from('not zstd')), { name: 'CompressionError', reason: 'corrupt', message: /magic/ });
  await t.rejects(codec.decompress(good.subarray(0, good.length - 3)), { name: 'CompressionError', reason: 'corrupt' });
  await t.rejects(codec.decompress(Buffer.concat([MAGIC, Buffer.from([0x08, 0x00])])), { name: 'CompressionError', reason: 'corrupt', message: /reserved/ });
  await t.rejects(codec.decompress(Buffer.concat([MAGIC, Buffer.from([0x20, 1]), blockHeader(true, 3, 1), Buffer.from('x')])), { name: 'CompressionError', reason: 'corrupt', message: /reserved block/ });
  // Window log 28 (256 MiB) is beyond what we let the decoder allocate.
  const window = Buffer.concat([MAGIC, Buffer.from([0x00, (28 - 10) << 3]), blockHeader(true, BLOCK_RAW, 1), Buffer.from('x')]);
  t.ok(2 ** 28 > ZSTD_WINDOW_BYTES_MAX);
  await t.rejects(codec.decompress(window), { name: 'CompressionError', reason: 'unsupported' });
  // Structurally fine, but the compressed block is garbage: the library's error, wrapped.
  const garbage = Buffer.concat([MAGIC, Buffer.from([0x00, 0x58]), blockHeader(true, 2, 8), Buffer.from('ffffffffffffffff', 'hex')]);
  await t.rejects(codec.decompress(garbage), { name: 'CompressionError', reason: 'corrupt' });
  // Skippable frames are skipped.
  const skippable = Buffer.concat([Buffer.from('502a4d18', 'hex'), Buffer.from([2, 0, 0, 0]), Buffer.from('ab')]);
  t.equal((await codec.decompress(Buffer.concat([skippable, good]))).length, 10_000);
});
