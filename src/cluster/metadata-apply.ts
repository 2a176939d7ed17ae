/**
 * The metadata state machine: committed records in, a new image and a delta out. Each record is
 * validated against the image built so far; a refused record changes nothing and is reported as a
 * MetadataError (never thrown), so one bad record cannot stop the apply loop, and every node
 * refuses exactly the same records (the rules below read only the image and the record: no clock,
 * no per-node config).
 */
import { MetadataRecordType, type MetadataRecord } from '../protocol/generated/metadata-records.js';
import type { ClusterRecord } from '../protocol/generated/cluster-record.js';
import type { RegisterNodeRecord } from '../protocol/generated/register-node-record.js';
import type { UnregisterNodeRecord } from '../protocol/generated/unregister-node-record.js';
import type { FenceNodeRecord } from '../protocol/generated/fence-node-record.js';
import type { TopicRecord } from '../protocol/generated/topic-record.js';
import type { PartitionRecord } from '../protocol/generated/partition-record.js';
import type { PartitionChangeRecord } from '../protocol/generated/partition-change-record.js';
import type { TopicConfigRecord } from '../protocol/generated/topic-config-record.js';
import type { RemoveTopicRecord } from '../protocol/generated/remove-topic-record.js';
import type { MetadataError } from './metadata-error.js';
import { validateTopicConfigs } from './topic-config.js';
import { topicKey, type MetadataImage, type NodeRegistration, type PartitionPlacement, type TopicImage } from './metadata-image.js';
import { diffImages, type MetadataDelta } from './metadata-delta.js';

/**
 * Kafka's own bound (249 bytes), fixed here rather than read from limits.topicNameBytesMax: the
 * state machine must decide the same on every node whatever each node's config says.
 */
const TOPIC_NAME_BYTES_MAX = 249;
const TOPIC_NAME_RE = /^[a-zA-Z0-9._-]+$/;
const ZERO_ID = Buffer.alloc(16);
/** One partition's replica count is bounded so that one record cannot build a huge array. */
export const REPLICAS_PER_PARTITION_MAX = 64;

export interface RefusedRecord {
  /** Position of the record in the applied list. */
  readonly index: number;
  readonly error: MetadataError;
}

export interface ApplyOutcome {
  readonly image: MetadataImage;
  readonly delta: MetadataDelta;
  /** The records that were refused (and changed nothing), in order. */
  readonly refused: readonly RefusedRecord[];
}

/** Applies one record: the new image, or why the record was refused (the image is unchanged). */
export function applyRecord(image: MetadataImage, record: MetadataRecord): { ok: true; image: MetadataImage; delta: MetadataDelta } | { ok: false; error: MetadataError } {
  const out = applyRecords(image, [record]);
  const first = out.refused[0];
  return first ? { ok: false, error: first.error } : { ok: true, image: out.image, delta: out.delta };
}

/** Applies records in order (one committed batch, or a snapshot); refused ones are skipped. */
export function applyRecords(image: MetadataImage, records: readonly MetadataRecord[]): ApplyOutcome {
  const b = new ImageBuilder(image);
  const refused: RefusedRecord[] = [];
  records.forEach((record, index) => {
    const error = b.apply(record);
    if (error) refused.push({ index, error });
  });
  const next = b.build();
  return { image: next, delta: diffImages(image, next), refused };
}

function err(code: MetadataError['code'], message: string): MetadataError {
  return { code, message };
}

/** Working copy of an image: maps are copied once per batch, on first write. */
class ImageBuilder {
  #clusterId: string | null;
  #metadataVersion: number;
  #nodes: Map<number, NodeRegistration> | null = null;
  #topics: Map<string, TopicImage> | null = null;
  #byName: Map<string, string> | null = null;
  readonly #base: MetadataImage;

  constructor(base: MetadataImage) {
    this.#base = base;
    this.#clusterId = base.clusterId;
    this.#metadataVersion = base.metadataVersion;
  }

  get #nodesView(): ReadonlyMap<number, NodeRegistration> {
    return this.#nodes ?? this.#base.nodes;
  }

  get #topicsView(): ReadonlyMap<string, TopicImage> {
    return this.#topics ?? this.#base.topics;
  }

  get #byNameView(): ReadonlyMap<string, string> {
    return this.#byName ?? this.#base.topicIdByName;
  }

  #writableNodes(): Map<number, NodeRegistration> {
    return (this.#nodes ??= new Map(this.#base.nodes));
  }

  #writableTopics(): [Map<string, TopicImage>, Map<string, string>] {
    this.#topics ??= new Map(this.#base.topics);
    this.#byName ??= new Map(this.#base.topicIdByName);
    return [this.#topics, this.#byName];
  }

  build(): MetadataImage {
    return Object.freeze({
      clusterId: this.#clusterId,
      metadataVersion: this.#metadataVersion,
      nodes: this.#nodesView,
      topics: this.#topicsView,
      topicIdByName: this.#byNameView,
    });
  }

  apply(record: MetadataRecord): MetadataError | null {
    switch (record.type) {
      case MetadataRecordType.Cluster: return this.#cluster(record.data);
      case MetadataRecordType.RegisterNode: return this.#registerNode(record.data);
      case MetadataRecordType.UnregisterNode: return this.#unregisterNode(record.data);
      case MetadataRecordType.FenceNode: return this.#fenceNode(record.data);
      case MetadataRecordType.Topic: return this.#topic(record.data);
      case MetadataRecordType.Partition: return this.#partition(record.data);
      case MetadataRecordType.PartitionChange: return this.#partitionChange(record.data);
      case MetadataRecordType.TopicConfig: return this.#topicConfig(record.data);
      case MetadataRecordType.RemoveTopic: return this.#removeTopic(record.data);
      default: return err('UNSUPPORTED_VERSION', `unknown metadata record type ${(record as { type: number }).type}`);
    }
  }

  #cluster(r: ClusterRecord): MetadataError | null {
    if (r.clusterId.length === 0) return err('INVALID_REQUEST', 'cluster id is empty');
    if (this.#clusterId !== null && this.#clusterId !== r.clusterId) {
      return err('INCONSISTENT_CLUSTER_ID', `cluster id ${r.clusterId} differs from this cluster's ${this.#clusterId}`);
    }
    if (r.metadataVersion < 1) return err('INVALID_REQUEST', `metadata version ${r.metadataVersion} must be at least 1`);
    if (r.metadataVersion < this.#metadataVersion) {
      return err('INVALID_REQUEST', `metadata version ${r.metadataVersion} is lower than the current ${this.#metadataVersion}`);
    }
    this.#clusterId = r.clusterId;
    this.#metadataVersion = r.metadataVersion;
    return null;
  }

  #registerNode(r: RegisterNodeRecord): MetadataError | null {
    if (r.nodeId < 0) return err('INVALID_REQUEST', `node id ${r.nodeId} is negative`);
    const names = new Set<string>();
    for (const e of r.endpoints) {
      if (names.has(e.name)) return err('INVALID_REQUEST', `node ${r.nodeId} names listener ${e.name} twice`);
      names.add(e.name);
      if (e.host.length === 0 || e.port < 1) return err('INVALID_REQUEST', `node ${r.nodeId} listener ${e.name}: bad endpoint ${e.host}:${e.port}`);
    }
    const previous = this.#nodesView.get(r.nodeId);
    if (previous && r.nodeEpoch <= previous.epoch) {
      return err('STALE_BROKER_EPOCH', `node ${r.nodeId} registration epoch ${r.nodeEpoch} is not above the current ${previous.epoch}`);
    }
    this.#writableNodes().set(r.nodeId, {
      id: r.nodeId,
      epoch: r.nodeEpoch,
      incarnationId: r.incarnationId,
      rack: r.rack,
      fenced: r.fenced,
      endpoints: r.endpoints.map((e) => ({ name: e.name, host: e.host, port: e.port })),
    });
    return null;
  }

  #currentNode(nodeId: number, epoch: number): NodeRegistration | MetadataError {
    const node = this.#nodesView.get(nodeId);
    if (!node) return err('BROKER_ID_NOT_REGISTERED', `node ${nodeId} is not registered`);
    if (node.epoch !== epoch) return err('STALE_BROKER_EPOCH', `node ${nodeId} epoch ${epoch} is not the current ${node.epoch}`);
    return node;
  }

  #unregisterNode(r: UnregisterNodeRecord): MetadataError | null {
    const node = this.#currentNode(r.nodeId, r.nodeEpoch);
    if ('code' in node) return node;
    for (const topic of this.#topicsView.values()) {
      const p = topic.partitions.find((x) => x.replicas.includes(r.nodeId));
      if (p) return err('INVALID_REPLICA_ASSIGNMENT', `node ${r.nodeId} still holds a replica of ${topic.name}-${p.partition}; reassign it first`);
    }
    this.#writableNodes().delete(r.nodeId);
    return null;
  }

  #fenceNode(r: FenceNodeRecord): MetadataError | null {
    const node = this.#currentNode(r.nodeId, r.nodeEpoch);
    if ('code' in node) return node;
    if (node.fenced !== r.fenced) this.#writableNodes().set(r.nodeId, { ...node, fenced: r.fenced });
    return null;
  }

  #topic(r: TopicRecord): MetadataError | null {
    const bad = topicNameProblem(r.name);
    if (bad) return err('INVALID_TOPIC_EXCEPTION', bad);
    if (this.#byNameView.has(r.name)) return err('TOPIC_ALREADY_EXISTS', `topic ${r.name} already exists`);
    if (r.topicId.equals(ZERO_ID)) return err('INVALID_REQUEST', `topic ${r.name} has the all-zero id`);
    const key = topicKey(r.topicId);
    if (this.#topicsView.has(key)) return err('TOPIC_ALREADY_EXISTS', `topic id ${key} is already used by ${this.#topicsView.get(key)!.name}`);
    const [topics, byName] = this.#writableTopics();
    topics.set(key, { name: r.name, id: Buffer.from(r.topicId), internal: r.internal, partitions: [], configs: new Map() });
    byName.set(r.name, key);
    return null;
  }

  #requireTopic(id: Buffer): TopicImage | MetadataError {
    return this.#topicsView.get(topicKey(id)) ?? err('UNKNOWN_TOPIC_ID', `topic id ${topicKey(id)} does not exist (never created, or removed)`);
  }

  #putTopic(topic: TopicImage): void {
    this.#writableTopics()[0].set(topicKey(topic.id), topic);
  }

  #partition(r: PartitionRecord): MetadataError | null {
    const topic = this.#requireTopic(r.topicId);
    if ('code' in topic) return topic;
    if (r.partitionIndex !== topic.partitions.length) {
      return err('INVALID_PARTITIONS', `${topic.name}: partition ${r.partitionIndex} is not the next one (${topic.partitions.length})`);
    }
    const placement = { partition: r.partitionIndex, replicas: r.replicas, addingReplicas: r.addingReplicas, removingReplicas: r.removingReplicas };
    const bad = this.#placementProblem(placement, []);
    if (bad) return err('INVALID_REPLICA_ASSIGNMENT', `${topic.name}-${r.partitionIndex}: ${bad}`);
    this.#putTopic({ ...topic, partitions: [...topic.partitions, Object.freeze({ ...placement, replicas: [...r.replicas], addingReplicas: [...r.addingReplicas], removingReplicas: [...r.removingReplicas] })] });
    return null;
  }

  #partitionChange(r: PartitionChangeRecord): MetadataError | null {
    const topic = this.#requireTopic(r.topicId);
    if ('code' in topic) return topic;
    const before = topic.partitions[r.partitionIndex];
    if (!before) return err('UNKNOWN_TOPIC_OR_PARTITION', `${topic.name} has no partition ${r.partitionIndex}`);
    const after: PartitionPlacement = Object.freeze({
      partition: before.partition,
      replicas: r.replicas ? [...r.replicas] : before.replicas,
      addingReplicas: r.addingReplicas ? [...r.addingReplicas] : before.addingReplicas,
      removingReplicas: r.removingReplicas ? [...r.removingReplicas] : before.removingReplicas,
    });
    // Nodes already in the partition stay valid even if fenced; new ones must be registered.
    const bad = this.#placementProblem(after, before.replicas);
    if (bad) return err('INVALID_REPLICA_ASSIGNMENT', `${topic.name}-${r.partitionIndex}: ${bad}`);
    const partitions = [...topic.partitions];
    partitions[r.partitionIndex] = after;
    this.#putTopic({ ...topic, partitions });
    return null;
  }

  /** What is wrong with a placement, or null. `known` are replicas it had before. */
  #placementProblem(p: { replicas: readonly number[]; addingReplicas: readonly number[]; removingReplicas: readonly number[] }, known: readonly number[]): string | null {
    if (p.replicas.length === 0) return 'no replicas';
    if (p.replicas.length > REPLICAS_PER_PARTITION_MAX) return `${p.replicas.length} replicas exceed ${REPLICAS_PER_PARTITION_MAX}`;
    const set = new Set(p.replicas);
    if (set.size !== p.replicas.length) return `replicas [${p.replicas.join(',')}] name a node twice`;
    for (const id of p.replicas) {
      if (!known.includes(id) && !this.#nodesView.has(id)) return `replica ${id} is not a registered node`;
    }
    for (const [what, list] of [['adding', p.addingReplicas], ['removing', p.removingReplicas]] as const) {
      if (new Set(list).size !== list.length) return `${what} replicas [${list.join(',')}] name a node twice`;
      const outside = list.find((id) => !set.has(id));
      if (outside !== undefined) return `${what} replica ${outside} is not among the replicas [${p.replicas.join(',')}]`;
    }
    const both = p.addingReplicas.find((id) => p.removingReplicas.includes(id));
    if (both !== undefined) return `replica ${both} is both adding and removing`;
    if (p.removingReplicas.length === p.replicas.length) return 'every replica is being removed';
    return null;
  }

  #topicConfig(r: TopicConfigRecord): MetadataError | null {
    const topic = this.#requireTopic(r.topicId);
    if ('code' in topic) return topic;
    if (r.value !== null) {
      const problems = validateTopicConfigs({ [r.key]: r.value });
      if (problems.length > 0) return err('INVALID_CONFIG', `${topic.name}: ${problems.map(([n, p]) => `${n}: ${p}`).join('; ')}`);
    }
    const configs = new Map(topic.configs);
    if (r.value === null) configs.delete(r.key);
    else configs.set(r.key, r.value);
    this.#putTopic({ ...topic, configs });
    return null;
  }

  #removeTopic(r: RemoveTopicRecord): MetadataError | null {
    const topic = this.#requireTopic(r.topicId);
    if ('code' in topic) return topic;
    const [topics, byName] = this.#writableTopics();
    topics.delete(topicKey(topic.id));
    byName.delete(topic.name);
    return null;
  }
}

/** Kafka's topic name rules, or null when the name is fine. */
export function topicNameProblem(name: string): string | null {
  if (name.length === 0) return 'topic name is empty';
  if (Buffer.byteLength(name) > TOPIC_NAME_BYTES_MAX) return `topic name is longer than ${TOPIC_NAME_BYTES_MAX} bytes`;
  if (name === '.' || name === '..') return `topic name "${name}" is reserved`;
  if (!TOPIC_NAME_RE.test(name)) return `topic name "${name}" may contain only ASCII letters, digits, '.', '_' and '-'`;
  return null;
}
