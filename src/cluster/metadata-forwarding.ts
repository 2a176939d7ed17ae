/**
 * Metadata proposals from a follower to the metadata leader, until a MetadataPropose internal API
 * with an answer exists: the batch travels over the peer transport on its own group
 * (`__cluster_metadata` partition -1, which no Raft group uses; replication/batch-forwarding.ts),
 * so it rides the same authenticated connections (PeerHello with the cluster id) and frames as Raft.
 * Nothing answers: the sender retries until it sees its records in the image, so records sent
 * this way must be safe to apply twice (a registration is: its epoch refuses the second copy).
 *
 * The receiver checks that every record decodes before proposing it, and proposes only while it
 * leads (a stale sender's batch is dropped).
 */
import type { Logger } from 'pino';
import { decodeBatchRecords } from '../protocol/records/batch.js';
import { receiveBatches, sendBatch } from '../replication/batch-forwarding.js';
import type { PeerTransport } from '../replication/transport/peer-transport.js';
import type { RaftGroup } from '../replication/transport/group.js';
import { decodeMetadataRecord } from './metadata-record-frame.js';

export const METADATA_FORWARD_GROUP: RaftGroup = { topic: '__cluster_metadata', partition: -1 };
/** A forwarded batch larger than this is dropped (registrations are a few hundred bytes). */
const FORWARDED_BATCH_BYTES_MAX = 64 * 1024;

export interface MetadataForwardingOptions {
  readonly nodeId: number;
  readonly transport: PeerTransport;
  readonly logger: Logger;
  /** The metadata leader's Kafka node id (-1: none known). */
  leader(): number;
  /** Proposes a received batch (if this node leads). */
  append(batch: Buffer): void;
}

export class MetadataForwarding {
  readonly #o: MetadataForwardingOptions;

  constructor(o: MetadataForwardingOptions) {
    this.#o = o;
    this.unregister = receiveBatches(o.transport, METADATA_FORWARD_GROUP, (batch, from) => void this.#received(batch, from));
  }

  /** Stops receiving forwarded batches. */
  readonly unregister: () => void;

  /** Sends `batch` to the leader; false when no other node is known to lead. */
  send(batch: Buffer): boolean {
    const leader = this.#o.leader();
    if (leader < 0 || leader === this.#o.nodeId) return false;
    sendBatch(this.#o.transport, METADATA_FORWARD_GROUP, this.#o.nodeId, leader, batch);
    return true;
  }

  async #received(batch: Buffer, from: number): Promise<void> {
    if (batch.length > FORWARDED_BATCH_BYTES_MAX) {
      this.#o.logger.warn({ from, bytes: batch.length }, 'forwarded metadata batch too large: dropped');
      return;
    }
    try {
      const records = await decodeBatchRecords(batch);
      const bad = records.find((r) => r.value === null || !decodeMetadataRecord(r.value).ok);
      if (records.length === 0 || bad !== undefined) throw new Error('a record is not a metadata record');
    } catch (err) {
      this.#o.logger.warn({ from, err: (err as Error).message }, 'forwarded metadata batch refused');
      return;
    }
    this.#o.append(batch);
  }
}
