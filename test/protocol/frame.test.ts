import t from 'tap';
import { encodeRequestFrame, encodeResponseFrame, FrameSplitter } from '../../src/protocol/frame.js';

t.test('response frames: size prefix covers header and body; large payloads stay separate chunks', async (t) => {
  const small = encodeResponseFrame(3, 1, (w) => w.writeInt16(0));
  t.ok(Buffer.isBuffer(small));
  t.equal((small as Buffer).toString('hex'), '00000007' + '00000003' + '00' + '0000');
  const big = Buffer.alloc(100_000, 9);
  const framed = encodeResponseFrame(4, 0, (w) => w.writeRecords([big], false));
  t.ok(Array.isArray(framed));
  const chunks = framed as Buffer[];
  t.ok(chunks.includes(big), 'payload appended by reference');
  const all = Buffer.concat(chunks);
  t.equal(all.readInt32BE(0), all.length - 4);
});

t.test('FrameSplitter splits a stream cut at arbitrary points', async (t) => {
  const frames = [1, 2, 3].map((i) => encodeRequestFrame({ apiKey: 18, apiVersion: 0, correlationId: i, clientId: 'c' }, () => {}));
  const stream = Buffer.concat(frames);
  for (const cut of [1, 3, 5, 17, stream.length - 1]) {
    const s = new FrameSplitter(1024);
    const got = [...s.push(stream.subarray(0, cut)), ...s.push(stream.subarray(cut))];
    t.strictSame(got.map((f) => f.toString('hex')), frames.map((f) => f.subarray(4).toString('hex')), `cut at ${cut}`);
    t.equal(s.bufferedBytes, 0);
  }
});

t.test('FrameSplitter refuses an oversized or negative size before buffering the body', async (t) => {
  const s = new FrameSplitter(100);
  t.throws(() => s.push(Buffer.from('00000065', 'hex')), { name: 'ProtocolDecodeError', message: /101 bytes/ });
  t.throws(() => new FrameSplitter(100).push(Buffer.from('ffffffff', 'hex')), { name: 'ProtocolDecodeError' });
});
