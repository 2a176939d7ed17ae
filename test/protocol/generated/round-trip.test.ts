// Every generated codec, every version: random valid messages survive write → read unchanged,
// the reader consumes exactly the bytes written, and re-writing the decoded message gives the
// same bytes. New spec files are picked up automatically (allCases reads protocol/kafka/).
import t from 'tap';
import { Reader } from '../../../src/protocol/primitives/reader.js';
import { Writer } from '../../../src/protocol/primitives/writer.js';
import { allCases, normalize, randomMessage, Rng } from '../../helpers/protocol-random.js';
import { writeFetchResponse, readFetchResponse, type FetchResponseInput } from '../../../src/protocol/generated/fetch-response.js';
import { ZERO_UUID } from '../../../src/protocol/generated/index.js';

const SAMPLES_PER_VERSION = 6;
const SEED = 20261122;

t.test('every message and version round-trips', async (t) => {
  const rng = new Rng(SEED);
  const cases = allCases();
  t.ok(cases.length >= 60, `found ${cases.length} specs`);
  for (const { spec, codec } of cases) {
    t.test(spec.name, async (t) => {
      for (let v = codec.minVersion; v <= codec.maxVersion; v++) {
        for (let i = 0; i < SAMPLES_PER_VERSION; i++) {
          const msg = randomMessage(rng, spec, v);
          const w = new Writer(16);
          codec.write(w, v, msg);
          const bytes = w.toBuffer();
          const r = new Reader(bytes);
          const back = codec.read(r, v);
          t.equal(r.remaining(), 0, `${spec.name} v${v} #${i}: reader consumed every byte`);
          t.strictSame(normalize(back), normalize(msg), `${spec.name} v${v} #${i}: decoded equals encoded`);
          const w2 = new Writer(16);
          codec.write(w2, v, back);
          t.ok(w2.toBuffer().equals(bytes), `${spec.name} v${v} #${i}: re-encoding is byte-identical`);
        }
      }
    });
  }
});

t.test('versions outside validVersions are refused in both directions', async (t) => {
  for (const { codec } of allCases()) {
    t.throws(() => codec.write(new Writer(), codec.maxVersion + 1, {}), { message: new RegExp(`has no version ${codec.maxVersion + 1}`) });
    t.throws(() => codec.read(new Reader(Buffer.alloc(64)), codec.maxVersion + 1), { name: 'ProtocolDecodeError' });
  }
});

function fetchResponse(records: Buffer | Buffer[] | null): FetchResponseInput {
  return {
    throttleTimeMs: 0, errorCode: 0, sessionId: 0, nodeEndpoints: [],
    responses: [{ topic: 'logs', topicId: ZERO_UUID, partitions: [{
      partitionIndex: 3, errorCode: 0, highWatermark: 10, lastStableOffset: 10, logStartOffset: 0,
      divergingEpoch: { epoch: -1, endOffset: -1 }, currentLeader: { leaderId: -1, leaderEpoch: -1 },
      snapshotId: { endOffset: -1, epoch: -1 }, abortedTransactions: [], preferredReadReplica: -1, records,
    }] }],
  };
}

t.test('records written as a list of buffers equal the concatenation, without copying large ones', async (t) => {
  const big = Buffer.alloc(4096, 7);
  const small = Buffer.from('tail');
  for (const v of [11, 12, 17]) {
    const wList = new Writer();
    writeFetchResponse(wList, v, fetchResponse([big, small]));
    const chunks = wList.toChunks();
    t.ok(chunks.includes(big), `v${v}: the large buffer is one of the output chunks (by reference)`);
    const wOne = new Writer();
    writeFetchResponse(wOne, v, fetchResponse(Buffer.concat([big, small])));
    t.ok(Buffer.concat(chunks).equals(wOne.toBuffer()), `v${v}: same bytes as one buffer`);
    const back = readFetchResponse(new Reader(wOne.toBuffer()), v);
    const records = back.responses[0]!.partitions[0]!.records!;
    t.ok(records.equals(Buffer.concat([big, small])), `v${v}: records read back`);
  }
});

t.test('writing null into a non-nullable field throws an Error naming the field', async (t) => {
  const bad = fetchResponse(null);
  (bad.responses[0] as { topic: unknown }).topic = null;
  t.throws(() => writeFetchResponse(new Writer(), 11, bad), { message: /FetchResponseResponses\.topic must not be null in version 11/ });
});
