import t from 'tap';
import { xxhash32 } from '../../../src/protocol/compression/xxhash32.js';

t.test('xxh32 matches the published reference values', async (t) => {
  // Values from the xxHash reference implementation's documentation and sanity tests.
  t.equal(xxhash32(Buffer.alloc(0)), 0x02cc5d05);
  t.equal(xxhash32(Buffer.from('a')), 0x550d7456);
  t.equal(xxhash32(Buffer.from('abc')), 0x32d153ff);
  t.equal(xxhash32(Buffer.from('Nobody inspects the spammish repetition')), 0xe2293b2f);
});

t.test('LZ4 frame header checksums of frames written by the reference lz4 library', async (t) => {
  // A frame written by the reference lz4 library (python-lz4): FLG 0x68 (version 01, independent
  // blocks, content size), BD 0x40 (64 KiB), content size 50, HC 0x84 = byte 1 of xxh32(FLG..size).
  const descriptor = Buffer.from('6840' + '3200000000000000', 'hex');
  t.equal((xxhash32(descriptor) >>> 8) & 0xff, 0x84);
  // The frame lz4-napi writes for small input: FLG 0x60, BD 0x40, HC 0x82.
  t.equal((xxhash32(Buffer.from('6040', 'hex')) >>> 8) & 0xff, 0x82);
});

t.test('seeds and every tail length take their own path', async (t) => {
  const data = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz');
  const seen = new Set<number>();
  for (let n = 0; n <= data.length; n++) seen.add(xxhash32(data.subarray(0, n)));
  t.equal(seen.size, data.length + 1, 'every prefix hashes differently');
  t.not(xxhash32(data, 1), xxhash32(data, 0));
});
