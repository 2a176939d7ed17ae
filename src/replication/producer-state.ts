/**
 * Idempotent-producer state of one partition: per producer id, its epoch and the last few batches
 * (sequence range and offsets), as Kafka's ProducerStateManager keeps. Used to
 *  - acknowledge a resent batch with its original offset instead of appending it twice, and
 *  - refuse a sequence gap (OUT_OF_ORDER_SEQUENCE) or a fenced epoch (INVALID_PRODUCER_EPOCH).
 *
 * Rules (Kafka's ProducerAppendInfo.checkSequence, simplified to what clients rely on):
 * | state for producer id | batch epoch  | batch sequence                    | outcome            |
 * |-----------------------|--------------|-----------------------------------|--------------------|
 * | none                  | any          | any                               | append (state may have been evicted or retained away) |
 * | epoch E               | < E          | any                               | INVALID_PRODUCER_EPOCH |
 * | epoch E               | > E          | 0                                 | append (new epoch) |
 * | epoch E               | > E          | ≠ 0                               | OUT_OF_ORDER_SEQUENCE |
 * | epoch E               | = E          | equals a remembered batch's range | duplicate          |
 * | epoch E               | = E          | last sequence + 1 (wrapping)      | append             |
 * | epoch E               | = E          | anything else                     | OUT_OF_ORDER_SEQUENCE |
 *
 * The state is updated when an append is *enqueued* (in call order), so pipelined batches of one
 * producer (max.in.flight up to 5) are checked against each other; a failed append forgets the
 * producer so its retry is accepted.
 */
export const BATCHES_PER_PRODUCER_REMEMBERED = 5; // Kafka clients keep at most 5 batches in flight.
const SEQUENCE_MAX = 0x7fffffff;

export interface RememberedBatch {
  firstSequence: number;
  lastSequence: number;
  /** Resolves to the batch's base offset once it is durable (rejects if its append failed). */
  baseOffset: Promise<number>;
}

interface ProducerEntry {
  epoch: number;
  batches: RememberedBatch[];
}

export type SequenceCheck =
  | { kind: 'append' }
  | { kind: 'duplicate'; batch: RememberedBatch }
  | { kind: 'error'; code: 'OUT_OF_ORDER_SEQUENCE' | 'INVALID_PRODUCER_EPOCH'; detail: string };

export function nextSequence(sequence: number, recordCount: number): number {
  const next = sequence + recordCount;
  return next > SEQUENCE_MAX ? next - SEQUENCE_MAX - 1 : next;
}

export class ProducerState {
  readonly #producers = new Map<number, ProducerEntry>();
  readonly #producersMax: number;

  constructor(producersMax: number) {
    this.#producersMax = producersMax;
  }

  get size(): number {
    return this.#producers.size;
  }

  check(producerId: number, epoch: number, firstSequence: number, lastSequence: number): SequenceCheck {
    const entry = this.#producers.get(producerId);
    if (!entry) return { kind: 'append' };
    if (epoch < entry.epoch) return { kind: 'error', code: 'INVALID_PRODUCER_EPOCH', detail: `epoch ${epoch} is older than ${entry.epoch}` };
    if (epoch > entry.epoch) {
      return firstSequence === 0 ? { kind: 'append' } : { kind: 'error', code: 'OUT_OF_ORDER_SEQUENCE', detail: `new epoch ${epoch} must start at sequence 0, got ${firstSequence}` };
    }
    const duplicate = entry.batches.find((b) => b.firstSequence === firstSequence && b.lastSequence === lastSequence);
    if (duplicate) return { kind: 'duplicate', batch: duplicate };
    const last = entry.batches[entry.batches.length - 1];
    const expected = last ? nextSequence(last.lastSequence, 1) : 0;
    if (last === undefined || firstSequence === expected) return { kind: 'append' };
    return { kind: 'error', code: 'OUT_OF_ORDER_SEQUENCE', detail: `expected sequence ${expected}, got ${firstSequence}` };
  }

  /** Remembers an accepted batch (call right after check() said append, before awaiting anything). */
  record(producerId: number, epoch: number, batch: RememberedBatch): void {
    let entry = this.#producers.get(producerId);
    if (entry) this.#producers.delete(producerId); // re-insert: Map order is our LRU order
    if (!entry || entry.epoch !== epoch) entry = { epoch, batches: [] };
    entry.batches.push(batch);
    if (entry.batches.length > BATCHES_PER_PRODUCER_REMEMBERED) entry.batches.shift();
    this.#producers.set(producerId, entry);
    if (this.#producers.size > this.#producersMax) {
      const oldest = this.#producers.keys().next().value as number;
      this.#producers.delete(oldest);
    }
  }

  forget(producerId: number): void {
    this.#producers.delete(producerId);
  }
}
