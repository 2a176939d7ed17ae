import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readProduceRequest, type ProduceRequest } from '../protocol/generated/produce-request.js';
import { writeProduceResponse, type ProduceResponse, type ProduceResponsePartitionResponses } from '../protocol/generated/produce-response.js';
import { checkBatch, compressionOf, isControlBatch, ATTR_TRANSACTIONAL, Compression, OFFSET_RECORD_COUNT, type BatchHeader } from '../protocol/records/batch-header.js';
import type { Partition } from '../replication/partition.js';
import { PartitionError, type PartitionRecordError } from '../replication/partition.js';
import type { Broker } from './broker.js';
import type { ApiHandler, RequestContext } from './handler.js';
import { topicOrAutoCreate } from './auto-create.js';
import { kafkaErrorOf, missingPartitionError } from './errors.js';

/**
 * Produce (key 0). Advertised from v0 because librdkafka 2.0.2 turns compression off unless
 * Produce 0 is in range (PROTOCOL.md §5.1); v0–2 (message sets v0/v1) get UNSUPPORTED_VERSION per
 * partition, as Kafka 4 does. v3+ carry exactly one RecordBatch v2 per partition.
 *
 * acks=0: the appends still run (and finish before the request leaves the pipeline, so graceful
 * shutdown waits for them) but no response is sent; if any partition failed, the connection is
 * closed instead (as Kafka does), the only signal an acks=0 client gets. acks=1 and acks=-1 answer after the append
 * is committed (single node: after the local append, i.e. after fsync under fsync=always).
 *
 * Order: every partition's append is enqueued synchronously inside handle() when its topic
 * exists, so requests on one connection append in request order (idempotent producers pipeline
 * up to 5 batches). Only a request that must auto-create a topic awaits before appending.
 */
export const PRODUCE_RECORD_BATCH_MIN_VERSION = 3;
/** zstd batches need Produce v7+ (KIP-110). */
const PRODUCE_ZSTD_MIN_VERSION = 7;
const CODEC_ID_MAX = Compression.Zstd;

type PartitionAnswer = ProduceResponsePartitionResponses;

function answer(index: number, errorCode: number, errorMessage: string | null = null, recordErrors: readonly PartitionRecordError[] = []): PartitionAnswer {
  return {
    index, errorCode, baseOffset: -1, logAppendTimeMs: -1, logStartOffset: -1, errorMessage,
    recordErrors: recordErrors.map((e) => ({ batchIndex: e.batchIndex, batchIndexErrorMessage: e.message })),
    currentLeader: { leaderId: -1, leaderEpoch: -1 },
  };
}

/** Validates one partition's records; returns an error answer or the batch header. */
function validate(records: Buffer | null, index: number, version: number, batchBytesMax: number): PartitionAnswer | BatchHeader {
  if (records === null || records.length === 0) return answer(index, ErrorCode.INVALID_RECORD, 'no records');
  const check = checkBatch(records, 0, batchBytesMax);
  if (!check.ok) {
    switch (check.reason) {
      case 'too-large': return answer(index, ErrorCode.MESSAGE_TOO_LARGE, check.detail);
      case 'bad-magic': return answer(index, ErrorCode.INVALID_RECORD, `only RecordBatch v2 is accepted: ${check.detail}`);
      case 'bad-timestamp': return answer(index, ErrorCode.INVALID_TIMESTAMP, check.detail);
      case 'bad-field': return answer(index, ErrorCode.INVALID_RECORD, check.detail);
      default: return answer(index, ErrorCode.CORRUPT_MESSAGE, `${check.reason}: ${check.detail}`);
    }
  }
  const h = check.header;
  if (check.totalBytes !== records.length) return answer(index, ErrorCode.INVALID_RECORD, 'exactly one record batch per partition is allowed');
  if (h.recordCount <= 0 || h.lastOffsetDelta + 1 !== h.recordCount) return answer(index, ErrorCode.INVALID_RECORD, `recordCount ${h.recordCount} does not match lastOffsetDelta ${h.lastOffsetDelta}`);
  if (isControlBatch(h.attributes)) return answer(index, ErrorCode.INVALID_RECORD, 'clients may not write control batches');
  if ((h.attributes & ATTR_TRANSACTIONAL) !== 0) return answer(index, ErrorCode.INVALID_TXN_STATE, 'transactions are not supported');
  const codec = compressionOf(h.attributes);
  if (codec > CODEC_ID_MAX) return answer(index, ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, `compression codec ${codec}`);
  if (codec === Compression.Zstd && version < PRODUCE_ZSTD_MIN_VERSION) return answer(index, ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, 'zstd needs Produce v7+');
  return h;
}

async function appendOne(partition: Partition, records: Buffer, index: number, acks: number, timeoutMs: number, ctx: RequestContext): Promise<PartitionAnswer> {
  try {
    const done = await partition.append(records, { acks, timeoutMs });
    if (!done.duplicate) ctx.traffic?.produced(partition.topic, records.length, records.readInt32BE(OFFSET_RECORD_COUNT));
    return { ...answer(index, ErrorCode.NONE), baseOffset: done.baseOffset, logAppendTimeMs: done.logAppendTimeMs, logStartOffset: done.logStartOffset };
  } catch (err) {
    return failed(partition.topic, index, err, ctx);
  }
}

/**
 * One partition's failure is that partition's answer: its siblings may already be appended, so a
 * request-level error would make a retrying client write them twice. A bug (an untyped error) is
 * logged loudly and answered UNKNOWN_SERVER_ERROR for this partition only.
 */
function failed(topic: string, index: number, err: unknown, ctx: RequestContext): PartitionAnswer {
  const e = kafkaErrorOf(err);
  if (!e.expected) ctx.broker.logger.error({ topic, partition: index, err }, 'produce: unexpected error in one partition');
  else if (e.code === ErrorCode.KAFKA_STORAGE_ERROR) ctx.broker.logger.error({ topic, partition: index, err }, 'append failed');
  return answer(index, e.code, e.message, err instanceof PartitionError ? err.recordErrors : []);
}

function startPartition(broker: Broker, topicName: string, index: number, records: Buffer | null, request: ProduceRequest, ctx: RequestContext): Promise<PartitionAnswer> | PartitionAnswer {
  try {
    return startPartitionChecked(broker, topicName, index, records, request, ctx);
  } catch (err) {
    return failed(topicName, index, err, ctx);
  }
}

function startPartitionChecked(broker: Broker, topicName: string, index: number, records: Buffer | null, request: ProduceRequest, ctx: RequestContext): Promise<PartitionAnswer> | PartitionAnswer {
  const partition = broker.partitions.get(topicName, index);
  if (!partition) {
    const e = missingPartitionError(broker, topicName, index);
    return answer(index, e.code, e.message);
  }
  // Internal topics (__consumer_offsets) are written by the broker only, as in Kafka.
  if (broker.topics.get(topicName)?.internal) return answer(index, ErrorCode.INVALID_TOPIC_EXCEPTION, `cannot produce to internal topic ${topicName}`);
  const checked = validate(records, index, ctx.header.apiVersion, partition.settings.batchBytesMax);
  if ('errorCode' in checked) return checked;
  const timeoutMs = Math.min(Math.max(request.timeoutMs, 0), broker.config.limits.produceTimeoutMsMax);
  return appendOne(partition, records!, index, request.acks, timeoutMs, ctx);
}

export const produceHandler: ApiHandler<ProduceRequest, ProduceResponse> = {
  apiKey: ApiKey.Produce,
  minVersion: 0,
  maxVersion: 11,
  readRequest: readProduceRequest,
  writeResponse: writeProduceResponse,

  async handle(request, ctx) {
    const { broker } = ctx;
    const version = ctx.header.apiVersion;
    const refuseAll = (code: number, message: string): ProduceResponse => ({
      responses: request.topicData.map((t) => ({ name: t.name, partitionResponses: t.partitionData.map((p) => answer(p.index, code, message)) })),
      throttleTimeMs: 0,
      nodeEndpoints: [],
    });
    if (version < PRODUCE_RECORD_BATCH_MIN_VERSION) {
      // Advertised only for librdkafka's sake (see above); a client that really sends it is told why
      // in the log as well, as dispatch does for versions outside a handler's range.
      const clientId = ctx.header.clientId;
      broker.logger.warn({ peer: ctx.clientHost, clientId, api: 'Produce', apiVersion: version, serving: `${PRODUCE_RECORD_BATCH_MIN_VERSION}-${produceHandler.maxVersion}` },
        `unsupported version ${version} of Produce from client ${JSON.stringify(clientId)} (message format v0/v1): answered UNSUPPORTED_VERSION`);
      return request.acks === 0 ? null : refuseAll(ErrorCode.UNSUPPORTED_VERSION, 'Produce v0-2 (message format v0/v1) is not supported');
    }
    if (request.acks !== 0 && request.acks !== 1 && request.acks !== -1) return refuseAll(ErrorCode.INVALID_REQUIRED_ACKS, `acks ${request.acks}`);
    if (request.transactionalId !== null) return request.acks === 0 ? null : refuseAll(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, 'transactions are not supported');

    // Enqueue every append of existing topics now, in request order (see the file comment).
    const pending: Array<Array<Promise<PartitionAnswer> | PartitionAnswer>> = [];
    const missing: number[] = [];
    request.topicData.forEach((topic, i) => {
      if (broker.topics.get(topic.name)) {
        pending[i] = topic.partitionData.map((p) => startPartition(broker, topic.name, p.index, p.records, request, ctx));
      } else missing.push(i);
    });
    for (const i of missing) {
      const topic = request.topicData[i]!;
      let errorCode: number = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      let message = `topic ${topic.name} does not exist`;
      try {
        if (await topicOrAutoCreate(broker, topic.name, true)) errorCode = ErrorCode.NONE;
      } catch (err) {
        // Not a request-level failure either: other topics' batches may be appended already.
        const e = kafkaErrorOf(err);
        if (!e.expected) broker.logger.error({ topic: topic.name, err }, 'produce: auto-creating the topic failed unexpectedly');
        errorCode = e.code;
        message = e.message;
      }
      pending[i] = topic.partitionData.map((p) => errorCode === ErrorCode.NONE ? startPartition(broker, topic.name, p.index, p.records, request, ctx) : answer(p.index, errorCode, message));
    }
    const responses = await Promise.all(
      request.topicData.map(async (topic, i) => ({ name: topic.name, partitionResponses: await Promise.all(pending[i]!) })),
    );
    if (request.acks === 0) {
      const failed = responses.flatMap((t) => t.partitionResponses.filter((p) => p.errorCode !== ErrorCode.NONE).map((p) => `${t.name}-${p.index}: error ${p.errorCode}`));
      if (failed.length > 0) ctx.closeWithoutResponse = `acks=0 produce failed (${failed.slice(0, 3).join(', ')}); closing so the client refreshes metadata`;
      return null;
    }
    return { responses, throttleTimeMs: 0, nodeEndpoints: [] };
  },

  errorResponse(request, errorCode) {
    if (request.acks === 0) return null;
    return {
      responses: request.topicData.map((t) => ({ name: t.name, partitionResponses: t.partitionData.map((p) => answer(p.index, errorCode)) })),
      throttleTimeMs: 0,
      nodeEndpoints: [],
    };
  },
};
