// Produce byte vectors computed by hand from the public protocol guide.
import t from 'tap';
import { hex } from '../../helpers/hex.js';
import { Reader } from '../../../src/protocol/primitives/reader.js';
import { encodeRequestFrame } from '../../../src/protocol/frame.js';
import { readRequestHeader } from '../../../src/protocol/headers.js';
import { readProduceRequest, writeProduceRequest, type ProduceRequest } from '../../../src/protocol/generated/produce-request.js';

const body: ProduceRequest = {
  transactionalId: null,
  acks: -1,
  timeoutMs: 30000,
  topicData: [{ name: 't', partitionData: [{ index: 0, records: Buffer.from([1, 2, 3]) }] }],
};

t.test('Produce v3 request: header v1 and the v3 body (nullable transactional id)', async (t) => {
  const want = hex(`
    00000030                  # size 48
    0000 0003 01020304        # api_key 0, version 3, correlation_id 0x01020304
    0008 70726f6475636572     # client_id "producer"
    ffff                      # transactional_id null
    ffff                      # acks -1
    00007530                  # timeout_ms 30000
    00000001 0001 74          # 1 topic: "t"
    00000001 00000000         # 1 partition: index 0
    00000003 010203           # records: 3 bytes
  `);
  const got = encodeRequestFrame({ apiKey: 0, apiVersion: 3, correlationId: 0x01020304, clientId: 'producer' }, (w) => writeProduceRequest(w, 3, body));
  t.equal(got.toString('hex'), want.toString('hex'));
  const r = new Reader(want, 4);
  t.strictSame(readRequestHeader(r), { apiKey: 0, apiVersion: 3, correlationId: 0x01020304, clientId: 'producer' });
  const back = readProduceRequest(r, 3);
  t.same(back, body);
  const records = back.topicData[0]!.partitionData[0]!.records!;
  t.equal(records.buffer, want.buffer, 'records are a zero-copy slice of the frame');
});

t.test('Produce v2 request has no transactional id', async (t) => {
  const want = hex('0000002e 0000 0002 01020304 0008 70726f6475636572 ffff 00007530 00000001 0001 74 00000001 00000000 00000003 010203');
  t.equal(encodeRequestFrame({ apiKey: 0, apiVersion: 2, correlationId: 0x01020304, clientId: 'producer' }, (w) => writeProduceRequest(w, 2, body)).toString('hex'), want.toString('hex'));
});

t.test('Produce v9 request: header v2 (ClientId still int16), compact body with tag sections', async (t) => {
  const want = hex(`
    00000022                  # size 34
    0000 0009 00000001        # api_key 0, version 9, correlation_id 1
    0001 78                   # client_id "x" (never compact)
    00                        # header tags
    00                        # transactional_id null (compact)
    ffff 00007530             # acks -1, timeout 30000
    02 02 74                  # 1 topic: "t"
    02 00000000               # 1 partition: index 0
    04 010203                 # records: 3 bytes (uvarint 3+1)
    00 00 00                  # partition, topic, request tags
  `);
  const got = encodeRequestFrame({ apiKey: 0, apiVersion: 9, correlationId: 1, clientId: 'x' }, (w) => writeProduceRequest(w, 9, body));
  t.equal(got.toString('hex'), want.toString('hex'));
  const r = new Reader(want, 4);
  t.strictSame(readRequestHeader(r), { apiKey: 0, apiVersion: 9, correlationId: 1, clientId: 'x' });
  t.same(readProduceRequest(r, 9), body);
  t.equal(r.remaining(), 0);
});

t.test('unknown tagged fields are skipped on read and written back', async (t) => {
  // Produce v9 body with an unknown tag 5 (2 bytes) on the request.
  const wire = hex('00 ffff 00007530 02 02 74 02 00000000 04 010203 00 00  01 05 02 abcd');
  const m = readProduceRequest(new Reader(wire), 9);
  t.strictSame(m.unknownTaggedFields?.map((f) => [f.tag, f.data.toString('hex')]), [[5, 'abcd']]);
  const { Writer } = await import('../../../src/protocol/primitives/writer.js');
  const w = new Writer();
  writeProduceRequest(w, 9, m);
  t.equal(w.toBuffer().toString('hex'), wire.toString('hex'));
});
