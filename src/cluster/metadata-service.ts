/**
 * The cluster metadata group on this node (issue #10 item 3, DESIGN decision 6): a RaftReplica of
 * `__cluster_metadata` partition 0 on a journal under `<dataDir>/metadata/`, voters = the initial
 * voters, over the node's PeerTransport. Every committed batch is decoded (metadata-record-frame.ts)
 * and applied to the image (metadata-apply.ts) in offset order, on every node alike; listeners get
 * each non-empty delta. The log is replayed from its start when the node starts (it is small until
 * snapshots exist), so the image never depends on anything but the committed records.
 *
 * `propose(records)` appends them as one batch on the leader and resolves once the batch is
 * committed and applied here; on a follower it rejects with MetadataNotLeaderError naming the
 * leader. `forward(records)` sends them to the leader instead (metadata-forwarding.ts), without an
 * answer: the caller watches the image.
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import { decodeBatchRecords } from '../protocol/records/batch.js';
import { buildBatchUncompressed } from '../protocol/records/batch.js';
import { isControlBatch } from '../protocol/records/batch-header.js';
import type { MetadataRecord } from '../protocol/generated/metadata-records.js';
import { committedBatches } from '../replication/committed-batches.js';
import { openRaftReplica } from '../replication/open-raft-replica.js';
import type { GroupTicker } from '../replication/group-ticker.js';
import type { LeaderInfo, RaftReplica } from '../replication/raft-replica.js';
import type { PeerTransport } from '../replication/transport/peer-transport.js';
import { METADATA_GROUP } from '../replication/transport/group.js';
import { applyRecords } from './metadata-apply.js';
import { isEmptyDelta, type MetadataDelta } from './metadata-delta.js';
import { EMPTY_METADATA_IMAGE, type MetadataImage } from './metadata-image.js';
import { decodeMetadataRecord, encodeMetadataRecord } from './metadata-record-frame.js';
import { MetadataForwarding } from './metadata-forwarding.js';

/** The folder of the metadata group's journal, under the data dir. */
export const METADATA_DIR = 'metadata';
/** Raft ticks of the metadata group: one tick per tickMs, elections after electionTicks (with jitter). */
export const METADATA_TICK_MS = 50;
const METADATA_ELECTION_TICKS = 20;

/** A proposal made on a node that does not lead the metadata group. */
export class MetadataNotLeaderError extends Error {
  constructor(readonly leader: LeaderInfo) {
    super(leader.nodeId < 0 ? 'the metadata group has no leader yet' : `node ${leader.nodeId} leads the metadata group (term ${leader.term})`);
    this.name = 'MetadataNotLeaderError';
  }
}

export interface MetadataServiceOptions {
  readonly dataDir: string;
  /** This node's Kafka node id. */
  readonly nodeId: number;
  /** Kafka node ids of the voters (used when the metadata log is empty). */
  readonly voters: readonly number[];
  readonly transport: PeerTransport;
  readonly ticker: GroupTicker;
  /** The node's fsync policy. */
  readonly fsync: string;
  readonly logger: Logger;
}

export class MetadataService {
  readonly #o: MetadataServiceOptions;
  readonly #replica: RaftReplica;
  readonly #forwarding: MetadataForwarding;
  readonly #unregister: () => void;
  #image: MetadataImage = EMPTY_METADATA_IMAGE;
  /** The first offset not applied yet. */
  #applied = 0;
  #applying: Promise<void> = Promise.resolve();
  readonly #deltaListeners: ((delta: MetadataDelta, image: MetadataImage) => void)[] = [];
  readonly #waiters: { offset: number; resolve: () => void }[] = [];
  #closed = false;

  private constructor(o: MetadataServiceOptions, replica: RaftReplica) {
    this.#o = o;
    this.#replica = replica;
    this.#unregister = o.transport.register(METADATA_GROUP, (messages) => replica.receive(messages));
    this.#forwarding = new MetadataForwarding({
      nodeId: o.nodeId, transport: o.transport, logger: o.logger,
      leader: () => replica.leader.nodeId,
      append: (batch) => this.#appendIfLeader(batch),
    });
    replica.onCommit(() => this.#scheduleApply());
  }

  static async start(o: MetadataServiceOptions): Promise<MetadataService> {
    const replica = await openRaftReplica({
      dir: join(o.dataDir, METADATA_DIR, `${METADATA_GROUP.topic}-${METADATA_GROUP.partition}`),
      fsync: o.fsync,
      logger: o.logger,
      name: `${METADATA_GROUP.topic}-${METADATA_GROUP.partition}`,
      nodeId: o.nodeId,
      voters: o.voters,
      transport: o.transport.transportFor(METADATA_GROUP),
      ticker: o.ticker.ticker(),
      raft: { electionTicks: METADATA_ELECTION_TICKS },
    });
    const service = new MetadataService(o, replica);
    replica.onLeaderChange((leader) => o.logger.info({ leader: leader.nodeId, term: leader.term }, 'metadata leader changed'));
    // What this node committed before it stopped: replayed before anyone reads the image.
    service.#scheduleApply();
    await service.#applying;
    return service;
  }

  get image(): MetadataImage { return this.#image; }
  /** The metadata group's leader as this node knows it (nodeId -1: none known). */
  get leader(): LeaderInfo { return this.#replica.leader; }
  get isLeader(): boolean { return this.#replica.isLeader; }
  /** The first metadata offset not applied to the image yet. */
  get appliedOffset(): number { return this.#applied; }

  /** Called after each applied batch that changed the image. */
  onDelta(listener: (delta: MetadataDelta, image: MetadataImage) => void): void { this.#deltaListeners.push(listener); }

  /** On the leader: appends `records` as one batch; resolves once it is committed and applied here. */
  async propose(records: readonly MetadataRecord[]): Promise<void> {
    if (!this.#replica.isLeader) throw new MetadataNotLeaderError(this.#replica.leader);
    const { lastOffset } = await this.#replica.append(encodeBatch(records), { leaderEpoch: this.#replica.leader.term });
    await this.#appliedThrough(lastOffset);
  }

  /** Sends `records` to the leader to be proposed there; no answer (watch the image). False when no leader is known. */
  forward(records: readonly MetadataRecord[]): boolean {
    return this.#forwarding.send(encodeBatch(records));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#unregister();
    this.#forwarding.unregister();
    await this.#replica.close();
    for (const w of this.#waiters.splice(0)) w.resolve();
  }

  /** A forwarded batch: proposed when this node leads (checked again by the replica). */
  #appendIfLeader(batch: Buffer): void {
    if (!this.#replica.isLeader) return;
    this.#replica.append(batch, { leaderEpoch: this.#replica.leader.term })
      .catch((err: unknown) => this.#o.logger.warn({ err: (err as Error).message }, 'forwarded metadata proposal failed (the sender retries)'));
  }

  #appliedThrough(offset: number): Promise<void> {
    if (this.#applied > offset || this.#closed) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ offset, resolve }));
  }

  #scheduleApply(): void {
    // One pass at a time, in offset order; a commit during a pass is picked up by the next one.
    this.#applying = this.#applying.then(() => this.#applyCommitted()).catch((err: unknown) => {
      this.#o.logger.error({ err }, 'applying committed metadata failed');
    });
  }

  async #applyCommitted(): Promise<void> {
    if (this.#closed) return;
    for await (const { header, bytes } of committedBatches(this.#replica, this.#applied)) {
      if (this.#closed) return;
      this.#applied = header.baseOffset + header.lastOffsetDelta + 1;
      if (isControlBatch(header.attributes)) continue; // Raft's no-op and membership entries
      const records = await decodeRecords(bytes, header.baseOffset, this.#o.logger);
      if (records.length > 0) this.#applyBatch(records, header.baseOffset);
    }
    this.#resolveWaiters();
  }

  #applyBatch(records: MetadataRecord[], baseOffset: number): void {
    const outcome = applyRecords(this.#image, records);
    for (const { index, error } of outcome.refused) {
      this.#o.logger.warn({ offset: baseOffset, record: index, code: error.code }, `metadata record refused: ${error.message}`);
    }
    this.#image = outcome.image;
    if (isEmptyDelta(outcome.delta)) return;
    for (const listener of this.#deltaListeners) {
      try {
        listener(outcome.delta, outcome.image);
      } catch (err) {
        this.#o.logger.error({ err }, 'metadata delta listener failed');
      }
    }
  }

  #resolveWaiters(): void {
    for (let i = this.#waiters.length - 1; i >= 0; i--) {
      const w = this.#waiters[i]!;
      if (w.offset < this.#applied) {
        this.#waiters.splice(i, 1);
        w.resolve();
      }
    }
  }
}

function encodeBatch(records: readonly MetadataRecord[]): Buffer {
  return buildBatchUncompressed(records.map((r) => ({ key: null, value: encodeMetadataRecord(r) })));
}

/** The metadata records of one committed batch; undecodable records are logged and skipped (every node skips the same). */
async function decodeRecords(batch: Buffer, baseOffset: number, logger: Logger): Promise<MetadataRecord[]> {
  let kafkaRecords;
  try {
    kafkaRecords = await decodeBatchRecords(batch);
  } catch (err) {
    logger.error({ offset: baseOffset, err: (err as Error).message }, 'metadata batch cannot be decoded: skipped');
    return [];
  }
  const out: MetadataRecord[] = [];
  for (const r of kafkaRecords) {
    const decoded = r.value === null ? null : decodeMetadataRecord(r.value);
    if (decoded?.ok) out.push(decoded.value);
    else logger.error({ offset: r.offset, err: decoded?.error.message ?? 'null value' }, 'metadata record cannot be decoded: skipped');
  }
  return out;
}
