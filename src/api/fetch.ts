import { ApiKey, ZERO_UUID } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readFetchRequest, type FetchRequest } from '../protocol/generated/fetch-request.js';
import { writeFetchResponse, type FetchResponseInput, type FetchResponseResponsesInput } from '../protocol/generated/fetch-response.js';
import type { Broker } from './broker.js';
import { missingPartitionError } from './errors.js';
import type { ApiHandler } from './handler.js';
import { partitionAnswer, readPartitions, type FetchTarget } from './fetch/read-partitions.js';

/**
 * Fetch (key 1), v4–17: consumers read committed batches, returned as stored.
 *
 * Long-poll: when fewer than min_bytes are available the request waits, up to max_wait_ms (capped
 * by limits.fetchWaitMsMax), and is woken by an append to any requested partition (Partition.
 * waitForData), by the connection closing, or by shutdown, then reads again and answers.
 *
 * Fetch sessions (KIP-227, v7+): Canopy keeps none. A request that opens one (session id 0,
 * epoch 0) gets session id 0 back, which tells the client no session was created, so it keeps
 * sending full fetches; a request naming a session id gets FETCH_SESSION_ID_NOT_FOUND and the
 * client falls back to a full fetch.
 *
 * Topics are named in v4–12 and identified by topic id in v13+ (unknown id: UNKNOWN_TOPIC_ID).
 */
export const FETCH_MIN_VERSION = 4;
export const FETCH_MAX_VERSION = 17;
const FETCH_TOPIC_ID_MIN_VERSION = 13;

function resolveTargets(broker: Broker, request: FetchRequest, version: number): Array<{ topic: string; topicId: Buffer; targets: FetchTarget[] }> {
  return request.topics.map((t) => {
    const byId = version >= FETCH_TOPIC_ID_MIN_VERSION;
    const info = byId ? (t.topicId.equals(ZERO_UUID) ? undefined : broker.topics.getById(t.topicId)) : broker.topics.get(t.topic);
    const missingCode = byId ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
    const targets = t.partitions.map((p): FetchTarget => {
      const partition = info ? broker.partitions.get(info.name, p.partition) ?? null : null;
      return {
        partitionIndex: p.partition,
        fetchOffset: p.fetchOffset,
        partitionMaxBytes: p.partitionMaxBytes,
        partition,
        errorCode: partition ? ErrorCode.NONE : info ? missingPartitionError(broker, info.name, p.partition).code : missingCode,
        seenHighWatermark: -1,
      };
    });
    return { topic: info?.name ?? t.topic, topicId: info?.id ?? t.topicId, targets };
  });
}

/**
 * Resolves when any target gets data it has not seen (beyond both its fetch offset and the high
 * watermark of the last read, so a partial read below min_bytes waits for the next append
 * instead of spinning), at the deadline, or on abort.
 */
export async function waitForAnyData(targets: readonly FetchTarget[], deadlineMs: number, signal: AbortSignal): Promise<void> {
  const local = new AbortController();
  const both = AbortSignal.any([signal, local.signal]);
  try {
    await Promise.race(targets.filter((t) => t.partition !== null).map((t) => t.partition!.waitForData(Math.max(t.fetchOffset, t.seenHighWatermark), deadlineMs, both)));
  } finally {
    local.abort();
  }
}

function emptyResponse(errorCode: number): FetchResponseInput {
  return { throttleTimeMs: 0, errorCode, sessionId: 0, responses: [], nodeEndpoints: [] };
}

export const fetchHandler: ApiHandler<FetchRequest, FetchResponseInput> = {
  apiKey: ApiKey.Fetch,
  minVersion: FETCH_MIN_VERSION,
  maxVersion: FETCH_MAX_VERSION,
  readRequest: readFetchRequest,
  writeResponse: writeFetchResponse,

  async handle(request, ctx) {
    const { broker } = ctx;
    const version = ctx.header.apiVersion;
    const limits = broker.config.limits;
    if (request.sessionId !== 0) return emptyResponse(ErrorCode.FETCH_SESSION_ID_NOT_FOUND);

    const topics = resolveTargets(broker, request, version);
    const targets = topics.flatMap((t) => t.targets);
    const maxBytes = Math.min(Math.max(request.maxBytes, 1), limits.fetchResponseBytesMax);
    const deadlineMs = Date.now() + Math.min(Math.max(request.maxWaitMs, 0), limits.fetchWaitMsMax);
    const minBytes = Math.max(request.minBytes, 1);

    let pass = await readPartitions(targets, maxBytes);
    while (pass.bytes < minBytes && !pass.anyError && !ctx.signal.aborted && Date.now() < deadlineMs && targets.length > 0) {
      await waitForAnyData(targets, deadlineMs, ctx.signal);
      pass = await readPartitions(targets, maxBytes);
    }

    let i = 0;
    const responses: FetchResponseResponsesInput[] = topics.map((t) => ({
      topic: t.topic,
      topicId: t.topicId,
      partitions: t.targets.map(() => pass.answers[i++]!),
    }));
    if (ctx.traffic) {
      for (const r of responses) {
        let bytes = 0;
        for (const p of r.partitions) {
          const records = p.records;
          if (Buffer.isBuffer(records)) bytes += records.length;
          else for (const chunk of records ?? []) bytes += chunk.length;
        }
        if (bytes > 0) ctx.traffic.fetched(r.topic, bytes);
      }
    }
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, sessionId: 0, responses, nodeEndpoints: [] };
  },

  /** As Kafka: the error in every requested partition (v0–6 have no top-level error code). */
  errorResponse(request, errorCode) {
    return {
      ...emptyResponse(errorCode),
      responses: request.topics.map((t) => ({
        topic: t.topic,
        topicId: t.topicId,
        partitions: t.partitions.map((p) => partitionAnswer(p.partition, errorCode, null, [])),
      })),
    };
  },
};
