/**
 * RaftPartitions: every partition Raft group hosted on this node (issue #10 items 2 and 5). Given a
 * placement (topic → partition → replica node ids, preferred leader first, plus the topic's
 * settings) it opens a RaftReplica behind a Partition for each partition that lists this node,
 * registers the group (topic, partition) on the node's PeerTransport, and on `applyPlacement(next)`
 * opens what is new and closes and deletes what this node no longer hosts. The metadata service
 * feeds it; nothing here decides placement.
 *
 * Voters are fixed when a group's log is created (the replica list then); a later placement that
 * only reorders the list moves the preferred leader. Changing a live group's voters is a membership
 * change (a later step): such a placement is kept as the preferred order only, and reported by
 * `votersDiffer`.
 *
 * Folders: `<dataDir>/partitions/<topic>-<n>`, as the single-node PartitionManager lays them out.
 */
import { join } from 'node:path';
import { PartitionLog, DEFAULT_JOURNAL_CONFIG, PageCache, type JournalConfig } from '../journal/partition-log.js';
import type { RaftConfig } from '../raft/raft.js';
import { Partition } from './partition.js';
import { PARTITIONS_DIR, type TopicPartitionSettings } from './partition-manager.js';
import { PreferredLeaders, type PreferredLeaderOptions } from './preferred-leaders.js';
import { RaftReplica } from './raft-replica.js';
import type { GroupTicker } from './group-ticker.js';
import type { PeerTransport } from './transport/peer-transport.js';
import { mapBounded } from '../util/map-bounded.js';

/** Partitions opened or closed at once (mostly disk waits; bounds descriptors in flight). */
export const RAFT_PARTITION_OPEN_CONCURRENCY = 32;
/** Records read back to rebuild idempotent producer state (at open and when leadership moves here). */
const PRODUCER_STATE_REBUILD_RECORDS_DEFAULT = 100_000;
const PRODUCERS_PER_PARTITION_DEFAULT = 10_000;
/** The tick the node's GroupTicker is meant to run at for these timings. */
export const PARTITION_TICK_MS = 100;
/**
 * Raft timings of partition groups (in ticks): a heartbeat every 5 ticks, not every tick as in the
 * core's defaults. Idle groups cost heartbeats and their answers only, so this halves an idle node's
 * CPU (1,000 partitions, RF 3: 0.12 → 0.06 cores per node, BENCHMARKS.md) for a slower failover
 * (election timeout 2-4 s at 100 ms ticks instead of 1-2 s).
 */
export const PARTITION_RAFT_TIMINGS = { electionTicks: 20, heartbeatTicks: 5 } as const;

export interface TopicPlacement {
  /** One replica list per partition (Kafka node ids), preferred leader first. */
  readonly partitions: ReadonlyArray<readonly number[]>;
  readonly settings: TopicPartitionSettings;
}

/** Topic name → its placement: the whole cluster's, this node picks what names it. */
export type NodePlacement = ReadonlyMap<string, TopicPlacement>;

/** What Metadata answers for one partition, from this node's view. */
export interface RaftPartitionState {
  /** Kafka node id of the leader, -1 when none is known. */
  readonly leader: number;
  /** The Raft term. */
  readonly leaderEpoch: number;
  /** Placement order (preferred first). */
  readonly replicas: readonly number[];
  /** The voters that hold everything committed; known on the leader only (null elsewhere). */
  readonly isr: readonly number[] | null;
  readonly isLeader: boolean;
}

export interface RaftPartitionsOptions {
  /** This node's Kafka node id. */
  readonly nodeId: number;
  readonly transport: Pick<PeerTransport, 'register' | 'transportFor' | 'connectedPeers'>;
  readonly ticker: GroupTicker;
  readonly dataDir: string;
  /** Default PARTITION_RAFT_TIMINGS over the core's defaults. */
  readonly raft?: Partial<Omit<RaftConfig, 'id' | 'storage' | 'random' | 'applied'>>;
  /** Journal settings the topic's storage settings do not carry (fsync policy, index interval). */
  readonly journal?: Partial<JournalConfig>;
  readonly producersPerPartitionMax?: number;
  readonly producerStateRebuildRecordsMax?: number;
  readonly preferredLeaders?: Partial<PreferredLeaderOptions>;
  /** Page cache shared by the node's journals (default: one of its own). */
  readonly cache?: PageCache;
}

export interface HostedPartition {
  readonly topic: string;
  readonly index: number;
  /** Placement order, preferred leader first (updated by a reordering placement). */
  replicas: readonly number[];
  readonly replica: RaftReplica;
  readonly partition: Partition;
  readonly unregister: () => void;
}

const keyOf = (topic: string, index: number): string => `${topic}\u0000${index}`;

export class RaftPartitions {
  readonly #o: RaftPartitionsOptions;
  readonly #hosted = new Map<string, HostedPartition>();
  readonly #cache: PageCache;
  readonly #preferred: PreferredLeaders;
  /** applyPlacement calls run one after another, in call order. */
  #applying: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(options: RaftPartitionsOptions) {
    this.#o = options;
    this.#cache = options.cache ?? new PageCache({ cacheBytesMax: 64 << 20 });
    this.#preferred = new PreferredLeaders({
      nodeId: options.nodeId,
      ticker: options.ticker,
      alivePeers: () => options.transport.connectedPeers(),
      hosted: () => this.#hosted.values(),
      ...options.preferredLeaders,
    });
  }

  get(topic: string, index: number): Partition | undefined {
    return this.#hosted.get(keyOf(topic, index))?.partition;
  }

  /** Every partition hosted here. */
  all(): HostedPartition[] {
    return [...this.#hosted.values()];
  }

  state(topic: string, index: number): RaftPartitionState | undefined {
    const h = this.#hosted.get(keyOf(topic, index));
    if (h === undefined) return undefined;
    const r = h.replica;
    return { leader: r.leader.nodeId, leaderEpoch: r.leader.term, replicas: h.replicas, isr: r.isrNodeIds(), isLeader: r.isLeader };
  }

  /** Whether the group's voters differ from its placement (a membership change not yet made). */
  votersDiffer(topic: string, index: number): boolean {
    const h = this.#hosted.get(keyOf(topic, index));
    if (h === undefined) return false;
    const voters = new Set(h.replica.replicaNodeIds);
    return h.replicas.length !== voters.size || h.replicas.some((id) => !voters.has(id));
  }

  /** Hosts exactly the partitions of `next` that list this node: opens new ones, closes and deletes dropped ones. */
  applyPlacement(next: NodePlacement): Promise<void> {
    const run = this.#applying.then(() => this.#apply(next));
    this.#applying = run.catch(() => undefined);
    return run;
  }

  /** Closes every group (a node shutdown; the data stays). */
  async close(): Promise<void> {
    this.#closed = true;
    this.#preferred.stop();
    await this.#applying;
    const all = this.all();
    this.#hosted.clear();
    await mapBounded(all, RAFT_PARTITION_OPEN_CONCURRENCY, (h) => { h.unregister(); return h.partition.close().catch(() => undefined); });
  }

  async #apply(next: NodePlacement): Promise<void> {
    if (this.#closed) throw new Error('raft partitions: closed');
    const wanted = new Map<string, { topic: string; index: number; replicas: readonly number[]; settings: TopicPartitionSettings }>();
    for (const [topic, placement] of next) {
      placementProblems(topic, placement.partitions);
      placement.partitions.forEach((replicas, index) => {
        if (replicas.includes(this.#o.nodeId)) wanted.set(keyOf(topic, index), { topic, index, replicas, settings: placement.settings });
      });
    }
    const dropped = [...this.#hosted.entries()].filter(([key]) => !wanted.has(key)).map(([, h]) => h);
    for (const h of dropped) this.#hosted.delete(keyOf(h.topic, h.index));
    await mapBounded(dropped, RAFT_PARTITION_OPEN_CONCURRENCY, async (h) => {
      // Unregister first: messages for a group being deleted are dropped (and counted) by the transport.
      h.unregister();
      await h.partition.destroy();
    });
    const added = [...wanted.entries()].filter(([key]) => !this.#hosted.has(key)).map(([, w]) => w);
    for (const [key, w] of wanted) {
      const h = this.#hosted.get(key);
      if (h !== undefined) {
        h.replicas = w.replicas;
        h.partition.settings = w.settings.append;
        h.partition.reconfigureStorage(w.settings.storage);
      }
    }
    await mapBounded(added, RAFT_PARTITION_OPEN_CONCURRENCY, async (w) => {
      const h = await this.#open(w.topic, w.index, w.replicas, w.settings);
      this.#hosted.set(keyOf(w.topic, w.index), h);
    });
  }

  async #open(topic: string, index: number, replicas: readonly number[], settings: TopicPartitionSettings): Promise<HostedPartition> {
    const o = this.#o;
    const dir = join(o.dataDir, PARTITIONS_DIR, `${topic}-${index}`);
    const log = await PartitionLog.open(dir, { ...DEFAULT_JOURNAL_CONFIG, ...o.journal, ...settings.storage, retentionCheckMs: 0 }, { cache: this.#cache });
    const group = { topic, partition: index };
    const replica = await RaftReplica.open({
      log, name: `${topic}-${index}`, nodeId: o.nodeId, voters: replicas,
      transport: o.transport.transportFor(group), ticker: o.ticker.ticker(), raft: { ...PARTITION_RAFT_TIMINGS, ...o.raft },
    });
    const partition = new Partition({ topic, index, replica, settings: settings.append, producersMax: o.producersPerPartitionMax ?? PRODUCERS_PER_PARTITION_DEFAULT });
    await partition.rebuildProducerState(o.producerStateRebuildRecordsMax ?? PRODUCER_STATE_REBUILD_RECORDS_DEFAULT);
    const unregister = o.transport.register(group, (messages) => replica.receive(messages));
    return { topic, index, replicas, replica, partition, unregister };
  }
}

/** Kafka's legal topic names; anything else could also escape the partitions folder. */
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/** Throws naming the topic and partition when a placement cannot be a set of Raft groups. */
function placementProblems(topic: string, partitions: ReadonlyArray<readonly number[]>): void {
  if (!TOPIC_NAME.test(topic) || topic === '.' || topic === '..') throw new Error(`placement: topic name ${JSON.stringify(topic)} is not a legal Kafka topic name`);
  partitions.forEach((replicas, index) => {
    if (replicas.length === 0) throw new Error(`placement: ${topic}-${index} has no replicas`);
    if (!replicas.every((id) => Number.isSafeInteger(id) && id >= 0)) throw new Error(`placement: ${topic}-${index} replicas [${replicas.join(',')}] must be Kafka node ids (integers >= 0)`);
    if (new Set(replicas).size !== replicas.length) throw new Error(`placement: ${topic}-${index} replicas [${replicas.join(',')}] name a node twice`);
  });
}
