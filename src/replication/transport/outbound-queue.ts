/**
 * The bounded queue of Raft messages waiting for one peer. Full means over either bound; the oldest
 * message then gives way (a newer heartbeat or append supersedes it, and Raft retransmits).
 */
import type { GroupMessage } from './raft-wire.js';
import { messageBytes } from './raft-wire.js';

interface Queued {
  readonly item: GroupMessage;
  readonly bytes: number;
}

export class OutboundQueue {
  readonly #messagesMax: number;
  readonly #bytesMax: number;
  #items: Queued[] = [];
  #head = 0;
  #bytes = 0;

  constructor(messagesMax: number, bytesMax: number) {
    this.#messagesMax = messagesMax;
    this.#bytesMax = bytesMax;
  }

  get length(): number {
    return this.#items.length - this.#head;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Adds a message; returns how many older messages were dropped to make room. */
  push(item: GroupMessage): number {
    const bytes = messageBytes(item.message);
    this.#items.push({ item, bytes });
    this.#bytes += bytes;
    let dropped = 0;
    // The message just added always stays, even if it alone exceeds the byte bound.
    while (this.length > 1 && (this.length > this.#messagesMax || this.#bytes > this.#bytesMax)) {
      this.#bytes -= this.#items[this.#head]!.bytes;
      this.#head++;
      dropped++;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return dropped;
  }

  /** Removes and returns the oldest messages up to about `bytesTarget` bytes (at least one). */
  take(bytesTarget: number): GroupMessage[] {
    const out: GroupMessage[] = [];
    let bytes = 0;
    while (this.length > 0) {
      const next = this.#items[this.#head]!;
      if (out.length > 0 && bytes + next.bytes > bytesTarget) break;
      out.push(next.item);
      bytes += next.bytes;
      this.#bytes -= next.bytes;
      this.#head++;
    }
    if (this.length === 0) {
      this.#items = [];
      this.#head = 0;
    }
    return out;
  }

  /** Empties the queue; returns how many messages it held. */
  clear(): number {
    const n = this.length;
    this.#items = [];
    this.#head = 0;
    this.#bytes = 0;
    return n;
  }
}
