/**
 * Opaque batches from one node to another over the peer transport, as the one entry of an `app`
 * message of a group no Raft group uses (the caller names it). No answer and no retry: the
 * caller's sender retries until it observes the effect. A stopgap until the internal protocol has
 * request/response APIs (a MetadataPropose with an answer).
 */
import { EntryType, makeMessage } from '../raft/messages.js';
import { kafkaNodeIdOf, raftIdOf } from './raft-ids.js';
import type { PeerTransport } from './transport/peer-transport.js';
import type { RaftGroup } from './transport/group.js';

/** Queues `batch` for node `to` (Kafka node ids). */
export function sendBatch(transport: PeerTransport, group: RaftGroup, from: number, to: number, batch: Buffer): void {
  const entry = { index: 0, count: 1, term: 0, type: EntryType.Normal, data: batch };
  transport.send(group, [makeMessage({ type: 'app', to: raftIdOf(to), entries: [entry] }, raftIdOf(from))]);
}

/** Calls `onBatch` with every batch received on `group` and its sender's Kafka node id; returns the unregister function. */
export function receiveBatches(transport: PeerTransport, group: RaftGroup, onBatch: (batch: Buffer, from: number) => void): () => void {
  return transport.register(group, (messages) => {
    for (const m of messages) {
      for (const e of m.entries) onBatch(Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength), kafkaNodeIdOf(m.from));
    }
  });
}
