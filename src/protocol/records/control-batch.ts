/**
 * Control batches: the control bit set, one record whose key is [version int16 = 0][type int16].
 * Every Kafka consumer skips them, which is why Canopy's Raft layer writes its own entries (the
 * leader's no-op, configuration) as leader-change control batches, as KRaft does.
 *
 *   type 0 abort, 1 commit: transaction markers; transactional bit set; value is the
 *     EndTxnMarker [version int16 = 0][coordinatorEpoch int32].
 *   type 2 leader-change: not transactional; the value is opaque to this layer.
 */
import { RecordDecodeError } from './errors.js';
import { buildBatchUncompressed } from './batch.js';
import type { KafkaRecord } from './record.js';

export type ControlType = 'abort' | 'commit' | 'leader-change';

export const CONTROL_KEY_VERSION = 0;
const CONTROL_KEY_BYTES = 4;
const END_TXN_MARKER_VERSION = 0;
const END_TXN_MARKER_BYTES = 6;

const TYPE_IDS: Record<ControlType, number> = { abort: 0, commit: 1, 'leader-change': 2 };
const TYPE_NAMES = new Map<number, ControlType>(Object.entries(TYPE_IDS).map(([name, id]) => [id, name as ControlType]));

export interface ControlBatchOptions {
  baseOffset?: number;
  partitionLeaderEpoch?: number;
  /** Transaction markers belong to a producer; leader-change batches have none (-1). */
  producerId?: number;
  producerEpoch?: number;
  /** abort/commit only: the transaction coordinator's epoch. */
  coordinatorEpoch?: number;
  /** leader-change only: an opaque value (the Raft layer's own encoding). */
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
  const marker = type !== 'leader-change';
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
