import t from 'tap';
import { Writer } from '../../../src/protocol/primitives/writer.js';
import { Reader } from '../../../src/protocol/primitives/reader.js';

t.test('primitives round-trip through Reader', async (t) => {
  const w = new Writer(4);
  w.writeInt8(-5);
  w.writeBool(true);
  w.writeInt16(-300);
  w.writeUint16(65000);
  w.writeInt32(-70000);
  w.writeUint32(4000000000);
  w.writeInt64(-Number.MAX_SAFE_INTEGER);
  w.writeInt64(1234567890123);
  w.writeFloat64(3.25);
  w.writeUnsignedVarint(300);
  w.writeVarint(-65);
  w.writeVarlong(-1234567890123);
  w.writeString('héllo');
  w.writeNullableString(null);
  w.writeCompactString('x');
  w.writeCompactNullableString(null);
  w.writeBytes(Buffer.from('ab'));
  w.writeCompactNullableBytes(null);
  const r = new Reader(w.toBuffer());
  t.equal(r.readInt8(), -5);
  t.equal(r.readBool(), true);
  t.equal(r.readInt16(), -300);
  t.equal(r.readUint16(), 65000);
  t.equal(r.readInt32(), -70000);
  t.equal(r.readUint32(), 4000000000);
  t.equal(r.readInt64(), -Number.MAX_SAFE_INTEGER);
  t.equal(r.readInt64(), 1234567890123);
  t.equal(r.readFloat64(), 3.25);
  t.equal(r.readUnsignedVarint(), 300);
  t.equal(r.readVarint(), -65);
  t.equal(r.readVarlong(), -1234567890123);
  t.equal(r.readString(), 'héllo');
  t.equal(r.readNullableString(), null);
  t.equal(r.readCompactString(), 'x');
  t.equal(r.readCompactNullableString(), null);
  t.equal(r.readBytes().toString(), 'ab');
  t.equal(r.readCompactNullableBytes(), null);
  t.equal(r.remaining(), 0);
  t.equal(w.length, w.toBuffer().length);
});

t.test('grows past its initial size and keeps large buffers by reference', async (t) => {
  const w = new Writer(16);
  for (let i = 0; i < 1000; i++) w.writeInt32(i);
  const big = Buffer.alloc(10_000, 1);
  w.writeRaw(big);
  w.writeInt32(7);
  const chunks = w.toChunks();
  t.ok(chunks.includes(big), 'the large buffer is not copied');
  const all = Buffer.concat(chunks);
  t.equal(all.length, 4000 + 10_000 + 4);
  t.equal(all.readInt32BE(3996), 999);
  t.equal(all.readInt32BE(14_000), 7);
});

t.test('records: Buffer, list of buffers, null; compact and not', async (t) => {
  const parts = [Buffer.from('ab'), Buffer.from('cd')];
  for (const compact of [false, true]) {
    const w = new Writer();
    w.writeRecords(parts, compact);
    w.writeRecords(Buffer.from('abcd'), compact);
    w.writeRecords(null, compact);
    const r = new Reader(w.toBuffer());
    const read = (): Buffer | null => (compact ? r.readCompactNullableBytes() : r.readNullableBytes());
    t.equal(read()?.toString(), 'abcd');
    t.equal(read()?.toString(), 'abcd');
    t.equal(read(), null);
  }
});

t.test('reserveInt32 patches a size prefix after the fact', async (t) => {
  const w = new Writer(8);
  const set = w.reserveInt32();
  w.writeRaw(Buffer.alloc(2000));
  set(w.length - 4);
  t.equal(w.toBuffer().readInt32BE(0), 2000);
});

t.test('encoding mistakes are ours and throw plain errors', async (t) => {
  t.throws(() => new Writer().writeInt64(2 ** 60), RangeError);
  t.throws(() => new Writer().writeUuid(Buffer.alloc(3)), RangeError);
  t.throws(() => new Writer().writeString('x'.repeat(40000)), RangeError);
});
