import { lstat, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { PartitionLog, DEFAULT_JOURNAL_CONFIG, type JournalConfig, PageCache, CorruptLogError } from '../journal/partition-log.js';
import { NODE_FILE_LAYER, type FileLayer } from '../journal/file-layer.js';
import { FileHandleCache, FILES_OPEN_MAX_DEFAULT } from '../journal/file-handles.js';
import type { BrokerConfig } from '../config/defaults.js';
import { parseFsyncPolicy } from '../config/fsync-policy.js';
import { PartitionError } from './errors.js';
import { Partition, type PartitionDirectory, type PartitionSettings } from './partition.js';
import type { ReplicaStorageSettings } from './replica.js';
import { LocalReplica } from './local-replica.js';
import { LearnerReplica } from './learner-replica.js';
import { mapBounded } from '../util/map-bounded.js';

/** Folder under the data dir holding one folder per partition, named <topic>-<index>. */
export const PARTITIONS_DIR = 'partitions';
/**
 * Partitions opened at once (start-up, CreateTopics, CreatePartitions). Opening is mostly waiting on
 * the disk (reads, fsyncs), so overlapping opens divides start-up time; the bound keeps the
 * transient descriptors and memory of opens in flight small (counted in broker/fd-budget.ts).
 */
export const PARTITION_OPEN_CONCURRENCY = 32;

/**
 * A partition whose journal open refused (damage followed by valid data, journal/corruption.ts).
 * It stays offline, its files untouched, until an operator runs `canopy journal repair` and
 * restarts the node; requests for it answer KAFKA_STORAGE_ERROR with `message`.
 */
export interface OfflinePartition {
  topic: string;
  index: number;
  message: string;
  file: string;
  position: number;
  offset: number;
}

/**
 * What the manager needs of a topic. cluster/'s PartitionedTopic has this shape, so the topic store can
 * announce its changes to the manager directly (the manager fits its TopicListener).
 */
export interface PartitionedTopic {
  readonly name: string;
  readonly partitionCount: number;
  /** Only the configs set on this topic; `settingsOf` resolves defaults. */
  readonly configs: Readonly<Record<string, string>>;
  /** Internal topics (__consumer_offsets) stay local on a learner: its groups write them. */
  readonly internal?: boolean;
}

/** A topic's settings as its partitions use them: per append, and for storage. */
export interface TopicPartitionSettings {
  append: PartitionSettings;
  storage: ReplicaStorageSettings;
}

/** Translates a topic's configs into partition settings (cluster/partition-settings.ts owns the configs). */
export type PartitionSettingsOf = (topic: PartitionedTopic, config: BrokerConfig) => TopicPartitionSettings;

/** The manager's options; `journalFiles` and `journalFilesOpenMax` are described at the constructor. */
export interface PartitionManagerOptions {
  config: BrokerConfig;
  logger: Logger;
  settingsOf: PartitionSettingsOf;
  journalFiles?: FileLayer;
  journalFilesOpenMax?: number;
}

/**
 * Opens, creates and deletes the Partition objects of this node, driven by the topic store (its
 * methods fit cluster's TopicListener). Owns every Partition it returns; closeAll() closes them at
 * shutdown.
 */
export class PartitionManager implements PartitionDirectory {
  readonly #root: string;
  readonly #config: BrokerConfig;
  readonly #logger: Logger;
  readonly #settingsOf: PartitionSettingsOf;
  /** Indexed by partition index; an offline partition leaves a hole (see #offline). */
  readonly #byTopic = new Map<string, Partition[]>();
  readonly #offline = new Map<string, OfflinePartition>();
  /** On a learner node (role learner): the read-only copies of its non-internal topics, by `topic-index`. */
  readonly #learners = new Map<string, LearnerReplica>();

  /** Every journal file goes through this: a bounded set of descriptors shared by all partitions. */
  readonly #journalFiles: FileHandleCache;
  /** One page cache for every partition of the node, sized by limits.cacheBytesMax. */
  readonly #cache: PageCache;
  #retentionTimer: NodeJS.Timeout | null = null;
  #retentionRunning = false;

  /**
   * `journalFiles` replaces the journal's file layer (metrics wrap it to time writes and fsyncs);
   * `journalFilesOpenMax` bounds the segment files open at once (broker/fd-budget.ts derives it from
   * the fd limit; default limits.journalFilesOpenMax, or FILES_OPEN_MAX_DEFAULT when that is 0).
   */
  constructor(options: PartitionManagerOptions) {
    this.#settingsOf = options.settingsOf;
    const filesOpenMax = options.journalFilesOpenMax ?? (options.config.limits.journalFilesOpenMax || FILES_OPEN_MAX_DEFAULT);
    this.#journalFiles = new FileHandleCache(options.journalFiles ?? NODE_FILE_LAYER, { filesOpenMax });
    this.#config = options.config;
    this.#root = join(options.config.dataDir, PARTITIONS_DIR);
    this.#logger = options.logger;
    this.#cache = new PageCache({ cacheBytesMax: options.config.limits.cacheBytesMax });
  }

  /** Hits and misses of the node's journal page cache, shared by every partition (metrics). */
  cacheStats(): { hits: number; misses: number } {
    const { hits, misses } = this.#cache.stats();
    return { hits, misses };
  }

  get(topic: string, index: number): Partition | undefined {
    return this.#byTopic.get(topic)?.[index];
  }

  /** The open partitions of a topic (offline ones are left out), by index. */
  forTopic(topic: string): readonly Partition[] {
    return (this.#byTopic.get(topic) ?? []).filter(() => true);
  }

  /** Why `topic`-`index` is offline, or undefined when it is open or does not exist. */
  offline(topic: string, index: number): OfflinePartition | undefined {
    return this.#offline.get(`${topic}-${index}`);
  }

  /** The error requests for an offline partition get (api/errors.ts maps STORAGE to KAFKA_STORAGE_ERROR). */
  offlineError(topic: string, index: number): PartitionError | undefined {
    const off = this.offline(topic, index);
    return off === undefined ? undefined : new PartitionError('STORAGE', `${topic}-${index} is offline: ${off.message}`);
  }

  /** Every offline partition (admin views). */
  allOffline(): OfflinePartition[] {
    return [...this.#offline.values()];
  }

  all(): Partition[] {
    return [...this.#byTopic.values()].flat();
  }

  /**
   * Opens every partition of `topics` (startup), PARTITION_OPEN_CONCURRENCY at a time, and removes
   * folders no topic names: a topic deleted while the node was down mid-deletion, or partitions a
   * create or grow had opened when the node stopped before the catalogue named them (topic-store.ts).
   */
  async openAll(topics: PartitionedTopic[]): Promise<void> {
    await mkdir(this.#root, { recursive: true });
    const slots = topics.flatMap((topic) => Array.from({ length: topic.partitionCount }, (_, index) => ({ topic, index })));
    const opened = await mapBounded(slots, PARTITION_OPEN_CONCURRENCY, ({ topic, index }) => this.#tryOpen(topic, index));
    for (const topic of topics) this.#byTopic.set(topic.name, []);
    opened.forEach((p) => { if (p !== undefined) this.#byTopic.get(p.topic)![p.index] = p; });
    const known = new Set(topics.flatMap((t) => Array.from({ length: t.partitionCount }, (_, i) => `${t.name}-${i}`)));
    for (const entry of await readdir(this.#root, { withFileTypes: true })) {
      if (entry.isDirectory() && !known.has(entry.name)) {
        this.#logger.warn({ dir: entry.name }, 'removing partition folder that no topic names (deleted, or created when the node stopped)');
        await rm(join(this.#root, entry.name), { recursive: true, force: true });
      }
    }
  }

  /** Opens every partition of a new topic, or none: on a failure the ones opened are removed again. */
  async topicCreated(topic: PartitionedTopic): Promise<void> {
    const partitions: Partition[] = [];
    for (const p of await this.#openRange(topic, 0)) partitions[p.index] = p;
    this.#byTopic.set(topic.name, partitions);
  }

  /** Opens the partitions from `previousCount` on, or none (as topicCreated). */
  async partitionsAdded(topic: PartitionedTopic, previousCount: number): Promise<void> {
    const added = await this.#openRange(topic, previousCount);
    const partitions = this.#byTopic.get(topic.name) ?? [];
    for (const p of added) partitions[p.index] = p;
    this.#byTopic.set(topic.name, partitions);
  }

  /** Undoes partitionsAdded (the catalogue could not be written): the partitions past `previousCount` go. */
  async partitionsRemoved(topic: PartitionedTopic, previousCount: number): Promise<void> {
    const partitions = this.#byTopic.get(topic.name) ?? [];
    for (const p of partitions.splice(previousCount)) await p?.destroy();
  }

  async topicDeleted(topic: PartitionedTopic): Promise<void> {
    const partitions = this.#byTopic.get(topic.name) ?? [];
    this.#byTopic.delete(topic.name);
    for (const p of partitions) await p?.destroy();
    for (let i = 0; i < topic.partitionCount; i++) {
      // Deleting the topic is the operator's decision about its data, damaged partitions included.
      if (this.#offline.delete(`${topic.name}-${i}`)) await rm(join(this.#root, `${topic.name}-${i}`), { recursive: true, force: true });
    }
  }

  async configsChanged(topic: PartitionedTopic): Promise<void> {
    // Settings read per append (timestamp type, batch size) and the journal's segment and
    // retention settings both change at once on every open partition of the topic.
    const { append, storage } = this.#settingsOf(topic, this.#config);
    for (const p of this.forTopic(topic.name)) {
      p.settings = append;
      p.reconfigureStorage(storage);
    }
  }

  /**
   * Starts the periodic retention pass (every config.retentionCheckIntervalMs; 0 disables it):
   * each partition's journal deletes whole segments past retention.bytes or older than
   * retention.ms, with the topic's current settings. Passes never overlap.
   */
  startRetention(): void {
    const every = this.#config.retentionCheckIntervalMs;
    if (!(every > 0) || this.#retentionTimer !== null) return;
    this.#retentionTimer = setInterval(() => void this.enforceRetention(), every);
    this.#retentionTimer.unref();
  }

  /** One retention pass over every open partition; returns the number of segments deleted. */
  async enforceRetention(): Promise<number> {
    if (this.#retentionRunning) return 0;
    this.#retentionRunning = true;
    let deleted = 0;
    try {
      for (const p of this.all()) {
        try {
          deleted += await p.enforceRetention(Date.now());
        } catch (err) {
          // A partition closed or deleted during the pass, or a storage error: log and go on.
          this.#logger.warn({ topic: p.topic, partition: p.index, err: String(err) }, 'retention pass failed for a partition');
        }
      }
    } finally {
      this.#retentionRunning = false;
    }
    return deleted;
  }

  async closeAll(): Promise<void> {
    if (this.#retentionTimer !== null) clearInterval(this.#retentionTimer);
    this.#retentionTimer = null;
    const all = this.all();
    this.#byTopic.clear();
    // Bounded like opening: each close writes index files and a marker.
    await mapBounded(all, PARTITION_OPEN_CONCURRENCY, (p) => p.close().catch(() => undefined));
  }

  /** The journal configuration a topic's configs translate to. */
  #journalConfig(storage: ReplicaStorageSettings): JournalConfig {
    return {
      ...DEFAULT_JOURNAL_CONFIG,
      ...storage,
      fsync: parseFsyncPolicy(this.#config.fsync),
      // One broker-wide timer (startRetention) runs retention with each topic's current settings.
      retentionCheckMs: 0,
    };
  }

  /**
   * Opens partition `index`. A journal that refuses to open because of damage in the middle of its
   * data is left offline (undefined), untouched, and the node goes on with the others.
   */
  async #tryOpen(topic: PartitionedTopic, index: number): Promise<Partition | undefined> {
    try {
      return await this.#open(topic, index);
    } catch (err) {
      if (!(err instanceof CorruptLogError)) throw err;
      const off: OfflinePartition = { topic: topic.name, index, message: err.message, file: err.site.file, position: err.site.position, offset: err.site.offset };
      this.#offline.set(`${topic.name}-${index}`, off);
      this.#logger.error({
        topic: topic.name, partition: index, file: off.file, position: off.position, offset: off.offset,
        resumeFile: err.resume.file, resumePosition: err.resume.position, resumeOffset: err.resume.offset,
      }, `partition ${topic.name}-${index} is offline: damaged journal data at ${off.file} byte ${off.position} (offset ${off.offset}) with valid batches after it; nothing was removed. Stop the node and run: canopy journal repair --data-dir <dir> --topic ${topic.name} --partition ${index} (--truncate-at-corruption | --quarantine)`);
      return undefined;
    }
  }

  /** Opens partitions `from`.. of `topic`, all or none; offline ones (see #tryOpen) are left out. */
  async #openRange(topic: PartitionedTopic, from: number): Promise<Partition[]> {
    const indexes = Array.from({ length: topic.partitionCount - from }, (_, i) => from + i);
    const opened: Partition[] = [];
    try {
      await mapBounded(indexes, PARTITION_OPEN_CONCURRENCY, async (i) => {
        const p = await this.#tryOpen(topic, i);
        if (p !== undefined) opened.push(p);
      });
    } catch (err) {
      // All or nothing: remove what was opened and every folder of the range, then report.
      await Promise.allSettled(opened.map((p) => p.destroy()));
      await Promise.allSettled(indexes.map((i) => removeFolder(this.#dirOf(topic, i))));
      throw err;
    }
    return opened;
  }

  /** The learner copy of `topic`-`index` (role learner only), for the pull loop that feeds it. */
  learnerReplica(topic: string, index: number): LearnerReplica | undefined {
    const replica = this.#learners.get(`${topic}-${index}`);
    return replica !== undefined && this.get(topic, index) !== undefined ? replica : undefined;
  }

  #dirOf(topic: PartitionedTopic, index: number): string {
    return join(this.#root, `${topic.name}-${index}`);
  }

  async #open(topic: PartitionedTopic, index: number): Promise<Partition> {
    const dir = this.#dirOf(topic, index);
    const { append, storage } = this.#settingsOf(topic, this.#config);
    let log: PartitionLog;
    try {
      log = await PartitionLog.open(dir, this.#journalConfig(storage), { logger: this.#logger, cache: this.#cache, fs: this.#journalFiles });
    } catch (err) {
      if (err instanceof CorruptLogError) throw err; // #tryOpen takes this partition offline
      throw new PartitionError('STORAGE', `${topic.name}-${index}: cannot open the partition: ${(err as Error).message}`, { cause: err });
    }
    const name = `${topic.name}-${index}`;
    let replica: LocalReplica | LearnerReplica;
    if (this.#config.role === 'learner' && topic.internal !== true) {
      const learner = new LearnerReplica(log, name);
      this.#learners.set(name, learner);
      replica = learner;
    } else {
      replica = new LocalReplica(log, name);
    }
    const partition = new Partition({ topic: topic.name, index, replica, settings: append, producersMax: this.#config.limits.producersPerPartitionMax });
    const batches = await partition.rebuildProducerState(this.#config.limits.producerStateRebuildRecordsMax);
    this.#logger.debug({ topic: topic.name, partition: index, logStartOffset: partition.logStartOffset, logEndOffset: partition.logEndOffset, batches }, 'partition opened');
    return partition;
  }
}

/** Removes a partition folder; anything else at that path (not ours) is left alone. */
async function removeFolder(path: string): Promise<void> {
  if ((await lstat(path).catch(() => null))?.isDirectory()) await rm(path, { recursive: true, force: true });
}
