import t from 'tap';
import { RecordDecodeError } from '../../../src/protocol/records/errors.js';
import { readVarint, readVarlong, varintBytes, varlongBytes, writeVarint, writeVarlong, type Cursor } from '../../../src/protocol/records/varint.js';

const cursor = (hex: string): Cursor => {
  const buf = Buffer.from(hex, 'hex');
  return { buf, pos: 0, end: buf.length };
};

function encodeVarint(value: number): string {
  const buf = Buffer.alloc(5);
  const end = writeVarint(buf, 0, value);
  return buf.subarray(0, end).toString('hex');
}

function encodeVarlong(value: number): string {
  const buf = Buffer.alloc(10);
  const end = writeVarlong(buf, 0, value);
  return buf.subarray(0, end).toString('hex');
}

// Zig-zag vectors from the protobuf encoding guide, which Kafka's record format uses.
const VECTORS: [number, string][] = [
  [0, '00'],
  [-1, '01'],
  [1, '02'],
  [-2, '03'],
  [2, '04'],
  [63, '7e'],
  [-64, '7f'],
  [64, '8001'],
  [150, 'ac02'],
  [300, 'd804'],
  [2147483647, 'feffffff0f'],
  [-2147483648, 'ffffffff0f'],
];

t.test('varint vectors encode, decode and size as specified', async (t) => {
  for (const [value, hex] of VECTORS) {
    t.equal(encodeVarint(value), hex, `write ${value}`);
    t.equal(varintBytes(value), hex.length / 2, `size ${value}`);
    const c = cursor(hex);
    t.equal(readVarint(c), value, `read ${hex}`);
    t.equal(c.pos, hex.length / 2);
    t.equal(encodeVarlong(value), hex, `varlong write ${value}`);
    t.equal(readVarlong(cursor(hex)), value, `varlong read ${hex}`);
  }
});

t.test('varlongs round-trip across the safe integer range, including the bigint path', async (t) => {
  const values = [
    0, 1, -1, 1700000000000, -1700000000000, 2 ** 31, -(2 ** 31) - 1, 2 ** 49 - 1, 2 ** 49, 2 ** 51, 2 ** 52 + 3,
    Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER,
  ];
  for (const v of values) {
    const buf = Buffer.alloc(10);
    const end = writeVarlong(buf, 0, v);
    t.equal(end, varlongBytes(v), `size of ${v}`);
    const c: Cursor = { buf, pos: 0, end };
    t.equal(readVarlong(c), v, `round trip ${v}`);
    t.equal(c.pos, end);
  }
  // 2^53-1 zig-zags to 2^54-2: eight bytes.
  t.equal(varlongBytes(Number.MAX_SAFE_INTEGER), 8);
});

t.test('over-long, truncated and out-of-range encodings are RecordDecodeErrors', async (t) => {
  t.throws(() => readVarint(cursor('ffffffffff01')), RecordDecodeError, 'six-byte varint');
  t.throws(() => readVarlong(cursor('ffffffffffffffffffff01')), RecordDecodeError, 'eleven-byte varlong');
  t.throws(() => readVarint(cursor('8080')), RecordDecodeError, 'truncated varint');
  t.throws(() => readVarlong(cursor('80808080808080')), RecordDecodeError, 'truncated varlong on the slow path');
  t.throws(() => readVarint(cursor('')), RecordDecodeError, 'empty');
  // int64 max zig-zags to 2^64-2: valid Kafka, but outside the safe integer range.
  const err = t.throws(() => readVarlong(cursor('feffffffffffffffff01'))) as RecordDecodeError;
  t.equal(err.reason, 'bad-varint');
  // The cursor's end bounds reads even when the buffer goes on.
  const c: Cursor = { buf: Buffer.from('8001', 'hex'), pos: 0, end: 1 };
  t.throws(() => readVarint(c), RecordDecodeError);
  t.throws(() => writeVarlong(Buffer.alloc(10), 0, 2 ** 53));
});

t.test('random int32 values round-trip', async (t) => {
  let seed = 12345;
  const buf = Buffer.alloc(5);
  let failures = 0;
  for (let i = 0; i < 10000; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) | 0;
    const v = seed >> (i % 31);
    const end = writeVarint(buf, 0, v);
    if (readVarint({ buf, pos: 0, end }) !== v || end !== varintBytes(v)) failures++;
  }
  t.equal(failures, 0);
});
