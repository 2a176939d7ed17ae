/**
 * The cluster metadata image: what the committed records of the metadata group (topic
 * `__cluster_metadata`, partition 0) add up to: the cluster id, the registered nodes, the topics
 * with their partitions' placement and their configs. Pure data, never mutated once built: the
 * apply loop (metadata-apply.ts) builds a new image per batch and shares what did not change.
 *
 * Node ids here are Kafka node ids (0, 1, 2, ...); a node's Raft id is `raftIdOf(nodeId)`
 * (node-ids.ts).
 */

export interface NodeEndpoint {
  /** `kafka` (clients) or `internal` (other nodes); unique per node. */
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

export interface NodeRegistration {
  readonly id: number;
  /** Larger on every re-registration of the same id; fencing and unregistration name it. */
  readonly epoch: number;
  readonly incarnationId: Buffer;
  readonly rack: string | null;
  /** A fenced node may not lead and placement skips it. */
  readonly fenced: boolean;
  readonly endpoints: readonly NodeEndpoint[];
}

export interface PartitionPlacement {
  readonly partition: number;
  /** Kafka node ids in preferred-leader order; during a reassignment = target + removing. */
  readonly replicas: readonly number[];
  /** Subsets of `replicas` while a reassignment is in progress; both empty otherwise. */
  readonly addingReplicas: readonly number[];
  readonly removingReplicas: readonly number[];
}

export interface TopicImage {
  readonly name: string;
  readonly id: Buffer;
  readonly internal: boolean;
  /** Index = partition index (partitions are created in order, never removed one by one). */
  readonly partitions: readonly PartitionPlacement[];
  /** Only the configs set on this topic; defaults are resolved elsewhere (topic-config.ts). */
  readonly configs: ReadonlyMap<string, string>;
}

export interface MetadataImage {
  readonly clusterId: string | null;
  readonly metadataVersion: number;
  readonly nodes: ReadonlyMap<number, NodeRegistration>;
  /** By topic id as lower-case hex (`topicKey`). */
  readonly topics: ReadonlyMap<string, TopicImage>;
  /** Topic name → topic id hex. */
  readonly topicIdByName: ReadonlyMap<string, string>;
}

export const EMPTY_METADATA_IMAGE: MetadataImage = Object.freeze({
  clusterId: null,
  metadataVersion: 0,
  nodes: new Map(),
  topics: new Map(),
  topicIdByName: new Map(),
});

/** The key of a topic id in `MetadataImage.topics`. */
export function topicKey(id: Buffer): string {
  return id.toString('hex');
}

export function topicByName(image: MetadataImage, name: string): TopicImage | undefined {
  const key = image.topicIdByName.get(name);
  return key === undefined ? undefined : image.topics.get(key);
}

/** Registered, unfenced nodes, by id: the nodes placement may use. */
export function liveNodes(image: MetadataImage): NodeRegistration[] {
  return [...image.nodes.values()].filter((n) => !n.fenced).sort((a, b) => a.id - b.id);
}
