// Cross-check of our specs against a real client's hand-written codecs (@platformatic/kafka 1.35,
// the flexible versions it implements): requests it builds must decode with our readers,
// consuming every byte, and responses our writers build must parse with its parsers.
import t from 'tap';
import * as plt from '@platformatic/kafka';
import { Reader } from '../../../src/protocol/primitives/reader.js';
import { Writer } from '../../../src/protocol/primitives/writer.js';
import { uuidFromHex, ZERO_UUID } from '../../../src/protocol/primitives/uuid.js';
import { readApiVersionsRequest, writeApiVersionsRequest } from '../../../src/protocol/generated/api-versions-request.js';
import { writeApiVersionsResponse } from '../../../src/protocol/generated/api-versions-response.js';
import { readMetadataRequest } from '../../../src/protocol/generated/metadata-request.js';
import { writeMetadataResponse } from '../../../src/protocol/generated/metadata-response.js';
import { readProduceRequest } from '../../../src/protocol/generated/produce-request.js';
import { writeProduceResponse } from '../../../src/protocol/generated/produce-response.js';
import { readFetchRequest } from '../../../src/protocol/generated/fetch-request.js';
import { writeFetchResponse } from '../../../src/protocol/generated/fetch-response.js';
import { readListOffsetsRequest } from '../../../src/protocol/generated/list-offsets-request.js';
import { writeListOffsetsResponse } from '../../../src/protocol/generated/list-offsets-response.js';

// The client's modules, by version (all exported from its index as e.g. `fetchV12`).
const api = plt as unknown as Record<string, {
  createRequest: (...args: unknown[]) => { buffer: Buffer };
  parseResponse: (correlationId: number, apiKey: number, apiVersion: number, reader: unknown) => Record<string, unknown>;
}>;
const PltReader = (plt as unknown as { Reader: { from(b: Buffer): { remaining: number } } }).Reader;

const TOPIC_ID_HEX = '0102030405060708090a0b0c0d0e0f10';
const TOPIC_ID_TEXT = '01020304-0506-0708-090a-0b0c0d0e0f10';

function decodeAll<T>(buf: Buffer, read: (r: Reader) => T): { value: T; left: number } {
  const r = new Reader(buf);
  const value = read(r);
  return { value, left: r.remaining() };
}

function toBuffer(write: (w: Writer) => void): Buffer {
  const w = new Writer();
  write(w);
  return w.toBuffer();
}

t.test('ApiVersions v3-v4', async (t) => {
  for (const v of [3, 4]) {
    const req = api[`apiVersionsV${v}`]!.createRequest('platformatic-kafka', '1.35.0').buffer;
    const { value, left } = decodeAll(req, (r) => readApiVersionsRequest(r, v));
    t.equal(left, 0, `v${v} request fully decoded`);
    t.equal(value.clientSoftwareName, 'platformatic-kafka');
    const mine = toBuffer((w) => writeApiVersionsRequest(w, v, value));
    t.ok(mine.equals(req), `v${v} request re-encodes to the client's bytes`);
    const resp = toBuffer((w) => writeApiVersionsResponse(w, v, {
      errorCode: 0, apiKeys: [{ apiKey: 1, minVersion: 4, maxVersion: 17 }, { apiKey: 18, minVersion: 0, maxVersion: 4 }],
      throttleTimeMs: 3, supportedFeatures: [], finalizedFeaturesEpoch: -1, finalizedFeatures: [], zkMigrationReady: false,
    }));
    const parsed = api[`apiVersionsV${v}`]!.parseResponse(1, 18, v, PltReader.from(resp));
    t.same((parsed.apiKeys as Array<Record<string, number>>).map((k) => [k.apiKey, k.minVersion, k.maxVersion]), [[1, 4, 17], [18, 0, 4]]);
    t.equal(parsed.throttleTimeMs, 3);
  }
});

t.test('Metadata v9-v12', async (t) => {
  for (const v of [9, 10, 11, 12]) {
    const req = api[`metadataV${v}`]!.createRequest(['a', 'b'], true, false).buffer;
    const { value, left } = decodeAll(req, (r) => readMetadataRequest(r, v));
    // platformatic 1.35 writes IncludeClusterAuthorizedOperations in v11 too (the public guide
    // removes it in v11): one stray byte that shifts the last boolean into the tag count, and
    // leaves the real tag byte unread. Java brokers ignore trailing bytes, so must Canopy.
    t.equal(left, v === 11 ? 1 : 0, `v${v} request decoded (${left} trailing bytes)`);
    t.same(value.topics?.map((x) => x.name), ['a', 'b']);
    t.equal(value.allowAutoTopicCreation, true);
    const resp = toBuffer((w) => writeMetadataResponse(w, v, {
      throttleTimeMs: 0,
      brokers: [{ nodeId: 1, host: 'localhost', port: 9092, rack: null }],
      clusterId: 'canopy', controllerId: 1,
      topics: [{ errorCode: 0, name: 'a', topicId: uuidFromHex(TOPIC_ID_HEX), isInternal: false, topicAuthorizedOperations: -2147483648,
        partitions: [{ errorCode: 0, partitionIndex: 0, leaderId: 1, leaderEpoch: 5, replicaNodes: [1], isrNodes: [1], offlineReplicas: [] }] }],
      clusterAuthorizedOperations: -2147483648,
    }));
    const parsed = api[`metadataV${v}`]!.parseResponse(1, 3, v, PltReader.from(resp));
    t.same((parsed.brokers as unknown[])[0], { nodeId: 1, host: 'localhost', port: 9092, rack: null });
    t.equal(parsed.controllerId, 1);
    const topic = (parsed.topics as Array<Record<string, unknown>>)[0]!;
    t.equal(topic.name, 'a');
    if (v >= 10) t.equal(topic.topicId, TOPIC_ID_TEXT);
    t.same((topic.partitions as Array<Record<string, unknown>>)[0]!.leaderEpoch, 5);
  }
});

/** A real RecordBatch as the client builds it (from its own Produce request). */
let sampleBatch: Buffer = Buffer.alloc(0);

t.test('Produce v7-v11', async (t) => {
  for (const v of [7, 8, 9, 10, 11]) {
    const req = api[`produceV${v}`]!.createRequest(-1, 30000, [
      { topic: 'logs', partition: 2, key: Buffer.from('k'), value: Buffer.from('hello') },
      { topic: 'logs', partition: 2, key: Buffer.from('k2'), value: Buffer.from('world') },
    ], {}).buffer;
    const { value, left } = decodeAll(req, (r) => readProduceRequest(r, v));
    t.equal(left, 0, `v${v} request fully decoded`);
    t.equal(value.acks, -1);
    t.equal(value.timeoutMs, 30000);
    t.equal(value.transactionalId, null);
    const p = value.topicData[0]!.partitionData[0]!;
    t.equal(value.topicData[0]!.name, 'logs');
    t.equal(p.index, 2);
    t.equal(p.records![16], 2, 'records hold a magic v2 batch');
    sampleBatch = Buffer.from(p.records!);
    const resp = toBuffer((w) => writeProduceResponse(w, v, {
      responses: [{ name: 'logs', partitionResponses: [{ index: 2, errorCode: 0, baseOffset: 41, logAppendTimeMs: -1, logStartOffset: 0,
        recordErrors: [], errorMessage: null, currentLeader: { leaderId: -1, leaderEpoch: -1 } }] }],
      throttleTimeMs: 0, nodeEndpoints: [],
    }));
    const parsed = api[`produceV${v}`]!.parseResponse(1, 0, v, PltReader.from(resp));
    const pr = ((parsed.responses as Array<Record<string, unknown>>)[0]!.partitionResponses as Array<Record<string, unknown>>)[0]!;
    t.equal(pr.baseOffset, 41n);
    t.equal(pr.index, 2);
  }
});

t.test('Fetch v12-v17', async (t) => {
  t.ok(sampleBatch.length > 61, 'a batch from the Produce test');
  for (let v = 12; v <= 17; v++) {
    const topic = v >= 13 ? TOPIC_ID_TEXT : 'logs';
    const req = api[`fetchV${v}`]!.createRequest(500, 1, 1 << 20, 1, 0, -1,
      [{ topicId: topic, partitions: [{ partition: 2, currentLeaderEpoch: 7, fetchOffset: 40n, lastFetchedEpoch: -1, partitionMaxBytes: 65536 }] }], [], 'rack-a').buffer;
    const { value, left } = decodeAll(req, (r) => readFetchRequest(r, v));
    t.equal(left, 0, `v${v} request fully decoded`);
    t.equal(value.maxWaitMs, 500);
    t.equal(value.isolationLevel, 1);
    t.equal(value.rackId, 'rack-a');
    const ft = value.topics[0]!;
    if (v >= 13) t.equal(ft.topicId.toString('hex'), TOPIC_ID_HEX);
    else t.equal(ft.topic, 'logs');
    t.same([ft.partitions[0]!.partition, ft.partitions[0]!.currentLeaderEpoch, ft.partitions[0]!.fetchOffset, ft.partitions[0]!.partitionMaxBytes], [2, 7, 40, 65536]);
    const resp = toBuffer((w) => writeFetchResponse(w, v, {
      throttleTimeMs: 0, errorCode: 0, sessionId: 0, nodeEndpoints: [],
      responses: [{ topic: 'logs', topicId: v >= 13 ? uuidFromHex(TOPIC_ID_HEX) : ZERO_UUID, partitions: [{
        partitionIndex: 2, errorCode: 0, highWatermark: 42, lastStableOffset: 42, logStartOffset: 0,
        divergingEpoch: { epoch: -1, endOffset: -1 }, currentLeader: { leaderId: -1, leaderEpoch: -1 }, snapshotId: { endOffset: -1, epoch: -1 },
        abortedTransactions: [], preferredReadReplica: -1, records: [sampleBatch.subarray(0, 30), sampleBatch.subarray(30)],
      }] }],
    }));
    const parsed = api[`fetchV${v}`]!.parseResponse(1, 1, v, PltReader.from(resp));
    const part = ((parsed.responses as Array<Record<string, unknown>>)[0]!.partitions as Array<Record<string, unknown>>)[0]!;
    t.equal(part.highWatermark, 42n);
    const batches = part.records as Array<{ records: Array<{ value: Buffer }> }>;
    t.same(batches[0]!.records.map((r) => r.value.toString()), ['hello', 'world'], `v${v}: the client decodes our records`);
  }
});

t.test('ListOffsets v5-v9', async (t) => {
  for (const v of [5, 6, 7, 8, 9]) {
    const req = api[`listOffsetsV${v}`]!.createRequest(-1, 0, [{ name: 'logs', partitions: [{ partitionIndex: 2, currentLeaderEpoch: -1, timestamp: -1n }] }]).buffer;
    const { value, left } = decodeAll(req, (r) => readListOffsetsRequest(r, v));
    t.equal(left, 0, `v${v} request fully decoded`);
    t.same(value.topics[0]!.partitions[0], { partitionIndex: 2, currentLeaderEpoch: -1, timestamp: -1, maxNumOffsets: 1, unknownTaggedFields: undefined });
    const resp = toBuffer((w) => writeListOffsetsResponse(w, v, {
      throttleTimeMs: 0,
      topics: [{ name: 'logs', partitions: [{ partitionIndex: 2, errorCode: 0, oldStyleOffsets: [], timestamp: -1, offset: 42, leaderEpoch: 3 }] }],
    }));
    const parsed = api[`listOffsetsV${v}`]!.parseResponse(1, 2, v, PltReader.from(resp));
    const part = ((parsed.topics as Array<Record<string, unknown>>)[0]!.partitions as Array<Record<string, unknown>>)[0]!;
    t.equal(part.offset, 42n);
    t.equal(part.leaderEpoch, 3);
  }
});
