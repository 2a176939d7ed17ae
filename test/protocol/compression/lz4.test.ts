import t from 'tap';
import { compressSync as blockCompress } from 'lz4-napi';
import { lz4Codec } from '../../../src/protocol/compression/lz4.js';
import { blockBytesMaxOf, LZ4_LINKED_DICT_BYTES } from '../../../src/protocol/compression/lz4-frame.js';
import { xxhash32 } from '../../../src/protocol/compression/xxhash32.js';
import { jsonish, mixed, randomBytes, rng, MiB } from './fixtures/sample-data.js';

const codec = lz4Codec(64 * MiB);
const MAGIC = Buffer.from('04224d18', 'hex');
const KiB64 = 64 * 1024;

/** One raw LZ4 block (lz4-napi prepends a 4-byte size; the frame format does not). */
function lz4Block(data: Buffer, dict?: Buffer): Buffer {
  // lz4-napi's typings want ArrayBuffer-backed Buffers; subarrays are, at run time.
  return blockCompress(data as Buffer<ArrayBuffer>, dict as Buffer<ArrayBuffer> | undefined).subarray(4);
}

function u32le(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0, 0);
  return b;
}

interface FrameSpec {
  flg: number;
  bd?: number;
  contentSize?: number;
  blocks: { bytes: Buffer; stored?: boolean }[];
  contentChecksumOf?: Buffer;
  brokenHeaderChecksum?: boolean;
}

/** Writes a frame from the LZ4 frame spec, independently of the code under test. */
function frame(spec: FrameSpec): Buffer {
  const descriptor = [Buffer.from([spec.flg, spec.bd ?? 0x40])];
  if (spec.contentSize !== undefined) {
    const size = Buffer.alloc(8);
    size.writeBigUInt64LE(BigInt(spec.contentSize), 0);
    descriptor.push(size);
  }
  const desc = Buffer.concat(descriptor);
  const hc = (xxhash32(spec.brokenHeaderChecksum === true ? Buffer.concat([MAGIC, desc]) : desc) >>> 8) & 0xff;
  const parts: Buffer[] = [MAGIC, desc, Buffer.from([hc])];
  for (const block of spec.blocks) {
    parts.push(u32le(block.bytes.length | (block.stored === true ? 0x80000000 : 0)), block.bytes);
    if ((spec.flg & 0x10) !== 0) parts.push(u32le(xxhash32(block.bytes)));
  }
  parts.push(u32le(0));
  if (spec.contentChecksumOf !== undefined) parts.push(u32le(xxhash32(spec.contentChecksumOf)));
  return Buffer.concat(parts);
}

t.test('compress writes the frame Java and librdkafka write: version 01, independent 64 KiB blocks, header checksum', async (t) => {
  const data = jsonish(rng(8), 200_000);
  const out = await codec.compress(data);
  t.ok(out.subarray(0, 4).equals(MAGIC), 'frame magic 04 22 4D 18');
  t.equal(out[4]! & 0xc0, 0x40, 'version 01');
  t.equal(out[4]! & 0x20, 0x20, 'independent blocks');
  t.equal(out[4], 0x60, 'FLG: no content size, no checksums');
  t.equal(blockBytesMaxOf(out[5]!), KiB64);
  // Walk the blocks: four of 64 KiB or less, then the end mark, nothing after.
  let pos = 7;
  let blocks = 0;
  while (out.readUInt32LE(pos) !== 0) {
    pos += 4 + (out.readUInt32LE(pos) & 0x7fffffff);
    blocks++;
  }
  t.equal(blocks, Math.ceil(data.length / KiB64));
  t.equal(pos + 4, out.length);
  t.equal(out[6], (xxhash32(out.subarray(4, 6)) >>> 8) & 0xff, 'header checksum over the descriptor');
  t.ok((await codec.decompress(out)).equals(data));
});

t.test('frames with stored blocks, block and content checksums and a content size decode', async (t) => {
  const a = jsonish(rng(9), KiB64);
  const b = Buffer.from('stored as is');
  const content = Buffer.concat([a, b]);
  const f = frame({ flg: 0x40 | 0x20 | 0x10 | 0x08 | 0x04, contentSize: content.length, blocks: [{ bytes: lz4Block(a) }, { bytes: b, stored: true }], contentChecksumOf: content });
  t.ok((await codec.decompress(f)).equals(content));
  // Two frames back to back, with a skippable frame between them.
  const skippable = Buffer.concat([u32le(0x184d2a53), u32le(3), Buffer.from('xyz')]);
  const two = Buffer.concat([f, skippable, frame({ flg: 0x60, blocks: [{ bytes: lz4Block(b) }] })]);
  t.ok((await codec.decompress(two)).equals(Buffer.concat([content, b])));
});

t.test('linked blocks (the reference library default for streams) decode with the previous 64 KiB as dictionary', async (t) => {
  const data = mixed(rng(10), 5 * KiB64 + 1234);
  const blocks: { bytes: Buffer }[] = [];
  for (let pos = 0; pos < data.length; pos += KiB64) {
    const dict = data.subarray(Math.max(0, pos - LZ4_LINKED_DICT_BYTES), pos);
    blocks.push({ bytes: lz4Block(data.subarray(pos, pos + KiB64), pos === 0 ? undefined : dict) });
  }
  const linked = frame({ flg: 0x40, blocks });
  t.ok((await codec.decompress(linked)).equals(data));
  // The same blocks read as independent ones would not decode to the data: the flag matters.
  const asIndependent = frame({ flg: 0x60, blocks });
  const wrong = await codec.decompress(asIndependent).catch(() => null);
  t.ok(wrong === null || !wrong.equals(data));
});

t.test('the old Kafka header checksum (computed over the magic too) is accepted; a wrong one is not', async (t) => {
  const data = Buffer.from('old kafka');
  const broken = frame({ flg: 0x60, blocks: [{ bytes: lz4Block(data) }], brokenHeaderChecksum: true });
  t.ok((await codec.decompress(broken)).equals(data));
  const bad = Buffer.from(broken);
  bad[6] ^= 0xff;
  await t.rejects(codec.decompress(bad), { name: 'CompressionError', reason: 'corrupt', message: /header checksum/ });
});

t.test('checksum, size and descriptor errors are CompressionErrors', async (t) => {
  const data = jsonish(rng(11), 5000);
  const block = lz4Block(data);
  const withChecksums = frame({ flg: 0x60 | 0x10 | 0x04, blocks: [{ bytes: block }], contentChecksumOf: data });
  const blockFlip = Buffer.from(withChecksums);
  blockFlip[7 + 4 + 10] ^= 1;
  await t.rejects(codec.decompress(blockFlip), { name: 'CompressionError', reason: 'corrupt', message: /block checksum/ });
  const contentFlip = Buffer.from(withChecksums);
  contentFlip[contentFlip.length - 1] ^= 1;
  await t.rejects(codec.decompress(contentFlip), { name: 'CompressionError', reason: 'corrupt', message: /content checksum/ });
  await t.rejects(codec.decompress(frame({ flg: 0x68, contentSize: data.length + 1, blocks: [{ bytes: block }] })), { name: 'CompressionError', reason: 'corrupt', message: /declares/ });
  await t.rejects(codec.decompress(frame({ flg: 0x61, blocks: [{ bytes: block }] })), { name: 'CompressionError', reason: 'unsupported' }, 'dictionary id');
  await t.rejects(codec.decompress(frame({ flg: 0x80 | 0x20, blocks: [{ bytes: block }] })), { name: 'CompressionError', reason: 'corrupt' }, 'version 10');
  await t.rejects(codec.decompress(frame({ flg: 0x60, bd: 0x30, blocks: [{ bytes: block }] })), { name: 'CompressionError', reason: 'corrupt' }, 'block size code 3');
  await t.rejects(codec.decompress(frame({ flg: 0x60, blocks: [{ bytes: Buffer.alloc(KiB64 + 1), stored: true }] })), { name: 'CompressionError', reason: 'corrupt' }, 'block over the maximum');
  const noEnd = frame({ flg: 0x60, blocks: [{ bytes: block }] });
  await t.rejects(codec.decompress(noEnd.subarray(0, noEnd.length - 4)), { name: 'CompressionError', reason: 'corrupt', message: /truncated/ });
});

t.test('incompressible blocks are stored raw (high bit of the block size)', async (t) => {
  const noise = randomBytes(rng(14), 1000);
  const out = await codec.compress(noise);
  t.equal(out.readUInt32LE(7), (0x80000000 | 1000) >>> 0);
  t.ok(out.subarray(11, 1011).equals(noise));
  t.ok((await codec.decompress(out)).equals(noise));
});

t.test('an lz4 bomb stops at the bound', async (t) => {
  const zeros = lz4Block(Buffer.alloc(KiB64));
  t.ok(zeros.length < 300);
  // 2048 blocks of 64 KiB zeros: 128 MiB from ~600 KiB of input.
  const bomb = frame({ flg: 0x60, blocks: Array.from({ length: 2048 }, () => ({ bytes: zeros })) });
  await t.rejects(lz4Codec(MiB).decompress(bomb), { name: 'CompressionError', reason: 'too-large' });
  await t.rejects(lz4Codec(MiB).decompress(frame({ flg: 0x40, blocks: Array.from({ length: 32 }, () => ({ bytes: zeros })) })), { name: 'CompressionError', reason: 'too-large' }, 'linked');
  await t.rejects(lz4Codec(MiB).decompress(frame({ flg: 0x68, contentSize: 2 ** 40, blocks: [{ bytes: zeros }] })), { name: 'CompressionError', reason: 'too-large' }, 'declared content size');
  t.equal((await lz4Codec(MiB).decompress(frame({ flg: 0x60, blocks: Array.from({ length: 16 }, () => ({ bytes: zeros })) }))).length, MiB, 'exactly the bound');
});
