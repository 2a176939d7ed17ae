import t from 'tap';
import { gzipSync } from 'node:zlib';
import { gzipCodec } from '../../../src/protocol/compression/gzip.js';
import { jsonish, rng, MiB } from './fixtures/sample-data.js';

t.test('gzip reads what zlib writes, including concatenated members', async (t) => {
  const codec = gzipCodec(MiB);
  const a = jsonish(rng(5), 5000);
  const b = jsonish(rng(6), 7000);
  t.ok((await codec.decompress(gzipSync(a))).equals(a));
  t.ok((await codec.decompress(Buffer.concat([gzipSync(a), gzipSync(b)]))).equals(Buffer.concat([a, b])));
  const ours = await codec.compress(a);
  t.equal(ours.readUInt16BE(0), 0x1f8b, 'gzip magic');
});

t.test('a gzip bomb stops at the bound with a typed error', async (t) => {
  const bomb = gzipSync(Buffer.alloc(64 * MiB)); // ~64 KiB inflating to 64 MiB
  t.ok(bomb.length < 100 * 1024);
  await t.rejects(gzipCodec(MiB).decompress(bomb), { name: 'CompressionError', reason: 'too-large' });
  await t.rejects(gzipCodec(MiB).decompress(bomb.subarray(0, 100)), { name: 'CompressionError', reason: 'corrupt' });
});
