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
 * producer (max.in.flight up to 5) are checked against each other. A failed append (storage error)
 * removes only that batch (failed()): the expected next sequence goes back to the failed batch's
 * first one unless a later batch of the producer is already in flight, whose bytes may still reach
 * the log; a retry of the failed batch is then OUT_OF_ORDER_SEQUENCE, never appended behind it.
 * Forgetting the producer instead would accept that retry and put its records out of order.
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
  /** In enqueue order; `failed` ones never reached the log and are kept only to know where to resume. */
  batches: Array<{ batch: RememberedBatch; failed: boolean }>;
}

export type SequenceCheck =
  | { kind: 'append' }
  | { kind: 'duplicate'; batch: RememberedBatch }
  | { kind: 'error'; code: 'OUT_OF_ORDER_SEQUENCE' | 'INVALID_PRODUCER_EPOCH'; detail: string };

export function nextSequence(sequence: number, recordCount: number): number {
  const next = sequence + recordCount;
  return next > SEQUENCE_MAX ? next - SEQUENCE_MAX - 1 : next;
}

/**
 * The sequence a new batch must start with: after the last batch that may be in the log; or, when
 * only failed batches follow it, the first of those (the producer resends from there); null when
 * nothing is known. Failed batches before a live one do not matter: the live one may land.
 */
function expectedSequence(entry: ProducerEntry): number | null {
  const b = entry.batches;
  let live = b.length - 1;
  while (live >= 0 && b[live]!.failed) live--;
  if (live === b.length - 1) return live < 0 ? null : nextSequence(b[live]!.batch.lastSequence, 1);
  return b[live + 1]!.batch.firstSequence;
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
    const duplicate = entry.batches.find((b) => !b.failed && b.batch.firstSequence === firstSequence && b.batch.lastSequence === lastSequence);
    if (duplicate) return { kind: 'duplicate', batch: duplicate.batch };
    const expected = expectedSequence(entry);
    if (expected === null || firstSequence === expected) return { kind: 'append' };
    return { kind: 'error', code: 'OUT_OF_ORDER_SEQUENCE', detail: `expected sequence ${expected}, got ${firstSequence}` };
  }

  /** Remembers an accepted batch (call right after check() said append, before awaiting anything). */
  record(producerId: number, epoch: number, batch: RememberedBatch): void {
    let entry = this.#producers.get(producerId);
    if (entry) this.#producers.delete(producerId); // re-insert: Map order is our LRU order
    if (!entry || entry.epoch !== epoch) entry = { epoch, batches: [] };
    // Trailing failed batches are superseded by this one (it starts where they did: a resend).
    while (entry.batches.at(-1)?.failed) entry.batches.pop();
    entry.batches.push({ batch, failed: false });
    if (entry.batches.length > BATCHES_PER_PRODUCER_REMEMBERED) entry.batches.shift();
    this.#producers.set(producerId, entry);
    if (this.#producers.size > this.#producersMax) {
      const oldest = this.#producers.keys().next().value as number;
      this.#producers.delete(oldest);
    }
  }

  /**
   * The append of `batch` failed before reaching the log. Later batches of the producer stay (they
   * are in flight and may land); when none is, the producer must resend from this batch's sequence.
   */
  failed(producerId: number, batch: RememberedBatch): void {
    const found = this.#producers.get(producerId)?.batches.find((b) => b.batch === batch);
    if (found !== undefined) found.failed = true;
  }
}
