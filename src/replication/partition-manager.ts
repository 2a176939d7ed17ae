import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { PartitionLog, parseFsyncPolicy, DEFAULT_JOURNAL_CONFIG, type JournalConfig, PageCache } from '../journal/partition-log.js';
import type { FileLayer } from '../journal/file-layer.js';
import type { BrokerConfig } from '../config/defaults.js';
import type { TopicInfo, TopicListener } from '../cluster/topic-store.js';
import { effectiveTopicConfig, timestampBoundsMs } from '../cluster/topic-config.js';
import { Partition, type PartitionSettings } from './partition.js';

/** Folder under the data dir holding one folder per partition, named <topic>-<index>. */
export const PARTITIONS_DIR = 'partitions';

/**
 * Opens, creates and deletes the Partition objects of this node, driven by the topic store (it is
 * a TopicListener). Owns every Partition it returns; closeAll() closes them at shutdown.
 */
export class PartitionManager implements TopicListener {
  readonly #root: string;
  readonly #config: BrokerConfig;
  readonly #logger: Logger;
  readonly #byTopic = new Map<string, Partition[]>();

  readonly #journalFiles: FileLayer | undefined;
  /** One page cache for every partition of the node, sized by limits.cacheBytesMax. */
  readonly #cache: PageCache;
  #retentionTimer: NodeJS.Timeout | null = null;
  #retentionRunning = false;

  /** `journalFiles` replaces the journal's file layer (metrics wrap it to time writes and fsyncs). */
  constructor(options: { config: BrokerConfig; logger: Logger; journalFiles?: FileLayer }) {
    this.#journalFiles = options.journalFiles;
    this.#config = options.config;
    this.#root = join(options.config.dataDir, PARTITIONS_DIR);
    this.#logger = options.logger;
    this.#cache = new PageCache({ cacheBytesMax: options.config.limits.cacheBytesMax });
  }

  /** The node's journal page cache (admin views and metrics read its stats). */
  get cache(): PageCache {
    return this.#cache;
  }

  get(topic: string, index: number): Partition | undefined {
    return this.#byTopic.get(topic)?.[index];
  }

  forTopic(topic: string): readonly Partition[] {
    return this.#byTopic.get(topic) ?? [];
  }

  all(): Partition[] {
    return [...this.#byTopic.values()].flat();
  }

  /** Opens every partition of `topics` (startup) and removes folders of topics that no longer exist. */
  async openAll(topics: TopicInfo[]): Promise<void> {
    await mkdir(this.#root, { recursive: true });
    for (const topic of topics) await this.topicCreated(topic);
    const known = new Set(topics.flatMap((t) => Array.from({ length: t.partitionCount }, (_, i) => `${t.name}-${i}`)));
    for (const entry of await readdir(this.#root, { withFileTypes: true })) {
      if (entry.isDirectory() && !known.has(entry.name)) {
        // A topic deleted while the node was down mid-deletion: its catalogue entry is gone already.
        this.#logger.warn({ dir: entry.name }, 'removing partition folder of a deleted topic');
        await rm(join(this.#root, entry.name), { recursive: true, force: true });
      }
    }
  }

  async topicCreated(topic: TopicInfo): Promise<void> {
    const partitions: Partition[] = [];
    this.#byTopic.set(topic.name, partitions);
    for (let i = 0; i < topic.partitionCount; i++) partitions.push(await this.#open(topic, i));
  }

  async partitionsAdded(topic: TopicInfo, previousCount: number): Promise<void> {
    const partitions = this.#byTopic.get(topic.name) ?? [];
    this.#byTopic.set(topic.name, partitions);
    for (let i = previousCount; i < topic.partitionCount; i++) partitions.push(await this.#open(topic, i));
  }

  async topicDeleted(topic: TopicInfo): Promise<void> {
    const partitions = this.#byTopic.get(topic.name) ?? [];
    this.#byTopic.delete(topic.name);
    for (const p of partitions) await p.destroy();
  }

  async configsChanged(topic: TopicInfo): Promise<void> {
    // Settings read per append (timestamp type, batch size) and the journal's segment and
    // retention settings both change at once on every open partition of the topic.
    const settings = this.#settings(topic);
    const { segmentBytesMax, segmentMsMax, batchBytesMax, retentionBytes, retentionMs } = this.journalConfig(topic);
    for (const p of this.#byTopic.get(topic.name) ?? []) {
      p.settings = settings;
      p.log.reconfigure({ segmentBytesMax, segmentMsMax, batchBytesMax, retentionBytes, retentionMs });
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
          deleted += (await p.log.enforceRetention(Date.now())).segmentsDeleted;
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
    await Promise.allSettled(all.map((p) => p.close()));
  }

  /** The journal configuration a topic's configs translate to. */
  journalConfig(topic: TopicInfo): JournalConfig {
    const get = (name: string): number => Number(effectiveTopicConfig(name, topic.configs, this.#config.topicDefaults)!.value);
    return {
      ...DEFAULT_JOURNAL_CONFIG,
      segmentBytesMax: get('segment.bytes'),
      segmentMsMax: get('segment.ms'),
      batchBytesMax: Math.max(get('max.message.bytes'), this.#config.limits.batchBytesMax),
      retentionBytes: get('retention.bytes'),
      retentionMs: get('retention.ms'),
      fsync: parseFsyncPolicy(this.#config.fsync),
      // One broker-wide timer (startRetention) runs retention with each topic's current settings.
      retentionCheckMs: 0,
    };
  }

  #settings(topic: TopicInfo): PartitionSettings {
    const cfg = (name: string): string => effectiveTopicConfig(name, topic.configs, this.#config.topicDefaults)!.value;
    const { beforeMaxMs, afterMaxMs } = timestampBoundsMs(cfg);
    const batchBytesMax = Number(cfg('max.message.bytes'));
    return {
      logAppendTime: cfg('message.timestamp.type') === 'LogAppendTime',
      batchBytesMax,
      timestampBeforeMaxMs: beforeMaxMs,
      timestampAfterMaxMs: afterMaxMs,
      // A topic allowed bigger batches may also inflate them further (an uncompressed one must fit).
      decompressedBytesMax: Math.max(this.#config.limits.batchDecompressedBytesMax, batchBytesMax),
      recordsMax: this.#config.limits.batchRecordsMax,
    };
  }

  async #open(topic: TopicInfo, index: number): Promise<Partition> {
    const dir = join(this.#root, `${topic.name}-${index}`);
    const log = await PartitionLog.open(dir, this.journalConfig(topic), { logger: this.#logger, cache: this.#cache, ...(this.#journalFiles ? { fs: this.#journalFiles } : {}) });
    const partition = new Partition({ topic: topic.name, index, log, settings: this.#settings(topic), producersMax: this.#config.limits.producersPerPartitionMax });
    const batches = await partition.rebuildProducerState(this.#config.limits.producerStateRebuildRecordsMax);
    this.#logger.debug({ topic: topic.name, partition: index, logStartOffset: log.logStartOffset, logEndOffset: log.logEndOffset, batches }, 'partition opened');
    return partition;
  }
}
