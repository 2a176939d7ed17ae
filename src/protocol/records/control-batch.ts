/**
 * Control batches: the control bit set, one record whose key is [version int16 = 0][type int16].
 * Every Kafka consumer skips them, which is why Canopy's Raft layer writes its own entries as
 * control batches, as KRaft does, with KRaft's type numbers for the same roles:
 *
 *   type 0 abort, 1 commit: transaction markers; transactional bit set; value is the
 *     EndTxnMarker [version int16 = 0][coordinatorEpoch int32].
 *   type 2 leader-change: the no-op a new Raft leader writes; not transactional; opaque value.
 *   type 6 voters: a Raft membership change; not transactional; opaque value.
 *
 * Which clients skip which type (and offset gaps) is proven in test/clients/control-batches.test.ts;
 * the table is in README.md here.
 */
import assert from 'node:assert/strict';
import { RecordDecodeError } from './errors.js';
import { buildBatchUncompressed } from './batch.js';
import { BATCH_HEADER_BYTES, OFFSET_ATTRIBUTES, checkBatch, compressionOf, Compression, isControlBatch } from './batch-header.js';
import { readRecord, type KafkaRecord } from './record.js';

export type ControlType = 'abort' | 'commit' | 'leader-change' | 'voters';

/** The numeric control types Canopy's Raft layer writes (KRaft's numbers for the same roles). */
export const CONTROL_TYPE_RAFT_NOOP = 2;
export const CONTROL_TYPE_RAFT_CONFIG = 6;

export const CONTROL_KEY_VERSION = 0;
const CONTROL_KEY_BYTES = 4;
const END_TXN_MARKER_VERSION = 0;
const END_TXN_MARKER_BYTES = 6;

const TYPE_IDS: Record<ControlType, number> = { abort: 0, commit: 1, 'leader-change': CONTROL_TYPE_RAFT_NOOP, voters: CONTROL_TYPE_RAFT_CONFIG };
const TYPE_NAMES = new Map<number, ControlType>(Object.entries(TYPE_IDS).map(([name, id]) => [id, name as ControlType]));

export interface ControlBatchOptions {
  baseOffset?: number;
  partitionLeaderEpoch?: number;
  /** Transaction markers belong to a producer; Raft's batches have none (-1). */
  producerId?: number;
  producerEpoch?: number;
  /** abort/commit only: the transaction coordinator's epoch. */
  coordinatorEpoch?: number;
  /** leader-change and voters only: an opaque value (the Raft layer's own encoding). */
  value?: Buffer | null;
  timestamp?: number;
}

export function controlKey(type: ControlType): Buffer {
  const key = Buffer.alloc(CONTROL_KEY_BYTES);
  key.writeInt16BE(CONTROL_KEY_VERSION, 0);
  key.writeInt16BE(TYPE_IDS[type], 2);
  return key;
}

/** A one-record control batch (uncompressed, synchronous). */
export function controlBatch(type: ControlType, options: ControlBatchOptions = {}): Buffer {
  const marker = type === 'abort' || type === 'commit';
  let value: Buffer | null;
  if (marker) {
    value = Buffer.alloc(END_TXN_MARKER_BYTES);
    value.writeInt16BE(END_TXN_MARKER_VERSION, 0);
    value.writeInt32BE(options.coordinatorEpoch ?? 0, 2);
  } else {
    value = options.value ?? null;
  }
  const record = { key: controlKey(type), value, ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }) };
  return buildBatchUncompressed([record], {
    baseOffset: options.baseOffset,
    partitionLeaderEpoch: options.partitionLeaderEpoch,
    producerId: options.producerId ?? -1,
    producerEpoch: options.producerEpoch ?? -1,
    control: true,
    transactional: marker,
  });
}

export interface ControlRecord {
  version: number;
  /** The numeric type; `name` is set for the types this layer knows. */
  type: number;
  name: ControlType | null;
  /** abort/commit: the EndTxnMarker's coordinator epoch. */
  coordinatorEpoch: number | null;
}

/** Reads a control record's key (and marker value); throws RecordDecodeError if it is not one. */
export function readControlRecord(record: KafkaRecord): ControlRecord {
  const key = record.key;
  if (key === null || key.length < CONTROL_KEY_BYTES) throw new RecordDecodeError('bad-record', `control record key of ${key?.length ?? 'null'} bytes`);
  const type = key.readInt16BE(2);
  const name = TYPE_NAMES.get(type) ?? null;
  let coordinatorEpoch: number | null = null;
  if ((name === 'abort' || name === 'commit') && record.value !== null && record.value.length >= END_TXN_MARKER_BYTES) {
    coordinatorEpoch = record.value.readInt32BE(2);
  }
  return { version: key.readInt16BE(0), type, name, coordinatorEpoch };
}

export interface RaftControlBatch {
  /** CONTROL_TYPE_RAFT_NOOP or CONTROL_TYPE_RAFT_CONFIG. */
  type: number;
  /** Opaque to this layer: the Raft layer's own encoding (null for a bare no-op). */
  value: Buffer | null;
  baseOffset: number;
  /** The Raft term, stored as the batch's partitionLeaderEpoch. */
  leaderEpoch: number;
  timestampMs: number;
}

/**
 * The Raft layer's entries as one-record control batches (uncompressed, CRC set). Transaction
 * markers are not built here: they need producer fields (see controlBatch).
 */
export function encodeControlBatch(entry: RaftControlBatch): Buffer {
  assert(entry.type === CONTROL_TYPE_RAFT_NOOP || entry.type === CONTROL_TYPE_RAFT_CONFIG, `control type ${entry.type} is not one the Raft layer writes`);
  const type = entry.type === CONTROL_TYPE_RAFT_NOOP ? 'leader-change' : 'voters';
  return controlBatch(type, { value: entry.value, baseOffset: entry.baseOffset, partitionLeaderEpoch: entry.leaderEpoch, timestamp: entry.timestampMs });
}

/**
 * The control type of the batch at the start of `batch`, or null when it is not a control batch.
 * Only the attributes are read for a data batch (cheap on the read path); a control batch is
 * checked whole and its first record's key read in place. One Canopy cannot read this way (bad
 * CRC, compressed, no record, short key) is a RecordDecodeError: Kafka writes them uncompressed.
 */
export function controlTypeOf(batch: Buffer): number | null {
  if (batch.length < BATCH_HEADER_BYTES) throw new RecordDecodeError('truncated', `${batch.length} bytes, a batch header needs ${BATCH_HEADER_BYTES}`);
  if (!isControlBatch(batch.readInt16BE(OFFSET_ATTRIBUTES))) return null;
  const check = checkBatch(batch, 0, batch.length);
  if (!check.ok) throw new RecordDecodeError('bad-record', `control batch: ${check.detail}`);
  const header = check.header;
  if (compressionOf(header.attributes) !== Compression.None) throw new RecordDecodeError('bad-record', 'compressed control batch');
  if (header.recordCount < 1) throw new RecordDecodeError('bad-record', 'control batch without a record');
  const cursor = { buf: batch, pos: BATCH_HEADER_BYTES, end: check.totalBytes };
  const record = readRecord(cursor, { baseOffset: header.baseOffset, baseTimestamp: header.baseTimestamp, timestampOverride: null });
  return readControlRecord(record).type;
}
