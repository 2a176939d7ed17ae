/**
 * The null sink: the cheapest Kafka "broker" a producer can talk to, the baseline of the broker
 * benchmark (test/bench/broker.ts). It speaks just enough of the protocol, with our generated
 * codecs, for a librdkafka producer: ApiVersions (the broker's own advertised versions of the
 * APIs served here, so the client takes the same code paths), Metadata naming itself leader of
 * partition 0 of every topic asked for, InitProducerId (idempotent producers), and Produce:
 * the request is decoded, the batches are counted and dropped, and the response acknowledges
 * them at once with running offsets (acks=0 gets no response, as from the broker).
 *
 *   node --import tsx test/bench/null-sink.ts [--port N]   → prints {"listening": PORT} once bound;
 *   exits when its stdin closes (its parent is gone)
 */
import { createServer, type Socket } from 'node:net';
import { FrameSplitter, encodeResponseFrame } from '../../src/protocol/frame.js';
import { readRequestHeader, responseHeaderVersion } from '../../src/protocol/headers.js';
import { ApiKey, apiSpecs, ZERO_UUID } from '../../src/protocol/generated/index.js';
import { Reader } from '../../src/protocol/primitives/reader.js';
import { advertisedApis } from '../../src/api/registry.js';
import type { ProduceRequest } from '../../src/protocol/generated/produce-request.js';
import type { MetadataRequest } from '../../src/protocol/generated/metadata-request.js';

const FRAME_BYTES_MAX = 100 * 1024 * 1024;
const NODE_ID = 0;
const HOST = '127.0.0.1';
const SERVED = new Set<number>([ApiKey.ApiVersions, ApiKey.Metadata, ApiKey.Produce, ApiKey.InitProducerId]);
/** RecordBatch v2: lastOffsetDelta (int32) sits at byte 23, the batch length (int32) at byte 8. */
const LAST_OFFSET_DELTA_AT = 23;
const BATCH_LENGTH_AT = 8;
const LOG_OVERHEAD_BYTES = 12;
const UNSUPPORTED_VERSION = 35;

const nextOffset = new Map<string, number>();
let nextProducerId = 1;

/** Records in a RecordBatch v2 sequence (without decoding records). */
function recordCount(records: Buffer | null): number {
  let n = 0;
  let pos = 0;
  while (records && pos + LAST_OFFSET_DELTA_AT + 4 <= records.length) {
    n += records.readInt32BE(pos + LAST_OFFSET_DELTA_AT) + 1;
    pos += LOG_OVERHEAD_BYTES + records.readInt32BE(pos + BATCH_LENGTH_AT);
  }
  return n;
}

function respond(socket: Socket, apiKey: number, version: number, correlationId: number, body: unknown): void {
  const spec = apiSpecs.get(apiKey)!;
  const frame = encodeResponseFrame(correlationId, responseHeaderVersion(apiKey, version), (w) => spec.writeResponse(w, version, body));
  if (Array.isArray(frame)) for (const c of frame) socket.write(c);
  else socket.write(frame);
}

function handle(socket: Socket, port: number, frame: Buffer): void {
  const r = new Reader(frame);
  const h = readRequestHeader(r);
  const spec = apiSpecs.get(h.apiKey);
  if (!spec || !SERVED.has(h.apiKey)) {
    socket.destroy();
    return;
  }
  if (h.apiKey === ApiKey.ApiVersions) {
    const advertised = advertisedApis().filter((a) => SERVED.has(a.apiKey));
    const known = advertised.find((a) => a.apiKey === ApiKey.ApiVersions)!;
    const version = h.apiVersion > known.maxVersion ? 0 : h.apiVersion;
    respond(socket, h.apiKey, version, h.correlationId, {
      errorCode: version === h.apiVersion ? 0 : UNSUPPORTED_VERSION,
      apiKeys: advertised.map((a) => ({ apiKey: a.apiKey, minVersion: a.minVersion, maxVersion: a.maxVersion })),
      throttleTimeMs: 0,
      supportedFeatures: [],
      finalizedFeaturesEpoch: -1,
      finalizedFeatures: [],
      zkMigrationReady: false,
    });
    return;
  }
  const body = spec.readRequest(r, h.apiVersion);
  if (h.apiKey === ApiKey.Metadata) {
    const req = body as MetadataRequest;
    respond(socket, h.apiKey, h.apiVersion, h.correlationId, {
      throttleTimeMs: 0,
      brokers: [{ nodeId: NODE_ID, host: HOST, port, rack: null }],
      clusterId: 'null-sink',
      controllerId: NODE_ID,
      topics: (req.topics ?? []).map((t) => ({
        errorCode: 0,
        name: t.name,
        topicId: ZERO_UUID,
        isInternal: false,
        partitions: [{ errorCode: 0, partitionIndex: 0, leaderId: NODE_ID, leaderEpoch: 0, replicaNodes: [NODE_ID], isrNodes: [NODE_ID], offlineReplicas: [] }],
        topicAuthorizedOperations: -2147483648,
      })),
      clusterAuthorizedOperations: -2147483648,
    });
  } else if (h.apiKey === ApiKey.InitProducerId) {
    respond(socket, h.apiKey, h.apiVersion, h.correlationId, { throttleTimeMs: 0, errorCode: 0, producerId: nextProducerId++, producerEpoch: 0 });
  } else {
    const req = body as ProduceRequest;
    const responses = req.topicData.map((t) => ({
      name: t.name,
      partitionResponses: t.partitionData.map((p) => {
        const key = `${t.name}-${p.index}`;
        const base = nextOffset.get(key) ?? 0;
        nextOffset.set(key, base + recordCount(p.records));
        return { index: p.index, errorCode: 0, baseOffset: base, logAppendTimeMs: -1, logStartOffset: 0, recordErrors: [], errorMessage: null, currentLeader: { leaderId: -1, leaderEpoch: -1 } };
      }),
    }));
    if (req.acks !== 0) respond(socket, h.apiKey, h.apiVersion, h.correlationId, { responses, throttleTimeMs: 0, nodeEndpoints: [] });
  }
}

/** Starts a null sink on 127.0.0.1:port (0 = any free port); resolves with the bound port. */
export function startNullSink(port = 0): Promise<{ port: number; close(): void }> {
  const server = createServer((socket) => {
    socket.setNoDelay(true);
    const splitter = new FrameSplitter(FRAME_BYTES_MAX);
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const f of splitter.push(chunk)) handle(socket, bound, f);
      } catch {
        socket.destroy();
      }
    });
    socket.on('error', () => undefined);
  });
  let bound = 0;
  return new Promise((resolve) => {
    server.listen(port, HOST, () => {
      bound = (server.address() as { port: number }).port;
      resolve({ port: bound, close: () => server.close() });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--port');
  const { port } = await startNullSink(i > 0 ? Number(process.argv[i + 1]) : 0);
  process.stdout.write(JSON.stringify({ listening: port }) + '\n');
  // Exit with the parent: it holds our stdin open while it lives.
  process.stdin.on('end', () => process.exit(0));
  process.stdout.on('error', () => process.exit(0));
  process.stdin.resume();
}
