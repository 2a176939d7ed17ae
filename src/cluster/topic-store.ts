import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Limits } from '../config/limits.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import { validateTopicConfigs } from './topic-config.js';

/** One topic as the node knows it. Treat as immutable: mutations replace the object. */
export interface TopicInfo {
  readonly name: string;
  /** 16-byte UUID (Metadata v10+, Fetch v13+); never all zeros. */
  readonly id: Buffer;
  readonly partitionCount: number;
  /** Only the configs set on this topic (Kafka names); defaults come from topic-config.ts. */
  readonly configs: Readonly<Record<string, string>>;
  /** Internal topics (__consumer_offsets) are reported with is_internal=true. */
  readonly internal: boolean;
  readonly createdMs: number;
}

/** Internal error kinds of topic operations; api/errors.ts maps them to Kafka codes. */
export type TopicErrorCode = 'TOPIC_EXISTS' | 'UNKNOWN_TOPIC' | 'INVALID_TOPIC' | 'INVALID_PARTITIONS' | 'INVALID_CONFIG' | 'INVALID_REPLICATION_FACTOR';

export class TopicError extends Error {
  override name = 'TopicError';
  constructor(readonly code: TopicErrorCode, message: string) {
    super(message);
  }
}

/**
 * Called (and awaited) in order for each change. The partition manager implements it to create,
 * grow and delete partition logs. topicCreated and partitionsAdded run BEFORE the change is
 * persisted and must be all-or-nothing; if a later listener or the write fails, they are undone
 * with topicDeleted / partitionsRemoved. The others run after the change is persisted.
 */
export interface TopicListener {
  topicCreated(topic: TopicInfo): Promise<void>;
  partitionsAdded(topic: TopicInfo, previousCount: number): Promise<void>;
  /** Undoes partitionsAdded of a grow that did not happen. */
  partitionsRemoved?(topic: TopicInfo, previousCount: number): Promise<void>;
  topicDeleted(topic: TopicInfo): Promise<void>;
  configsChanged(topic: TopicInfo): Promise<void>;
}

export interface CreateTopicOptions {
  partitions: number;
  configs?: Record<string, string>;
  internal?: boolean;
  /** Check everything and return the would-be topic without creating it (CreateTopics validate_only). */
  validateOnly?: boolean;
}

const TOPICS_FILE = 'topics.json';
const FILE_FORMAT_VERSION = 1;
const TOPIC_NAME_RE = /^[a-zA-Z0-9._-]+$/;

interface TopicFile {
  version: number;
  topics: Array<{ name: string; id: string; partitionCount: number; configs: Record<string, string>; internal: boolean; createdMs: number }>;
}

/**
 * The node's topic catalogue (single node: the state the metadata Raft group will hold later).
 * Every mutation is validated, persisted atomically to <dataDir>/topics.json, then announced to
 * the listeners; mutations run one at a time in call order. A created or grown topic becomes
 * visible (get/list) only after the listeners opened its partitions; a deleted one disappears
 * before they are removed.
 *
 * Invariant: every topic has 1 ≤ partitionCount ≤ limits.partitionsPerTopicMax, a unique name and a
 * unique non-zero id.
 */
export class TopicStore {
  readonly #path: string;
  readonly #limits: Limits;
  readonly #logger: Logger;
  readonly #byName = new Map<string, TopicInfo>();
  readonly #byId = new Map<string, TopicInfo>();
  readonly #listeners: TopicListener[] = [];
  #chain: Promise<unknown> = Promise.resolve();

  private constructor(dataDir: string, limits: Limits, logger: Logger) {
    this.#path = join(dataDir, TOPICS_FILE);
    this.#limits = limits;
    this.#logger = logger;
  }

  static async open(options: { dataDir: string; limits: Limits; logger: Logger }): Promise<TopicStore> {
    const store = new TopicStore(options.dataDir, options.limits, options.logger);
    let text: string | null = null;
    try {
      text = await readFile(store.#path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (text !== null) {
      const file = JSON.parse(text) as TopicFile;
      if (file.version !== FILE_FORMAT_VERSION) throw new Error(`${store.#path}: unsupported format version ${file.version}`);
      for (const t of file.topics) {
        store.#put({ name: t.name, id: Buffer.from(t.id, 'hex'), partitionCount: t.partitionCount, configs: t.configs, internal: t.internal, createdMs: t.createdMs });
      }
    }
    return store;
  }

  addListener(listener: TopicListener): void {
    this.#listeners.push(listener);
  }

  get(name: string): TopicInfo | undefined {
    return this.#byName.get(name);
  }

  getById(id: Buffer): TopicInfo | undefined {
    return this.#byId.get(id.toString('hex'));
  }

  list(): TopicInfo[] {
    return [...this.#byName.values()];
  }

  get totalPartitions(): number {
    let n = 0;
    for (const t of this.#byName.values()) n += t.partitionCount;
    return n;
  }

  /** Throws TopicError(INVALID_TOPIC) for a name Kafka would refuse. */
  validateName(name: string): void {
    if (name.length === 0) throw new TopicError('INVALID_TOPIC', 'topic name is empty');
    if (Buffer.byteLength(name) > this.#limits.topicNameBytesMax) throw new TopicError('INVALID_TOPIC', `topic name longer than ${this.#limits.topicNameBytesMax}`);
    if (name === '.' || name === '..') throw new TopicError('INVALID_TOPIC', `topic name "${name}" is reserved`);
    if (!TOPIC_NAME_RE.test(name)) throw new TopicError('INVALID_TOPIC', `topic name "${name}" may contain only ASCII letters, digits, '.', '_' and '-'`);
  }

  create(name: string, options: CreateTopicOptions): Promise<TopicInfo> {
    return this.#serial(async () => {
      this.validateName(name);
      if (this.#byName.has(name)) throw new TopicError('TOPIC_EXISTS', `topic "${name}" already exists`);
      this.#checkPartitionCount(options.partitions, 0);
      const configs = { ...(options.configs ?? {}) };
      this.#checkConfigs(configs);
      const topic: TopicInfo = { name, id: this.#newId(), partitionCount: options.partitions, configs, internal: options.internal ?? false, createdMs: Date.now() };
      if (options.validateOnly) return topic;
      // Open the partitions, persist, then publish: readers (Metadata, Produce) never see a topic
      // whose partitions are not open, and topics.json never names one whose partitions could not
      // be opened. A crash before the write leaves folders no topic names; start-up removes them.
      await this.#openThenPersist(topic, (l) => l.topicCreated(topic), (l) => l.topicDeleted(topic));
      this.#put(topic);
      this.#logger.info({ topic: name, partitions: topic.partitionCount, internal: topic.internal }, 'topic created');
      return topic;
    });
  }

  delete(name: string): Promise<TopicInfo> {
    return this.#serial(async () => {
      const topic = this.#requireUserTopic(name, 'deleted');
      this.#byName.delete(name);
      this.#byId.delete(topic.id.toString('hex'));
      await this.#persist();
      this.#logger.info({ topic: name }, 'topic deleted');
      for (const l of this.#listeners) await l.topicDeleted(topic);
      return topic;
    });
  }

  /** Grows the topic to `totalCount` partitions (Kafka's CreatePartitions count is the new total). */
  addPartitions(name: string, totalCount: number, options: { validateOnly?: boolean } = {}): Promise<TopicInfo> {
    return this.#serial(async () => {
      const topic = this.#requireUserTopic(name, 'given partitions');
      if (totalCount <= topic.partitionCount) {
        throw new TopicError('INVALID_PARTITIONS', `topic "${name}" has ${topic.partitionCount} partitions; the new count ${totalCount} must be larger`);
      }
      this.#checkPartitionCount(totalCount, topic.partitionCount);
      const next: TopicInfo = { ...topic, partitionCount: totalCount };
      if (options.validateOnly) return next;
      await this.#openThenPersist(next, (l) => l.partitionsAdded(next, topic.partitionCount), async (l) => l.partitionsRemoved?.(next, topic.partitionCount));
      this.#put(next);
      this.#logger.info({ topic: name, from: topic.partitionCount, to: totalCount }, 'partitions added');
      return next;
    });
  }

  /**
   * Changes a topic's configs: `set` entries are written, `remove` names return to their default.
   * AlterConfigs (replace everything) is `{ replaceAll: true, set }`.
   */
  alterConfigs(name: string, change: { set: Record<string, string>; remove?: string[]; replaceAll?: boolean; validateOnly?: boolean }): Promise<TopicInfo> {
    return this.#serial(async () => {
      const topic = this.#requireUserTopic(name, 'reconfigured');
      const configs: Record<string, string> = change.replaceAll ? {} : { ...topic.configs };
      for (const key of change.remove ?? []) delete configs[key];
      Object.assign(configs, change.set);
      this.#checkConfigs(change.set);
      const next: TopicInfo = { ...topic, configs };
      if (change.validateOnly) return next;
      this.#put(next);
      await this.#persist();
      this.#logger.info({ topic: name, configs }, 'topic configs changed');
      for (const l of this.#listeners) await l.configsChanged(next);
      return next;
    });
  }

  /** Waits for queued mutations (shutdown). */
  async idle(): Promise<void> {
    await this.#chain.catch(() => undefined);
  }

  /** Runs `open` on every listener, then persists `pending`; any failure runs `undo` on those done. */
  async #openThenPersist(pending: TopicInfo, open: (l: TopicListener) => Promise<void>, undo: (l: TopicListener) => Promise<void>): Promise<void> {
    const done: TopicListener[] = [];
    try {
      for (const l of this.#listeners) {
        await open(l);
        done.push(l);
      }
      await this.#persist(pending);
    } catch (err) {
      for (const l of done.reverse()) {
        await undo(l).catch((undoErr: unknown) => this.#logger.error({ topic: pending.name, err: String(undoErr) }, 'could not undo a failed topic change; start-up removes what is left'));
      }
      this.#logger.warn({ topic: pending.name, partitions: pending.partitionCount, err: String(err) }, 'topic change failed and was rolled back');
      throw err;
    }
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(fn, fn);
    this.#chain = run.catch(() => undefined);
    return run;
  }

  #require(name: string): TopicInfo {
    const topic = this.#byName.get(name);
    if (!topic) throw new TopicError('UNKNOWN_TOPIC', `topic "${name}" does not exist`);
    return topic;
  }

  /**
   * Internal topics (__consumer_offsets) are shaped by the broker: the group coordinator maps
   * groups to their partitions by count and relies on their configs; deleting one loses every
   * committed offset. Every mutating path (Kafka APIs, admin HTTP) ends here, so this is the backstop.
   */
  #requireUserTopic(name: string, verb: string): TopicInfo {
    const topic = this.#require(name);
    if (topic.internal) throw new TopicError('INVALID_TOPIC', `topic "${name}" is internal and cannot be ${verb}`);
    return topic;
  }

  #checkPartitionCount(count: number, currentCount: number): void {
    if (!Number.isInteger(count) || count < 1) throw new TopicError('INVALID_PARTITIONS', `partition count ${count} must be at least 1`);
    if (count > this.#limits.partitionsPerTopicMax) throw new TopicError('INVALID_PARTITIONS', `partition count ${count} exceeds limits.partitionsPerTopicMax ${this.#limits.partitionsPerTopicMax}`);
    if (this.totalPartitions - currentCount + count > this.#limits.partitionsMax) throw new TopicError('INVALID_PARTITIONS', `the node would exceed limits.partitionsMax ${this.#limits.partitionsMax}`);
  }

  #checkConfigs(configs: Record<string, string>): void {
    const problems = validateTopicConfigs(configs);
    if (problems.length > 0) throw new TopicError('INVALID_CONFIG', problems.map(([n, p]) => `${n}: ${p}`).join('; '));
  }

  #newId(): Buffer {
    for (;;) {
      const id = randomBytes(16);
      // Version 4 UUID bits, as Kafka's Uuid.randomUuid; all-zero is Kafka's "no id".
      id[6] = (id[6]! & 0x0f) | 0x40;
      id[8] = (id[8]! & 0x3f) | 0x80;
      if (!this.#byId.has(id.toString('hex'))) return id;
    }
  }

  #put(topic: TopicInfo): void {
    this.#byName.set(topic.name, topic);
    this.#byId.set(topic.id.toString('hex'), topic);
  }

  /** Writes the catalogue; `pending` (a topic being created or grown) replaces or joins it. */
  async #persist(pending?: TopicInfo): Promise<void> {
    const topics = this.list().filter((t) => t.name !== pending?.name);
    if (pending) topics.push(pending);
    const file: TopicFile = {
      version: FILE_FORMAT_VERSION,
      topics: topics.map((t) => ({ name: t.name, id: t.id.toString('hex'), partitionCount: t.partitionCount, configs: { ...t.configs }, internal: t.internal, createdMs: t.createdMs })),
    };
    await writeFileAtomic(this.#path, JSON.stringify(file, null, 1));
  }
}
