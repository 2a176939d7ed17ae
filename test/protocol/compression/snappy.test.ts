import t from 'tap';
import { compress as rawCompress } from 'snappy';
import { CompressionError } from '../../../src/protocol/compression/codec.js';
import { isXerialFramed, rawUncompressedLength, snappyCodec, XERIAL_CHUNK_BYTES, XERIAL_HEADER_BYTES } from '../../../src/protocol/compression/snappy.js';
import { jsonish, rng, MiB } from './fixtures/sample-data.js';

const codec = snappyCodec(64 * MiB);

t.test('compress writes xerial framing: magic, versions 1/1, [int32 length][raw block] per 32 KiB', async (t) => {
  const data = jsonish(rng(3), XERIAL_CHUNK_BYTES * 2 + 100);
  const framed = await codec.compress(data);
  t.equal(framed.subarray(0, 8).toString('hex'), '82534e4150505900', 'magic \\x82SNAPPY\\0');
  t.equal(framed.readInt32BE(8), 1, 'version');
  t.equal(framed.readInt32BE(12), 1, 'compatible version');
  t.ok(isXerialFramed(framed));
  const sizes: number[] = [];
  let pos = XERIAL_HEADER_BYTES;
  while (pos < framed.length) {
    const length = framed.readInt32BE(pos);
    sizes.push(rawUncompressedLength(framed.subarray(pos + 4, pos + 4 + length)));
    pos += 4 + length;
  }
  t.equal(pos, framed.length, 'chunks end exactly at the end');
  t.same(sizes, [XERIAL_CHUNK_BYTES, XERIAL_CHUNK_BYTES, 100], 'each chunk is one raw block of at most 32 KiB');
  t.ok((await codec.decompress(framed)).equals(data));
});

t.test('raw snappy blocks (librdkafka, kafkajs-snappy, platformatic) decode too', async (t) => {
  const data = jsonish(rng(4), 100_000);
  const raw = await rawCompress(data);
  t.notOk(isXerialFramed(raw));
  t.ok((await codec.decompress(raw)).equals(data));
  // A header-only xerial stream is the empty payload.
  t.equal((await codec.decompress(await codec.compress(Buffer.alloc(0)))).length, 0);
});

t.test('hostile framing and length prefixes are CompressionErrors decided before inflating', async (t) => {
  // A raw block claiming 4 GiB - 1 of output: refused from its 5-byte length prefix alone.
  const bomb = Buffer.from('ffffffff0f00', 'hex');
  await t.rejects(codec.decompress(bomb), { name: 'CompressionError', reason: 'too-large' });
  const framed = await codec.compress(Buffer.from('hello'));
  const badLength = Buffer.from(framed);
  badLength.writeInt32BE(0x7fffffff, XERIAL_HEADER_BYTES);
  await t.rejects(codec.decompress(badLength), { name: 'CompressionError', reason: 'corrupt' });
  await t.rejects(codec.decompress(framed.subarray(0, framed.length - 1)), CompressionError);
  await t.rejects(codec.decompress(Buffer.concat([framed, Buffer.from([0, 0])])), { name: 'CompressionError', reason: 'corrupt' }, 'partial chunk header');
  await t.rejects(codec.decompress(Buffer.from('8080808080', 'hex')), { name: 'CompressionError', reason: 'corrupt' }, 'varint without end');
  // The sum over chunks is bounded, not just each chunk.
  const many = await codec.compress(Buffer.alloc(4 * XERIAL_CHUNK_BYTES));
  await t.rejects(snappyCodec(3 * XERIAL_CHUNK_BYTES).decompress(many), { name: 'CompressionError', reason: 'too-large' });
});
