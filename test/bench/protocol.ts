/**
 * Generated-codec throughput on the hot paths: `npx tsx test/bench/protocol.ts`. Prints calls/s
 * and per-call microseconds for decoding Produce requests and encoding Fetch responses (records
 * appended by reference), plus a Metadata response. One call at a time, on this machine.
 */
import { Reader } from '../../src/protocol/primitives/reader.js';
import { Writer } from '../../src/protocol/primitives/writer.js';
import { ZERO_UUID } from '../../src/protocol/primitives/uuid.js';
import { readProduceRequest, writeProduceRequest, type ProduceRequest } from '../../src/protocol/generated/produce-request.js';
import { writeFetchResponse, type FetchResponseInput } from '../../src/protocol/generated/fetch-response.js';
import { readFetchRequest, writeFetchRequest, type FetchRequest } from '../../src/protocol/generated/fetch-request.js';
import { writeMetadataResponse, type MetadataResponse } from '../../src/protocol/generated/metadata-response.js';

const BENCH_MS_PER_CASE = 1000;
const WARMUP_ITERATIONS = 2000;
const TOPICS = 10;
const PARTITIONS_PER_TOPIC = 10;
const BATCH_BYTES = 16 * 1024;

function rate(fn: () => unknown): number {
  for (let i = 0; i < WARMUP_ITERATIONS; i++) fn();
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < BENCH_MS_PER_CASE) {
    fn();
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}

const batch = Buffer.alloc(BATCH_BYTES, 1);
const produce: ProduceRequest = {
  transactionalId: null, acks: -1, timeoutMs: 30000,
  topicData: Array.from({ length: TOPICS }, (_, t) => ({ name: `topic-${t}`, partitionData: Array.from({ length: PARTITIONS_PER_TOPIC }, (_, p) => ({ index: p, records: batch })) })),
};
const fetchReq: FetchRequest = {
  clusterId: null, replicaId: -1, replicaState: { replicaId: -1, replicaEpoch: -1 }, maxWaitMs: 500, minBytes: 1, maxBytes: 1 << 20, isolationLevel: 0, sessionId: 0, sessionEpoch: -1,
  topics: Array.from({ length: TOPICS }, (_, t) => ({ topic: `topic-${t}`, topicId: ZERO_UUID, partitions: Array.from({ length: PARTITIONS_PER_TOPIC }, (_, p) => ({ partition: p, currentLeaderEpoch: -1, fetchOffset: 1000 + p, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 1 << 20, replicaDirectoryId: ZERO_UUID })) })),
  forgottenTopicsData: [], rackId: '',
};
const fetchResp: FetchResponseInput = {
  throttleTimeMs: 0, errorCode: 0, sessionId: 0, nodeEndpoints: [],
  responses: produce.topicData.map((t) => ({ topic: t.name, topicId: ZERO_UUID, partitions: t.partitionData.map((p) => ({
    partitionIndex: p.index, errorCode: 0, highWatermark: 123456, lastStableOffset: 123456, logStartOffset: 0,
    divergingEpoch: { epoch: -1, endOffset: -1 }, currentLeader: { leaderId: -1, leaderEpoch: -1 }, snapshotId: { endOffset: -1, epoch: -1 },
    abortedTransactions: [], preferredReadReplica: -1, records: [batch, batch],
  })) })),
};
const metadata: MetadataResponse = {
  throttleTimeMs: 0, brokers: [{ nodeId: 1, host: 'localhost', port: 9092, rack: null }], clusterId: 'c', controllerId: 1, clusterAuthorizedOperations: -2147483648,
  topics: Array.from({ length: 100 }, (_, t) => ({ errorCode: 0, name: `topic-${t}`, topicId: ZERO_UUID, isInternal: false, topicAuthorizedOperations: -2147483648,
    partitions: Array.from({ length: 10 }, (_, p) => ({ errorCode: 0, partitionIndex: p, leaderId: 1, leaderEpoch: 0, replicaNodes: [1], isrNodes: [1], offlineReplicas: [] })) })),
};

function encoded(write: (w: Writer) => void): Buffer {
  const w = new Writer(4096);
  write(w);
  return w.toBuffer();
}

const rows: string[][] = [['case', 'calls/s', 'µs/call', 'wire bytes']];
const row = (name: string, bytes: number, fn: () => unknown): void => {
  const r = rate(fn);
  rows.push([name, r.toFixed(0), (1e6 / r).toFixed(2), String(bytes)]);
};
for (const v of [7, 9]) {
  const buf = encoded((w) => writeProduceRequest(w, v, produce));
  row(`Produce v${v} request decode (${TOPICS}x${PARTITIONS_PER_TOPIC} partitions)`, buf.length, () => readProduceRequest(new Reader(buf), v));
}
for (const v of [11, 12]) {
  const buf = encoded((w) => writeFetchRequest(w, v, fetchReq));
  row(`Fetch v${v} request decode (${TOPICS * PARTITIONS_PER_TOPIC} partitions)`, buf.length, () => readFetchRequest(new Reader(buf), v));
}
for (const v of [11, 12, 16]) {
  const w = new Writer(4096);
  writeFetchResponse(w, v, fetchResp);
  const bytes = w.length;
  row(`Fetch v${v} response encode (${TOPICS * PARTITIONS_PER_TOPIC} partitions, chunks by reference)`, bytes, () => {
    const out = new Writer(4096);
    writeFetchResponse(out, v, fetchResp);
    return out.toChunks();
  });
}
for (const v of [1, 9, 12]) {
  const buf = encoded((w) => writeMetadataResponse(w, v, metadata));
  row(`Metadata v${v} response encode (100 topics x 10 partitions)`, buf.length, () => encoded((w) => writeMetadataResponse(w, v, metadata)));
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
