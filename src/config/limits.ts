/**
 * Every bound the broker enforces, with the reason it exists. Values here are the defaults; the
 * config file's `limits:` section overrides them (checked by config/load.ts). Going past a bound
 * gives the client a Kafka error code or closes that one connection, never a crash.
 */
export interface Limits {
  /** Largest request frame accepted (the int32 size prefix). Kafka's socket.request.max.bytes
   *  default; bigger frames are refused before buffering so one client cannot exhaust memory. */
  frameBytesMax: number;
  /** Requests decoded but not yet answered on one connection. Past it we stop reading that socket
   *  (TCP backpressure), so a pipelining client cannot queue unbounded work. */
  inflightRequestsPerConnectionMax: number;
  /** Bytes of request frames decoded but not yet answered on one connection. Past it we stop
   *  reading that socket, so pipelined large Produce requests cannot pin unbounded memory. */
  inflightRequestBytesPerConnectionMax: number;
  /** Open client connections; further connections are closed at accept with a log line. */
  connectionsMax: number;
  /** Open client connections from one IP address (Kafka's max.connections.per.ip), well below
   *  connectionsMax so one host cannot take every slot and lock the others out. */
  connectionsPerAddressMax: number;
  /** Bytes of request frames held in memory on the whole node, being received or awaiting their
   *  response (Kafka's queued.max.request.bytes). A frame's size is reserved when its header
   *  arrives; a connection whose frame does not fit stops being read until bytes are released. */
  requestBytesBufferedMax: number;
  /** A request frame must be received whole within this many ms of its first byte, however slowly
   *  its bytes trickle in (a trickle would otherwise keep the idle timeout from ever firing). */
  frameReceiveMsMax: number;
  /** Largest RecordBatch accepted by Produce (Kafka's message.max.bytes default), unless a topic's
   *  max.message.bytes says otherwise. Bigger batches get MESSAGE_TOO_LARGE. */
  batchBytesMax: number;
  /** Bytes one produced batch's records may inflate to when decompressed for validation (a topic's
   *  max.message.bytes raises it for that topic). Past it: MESSAGE_TOO_LARGE, so a small
   *  compressed bomb costs a typed error, not the broker's memory. */
  batchDecompressedBytesMax: number;
  /** Records one produced batch may hold. Past it: MESSAGE_TOO_LARGE (clients split the batch).
   *  Bounds the work one batch costs every later reader (validation, timestamp lookups). */
  batchRecordsMax: number;
  /** Bytes of journal pages kept in memory for the whole node (shared by every partition); the
   *  tail written moments ago is served from here, cold pages far from the tail are evicted first. */
  cacheBytesMax: number;
  /** Upper bound on a Fetch's max_wait_ms, so a client cannot park a request for hours. */
  fetchWaitMsMax: number;
  /** Upper bound on one Fetch response's data, whatever max_bytes asks (Kafka fetch.max.bytes). */
  fetchResponseBytesMax: number;
  /** Partitions one topic may have; bounds per-topic work such as Metadata and CreatePartitions. */
  partitionsPerTopicMax: number;
  /** Partitions on this node; each holds memory (indexes, producer state). Open files are shared
   *  through journalFilesOpenMax, so this is not bounded by the process's fd limit. */
  partitionsMax: number;
  /** Segment files the journal keeps open at once, for all partitions together (least recently
   *  used closed first); 0 derives it from the process's open file limit at start-up. */
  journalFilesOpenMax: number;
  /** Kafka's topic name limit (file names must fit: <topic>-<partition> under the data dir). */
  topicNameBytesMax: number;
  /** Produce timeout_ms is capped here; an append slower than this answers REQUEST_TIMED_OUT. */
  produceTimeoutMsMax: number;
  /** Records scanned from the log tail at startup to rebuild idempotent-producer state. */
  producerStateRebuildRecordsMax: number;
  /** Producers remembered per partition for sequence checks; the least recently used is evicted. */
  producersPerPartitionMax: number;
  /** A connection with no traffic and no request in flight for this long is closed (Kafka's
   *  connections.max.idle.ms), so half-open sockets do not hold memory and a connection slot forever. */
  connectionIdleMsMax: number;
  /** How long graceful shutdown waits for in-flight requests before closing anyway. */
  shutdownGraceMs: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  frameBytesMax: 100 * 1024 * 1024,
  inflightRequestsPerConnectionMax: 64,
  inflightRequestBytesPerConnectionMax: 256 * 1024 * 1024,
  connectionsMax: 4096,
  connectionsPerAddressMax: 1024,
  requestBytesBufferedMax: 256 * 1024 * 1024,
  frameReceiveMsMax: 30_000,
  batchBytesMax: 1048588,
  batchDecompressedBytesMax: 64 * 1024 * 1024,
  batchRecordsMax: 1_000_000,
  cacheBytesMax: 256 * 1024 * 1024,
  fetchWaitMsMax: 60_000,
  fetchResponseBytesMax: 64 * 1024 * 1024,
  partitionsPerTopicMax: 10_000,
  partitionsMax: 20_000,
  journalFilesOpenMax: 0,
  topicNameBytesMax: 249,
  produceTimeoutMsMax: 300_000,
  producerStateRebuildRecordsMax: 1_000_000,
  producersPerPartitionMax: 10_000,
  connectionIdleMsMax: 600_000,
  shutdownGraceMs: 10_000,
});

/** Relationships between limits, checked once at startup (config/load.ts). */
export function checkLimitRelations(limits: Limits): string[] {
  const problems: string[] = [];
  // A produce request carries at least one whole batch plus headers.
  if (limits.frameBytesMax < limits.batchBytesMax + 1024) problems.push('limits.frameBytesMax must exceed limits.batchBytesMax by at least 1024');
  // One maximal request must fit, or a connection could never make progress.
  if (limits.inflightRequestBytesPerConnectionMax < limits.frameBytesMax) problems.push('limits.inflightRequestBytesPerConnectionMax must be at least limits.frameBytesMax');
  // One maximal frame must fit in the node-wide budget, or it could never be received.
  if (limits.requestBytesBufferedMax < limits.frameBytesMax) problems.push('limits.requestBytesBufferedMax must be at least limits.frameBytesMax');
  if (limits.frameReceiveMsMax < 1) problems.push('limits.frameReceiveMsMax must be at least 1');
  // An uncompressed batch of the largest size must be accepted.
  if (limits.batchDecompressedBytesMax < limits.batchBytesMax) problems.push('limits.batchDecompressedBytesMax must be at least limits.batchBytesMax');
  if (limits.batchRecordsMax < 1) problems.push('limits.batchRecordsMax must be at least 1');
  if (limits.partitionsPerTopicMax > limits.partitionsMax) problems.push('limits.partitionsPerTopicMax must not exceed limits.partitionsMax');
  if (limits.topicNameBytesMax > 249) problems.push('limits.topicNameBytesMax must be at most 249 (file name length)');
  return problems;
}
