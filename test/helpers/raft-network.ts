/**
 * An in-process network between RaftReplicas (a test fixture, not a mock of the replica): each
 * message is copied (as the wire would) and delivered on a later turn of the event loop, unless
 * its link is cut. Links are directed; isolate() cuts every link to and from a node.
 */
import type { Message } from '../../src/raft/messages.js';
import type { RaftTransport } from '../../src/replication/raft-driver.js';

export interface Receiver { receive(messages: readonly Message[]): void }

export class RaftNetwork {
  readonly #nodes = new Map<number, Receiver>();
  readonly #cut = new Set<string>();
  delivered = 0;
  dropped = 0;

  attach(raftId: number, node: Receiver): void { this.#nodes.set(raftId, node); }
  detach(raftId: number): void { this.#nodes.delete(raftId); }

  transport(): RaftTransport {
    return {
      send: (messages) => {
        for (const m of messages) {
          if (this.#cut.has(`${m.from}>${m.to}`)) { this.dropped++; continue; }
          const copy: Message = { ...m, entries: m.entries.map((e) => ({ ...e, data: Uint8Array.from(e.data) })) };
          setImmediate(() => {
            const to = this.#nodes.get(copy.to);
            if (to === undefined || this.#cut.has(`${copy.from}>${copy.to}`)) { this.dropped++; return; }
            this.delivered++;
            to.receive([copy]);
          });
        }
      },
    };
  }

  isolate(raftId: number, peers: readonly number[]): void {
    for (const p of peers) if (p !== raftId) { this.#cut.add(`${raftId}>${p}`); this.#cut.add(`${p}>${raftId}`); }
  }

  heal(): void { this.#cut.clear(); }
}
