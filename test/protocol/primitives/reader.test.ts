import t from 'tap';
import { Reader, ProtocolDecodeError } from '../../../src/protocol/primitives/reader.js';
import { ZERO_UUID } from '../../../src/protocol/primitives/uuid.js';
import { hex } from '../../helpers/hex.js';

const decodeError = { name: 'ProtocolDecodeError' };

t.test('fixed-width reads are bounds-checked with the typed error', async (t) => {
  const r = new Reader(hex('01 0002 00000003'));
  t.equal(r.readInt8(), 1);
  t.equal(r.readInt16(), 2);
  t.equal(r.readInt32(), 3);
  t.equal(r.remaining(), 0);
  t.throws(() => r.readInt8(), decodeError);
  t.throws(() => new Reader(hex('0000')).readInt32(), decodeError);
  t.throws(() => new Reader(hex('00')).readFloat64(), decodeError);
  t.ok(new ProtocolDecodeError('x') instanceof Error);
});

t.test('a reader honours its end bound', async (t) => {
  const r = new Reader(hex('00000001 00000002'), 0, 4);
  t.equal(r.readInt32(), 1);
  t.throws(() => r.readInt32(), decodeError);
});

t.test('int64 is a safe JS number; outside the safe range is a decode error', async (t) => {
  t.equal(new Reader(hex('ffffffffffffffff')).readInt64(), -1);
  t.equal(new Reader(hex('001fffffffffffff')).readInt64(), Number.MAX_SAFE_INTEGER);
  t.equal(new Reader(hex('ffe0000000000001')).readInt64(), -Number.MAX_SAFE_INTEGER);
  t.throws(() => new Reader(hex('7fffffffffffffff')).readInt64(), decodeError);
  t.throws(() => new Reader(hex('8000000000000000')).readInt64(), decodeError);
});

t.test('unsigned varints: values, 5-byte limit, 32-bit limit', async (t) => {
  t.equal(new Reader(hex('00')).readUnsignedVarint(), 0);
  t.equal(new Reader(hex('7f')).readUnsignedVarint(), 127);
  t.equal(new Reader(hex('8001')).readUnsignedVarint(), 128);
  t.equal(new Reader(hex('ffffffff0f')).readUnsignedVarint(), 0xffffffff);
  t.throws(() => new Reader(hex('ffffffff1f')).readUnsignedVarint(), decodeError);
  t.throws(() => new Reader(hex('ffffffffff01')).readUnsignedVarint(), decodeError);
  t.throws(() => new Reader(hex('80')).readUnsignedVarint(), decodeError);
  t.equal(new Reader(hex('01')).readVarint(), -1);
  t.equal(new Reader(hex('02')).readVarint(), 1);
  t.equal(new Reader(hex('03')).readVarlong(), -2);
});

t.test('strings and bytes: nullability and lengths checked against the remaining bytes', async (t) => {
  t.equal(new Reader(hex('0002 6869')).readString(), 'hi');
  t.equal(new Reader(hex('ffff')).readNullableString(), null);
  t.throws(() => new Reader(hex('ffff')).readString(), decodeError);
  t.throws(() => new Reader(hex('7fff 00')).readString(), decodeError);
  t.equal(new Reader(hex('03 6869')).readCompactString(), 'hi');
  t.equal(new Reader(hex('00')).readCompactNullableString(), null);
  t.throws(() => new Reader(hex('00')).readCompactString(), decodeError);
  t.equal(new Reader(hex('ffffffff')).readNullableBytes(), null);
  t.throws(() => new Reader(hex('fffffffe')).readNullableBytes(), decodeError);
  t.throws(() => new Reader(hex('7fffffff 00')).readBytes(), decodeError, 'a 2 GiB length does not allocate');
  const frame = hex('00000002 abcd');
  const b = new Reader(frame).readBytes();
  t.equal(b.toString('hex'), 'abcd');
  t.equal(b.buffer, frame.buffer, 'bytes are a zero-copy slice');
});

t.test('array counts are checked against the remaining bytes before allocating', async (t) => {
  t.equal(new Reader(hex('ffffffff')).readArrayLength(), -1);
  t.equal(new Reader(hex('00000002 0000')).readArrayLength(), 2);
  t.throws(() => new Reader(hex('7fffffff')).readArrayLength(), decodeError);
  t.throws(() => new Reader(hex('fffffffe')).readArrayLength(), decodeError);
  t.equal(new Reader(hex('00')).readCompactArrayLength(), -1);
  t.throws(() => new Reader(hex('ffffffff0f')).readCompactArrayLength(), decodeError);
});

t.test('uuid: 16 bytes, the zero uuid is the shared instance', async (t) => {
  t.equal(new Reader(Buffer.alloc(16)).readUuid(), ZERO_UUID);
  const id = hex('0102030405060708090a0b0c0d0e0f10');
  t.equal(new Reader(id).readUuid().toString('hex'), id.toString('hex'));
  t.throws(() => new Reader(Buffer.alloc(15)).readUuid(), decodeError);
});
