import { assert } from '../util/assert.js';

/**
 * The append messages in flight to one follower, bounded by count and bytes: the leader pipelines
 * appends (several outstanding) and stops sending when either bound is reached, so a slow follower
 * costs bounded memory and bandwidth. Each element is the last index an append carried and its
 * payload bytes; an acknowledgement frees every element up to the acknowledged index.
 */
export class Inflights {
  private readonly lastIndexes: number[] = [];
  private readonly sizes: number[] = [];
  private head = 0;
  bytes = 0;

  constructor(
    readonly countMax: number,
    readonly bytesMax: number,
  ) {
    assert(countMax >= 1 && bytesMax >= 1, 'inflight bounds must be positive');
  }

  get count(): number {
    return this.lastIndexes.length - this.head;
  }

  full(): boolean {
    return this.count >= this.countMax || this.bytes >= this.bytesMax;
  }

  add(lastIndex: number, bytes: number): void {
    assert(!this.full(), 'inflights full');
    const n = this.lastIndexes.length;
    assert(n === this.head || this.lastIndexes[n - 1]! < lastIndex, 'inflights out of order');
    this.lastIndexes.push(lastIndex);
    this.sizes.push(bytes);
    this.bytes += bytes;
  }

  /** Frees every in-flight append whose last index is <= index. */
  freeLE(index: number): void {
    while (this.head < this.lastIndexes.length && this.lastIndexes[this.head]! <= index) {
      this.bytes -= this.sizes[this.head]!;
      this.head++;
    }
    if (this.head === this.lastIndexes.length) this.reset();
    else if (this.head > 64 && this.head * 2 > this.lastIndexes.length) {
      this.lastIndexes.splice(0, this.head);
      this.sizes.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Frees the oldest in-flight append (its acknowledgement was presumably lost). */
  freeFirstOne(): void {
    if (this.count === 0) return;
    this.freeLE(this.lastIndexes[this.head]!);
  }

  reset(): void {
    this.lastIndexes.length = 0;
    this.sizes.length = 0;
    this.head = 0;
    this.bytes = 0;
  }
}
