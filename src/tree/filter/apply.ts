/**
 * An edge filter applied to one RecordBatch: batch in, batch out, offsets kept.
 *
 * Invariants of the output (so a learner's log is `filter(root log)` offset by offset):
 *  - the same baseOffset and lastOffsetDelta as the input: the batch covers the same offsets, so a
 *    consumer's position moves past every removed record;
 *  - each kept record keeps its offsetDelta (its root offset) and timestamp; it is projected;
 *  - producer id/epoch/sequence, partition leader epoch, transactional and LogAppendTime bits kept;
 *  - recompressed with the input's codec: edge bytes then follow the filter's selectivity and a
 *    learner stores batches shaped like the root's (the cost is upstream CPU, once per edge);
 *  - a fresh CRC-32C.
 * A batch whose every record is removed becomes an *emptied batch*: recordCount 0, no payload,
 * uncompressed, baseOffset and lastOffsetDelta kept (the input's timestamps too). Not a control batch: the
 * control-batch interop work (protocol/records/README.md) found that kafka-python 2.0.2 hands
 * control records to the application, while an emptied batch is skipped, offsets kept, by every
 * client tested (kcat and confluent-kafka-python on librdkafka 2.0.2, node-rdkafka on 2.12,
 * kafkajs, @platformatic/kafka, Sarama, kafka-python). The hole is explicit: the batch header
 * states exactly which offsets it covered. (librdkafka's position stops at the base of a trailing
 * emptied batch until a later record arrives: test/interop/filtered-log.test.ts.)
 * Control batches pass unchanged: they carry no user records.
 */
import { assembleBatch, buildBatch, decodeBatchRecords, setLogAppendTime } from '../../protocol/records/batch.js';
import { ATTR_COMPRESSION_MASK, ATTR_CONTROL, ATTR_TIMESTAMP_LOG_APPEND, ATTR_TRANSACTIONAL, batchTotalBytes, compressionOf, readBatchHeader, type BatchHeader } from '../../protocol/records/batch-header.js';
import type { RecordInput } from '../../protocol/records/record.js';
import type { CompiledFilter } from './compile.js';

export interface ApplyOptions {
  /** Bound on one batch's decompressed records (as Produce's validation has). */
  decompressedBytesMax?: number;
}

export interface FilteredBatch {
  batch: Buffer;
  recordsIn: number;
  recordsKept: number;
}

/**
 * Uncompressed whatever the input's codec: with no payload, a compression bit makes librdkafka fail
 * the fetch (__BAD_COMPRESSION, test/interop/filtered-log.test.ts), as a zero-byte stream is not a
 * valid gzip/lz4/zstd/snappy one. Kafka's log cleaner writes its emptied batches uncompressed too.
 */
function emptied(header: BatchHeader): Buffer {
  return assembleBatch(Buffer.alloc(0), {
    recordCount: 0, lastOffsetDelta: header.lastOffsetDelta, baseTimestamp: header.baseTimestamp, maxTimestamp: header.maxTimestamp,
    attributes: header.attributes & ~ATTR_COMPRESSION_MASK,
  }, { baseOffset: header.baseOffset, producerId: header.producerId, producerEpoch: header.producerEpoch, baseSequence: header.baseSequence, partitionLeaderEpoch: header.partitionLeaderEpoch });
}

/**
 * Filters the single batch at the start of `input` (bytes after it are ignored). Throws
 * RecordDecodeError on a corrupt batch (CRC, lengths, compression), as decoding does.
 */
export async function applyFilterToBatch(input: Buffer, filter: CompiledFilter, options: ApplyOptions = {}): Promise<FilteredBatch> {
  const header = readBatchHeader(input);
  const whole = input.subarray(0, batchTotalBytes(input));
  if ((header.attributes & ATTR_CONTROL) !== 0) return { batch: whole, recordsIn: header.recordCount, recordsKept: header.recordCount };
  const records = await decodeBatchRecords(whole, { decompressedBytesMax: options.decompressedBytesMax });
  const kept = records.filter((r) => filter.matches(r));
  if (kept.length === records.length && filter.projectsNothing) return { batch: whole, recordsIn: records.length, recordsKept: kept.length };
  if (kept.length === 0) return { batch: emptied(header), recordsIn: records.length, recordsKept: 0 };
  const inputs: RecordInput[] = kept.map((r) => {
    const p = filter.project(r);
    return { key: p.key, value: p.value, headers: p.headers, timestamp: p.timestamp, offsetDelta: r.offset - header.baseOffset };
  });
  const batch = await buildBatch(inputs, {
    baseOffset: header.baseOffset, lastOffsetDelta: header.lastOffsetDelta, compression: compressionOf(header.attributes),
    producerId: header.producerId, producerEpoch: header.producerEpoch, baseSequence: header.baseSequence,
    partitionLeaderEpoch: header.partitionLeaderEpoch, transactional: (header.attributes & ATTR_TRANSACTIONAL) !== 0,
  });
  // Decoded timestamps of a LogAppendTime batch are all its maxTimestamp; keep the bit and the value.
  if ((header.attributes & ATTR_TIMESTAMP_LOG_APPEND) !== 0) setLogAppendTime(batch, header.maxTimestamp);
  return { batch, recordsIn: records.length, recordsKept: kept.length };
}
