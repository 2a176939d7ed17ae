/**
 * What changed between two metadata images, for the broker to act on: open the replicas of added
 * topics and partitions, close those of removed topics, change the voters of partitions whose
 * replicas changed, re-read configs, refresh node connections. Computed by comparing the images,
 * so a topic created and removed in one batch shows up nowhere. Unchanged objects are shared
 * between images, so the comparison mostly tests identity.
 */
import type { MetadataImage, PartitionPlacement, TopicImage } from './metadata-image.js';

export interface PartitionChange {
  readonly topic: TopicImage;
  readonly before: PartitionPlacement;
  readonly after: PartitionPlacement;
}

export interface MetadataDelta {
  readonly clusterChanged: boolean;
  /** Registered, re-registered, fenced, unfenced or unregistered (ascending ids). */
  readonly nodesChanged: readonly number[];
  readonly topicsAdded: readonly TopicImage[];
  /** As they were in the old image (with their partitions, to close). */
  readonly topicsRemoved: readonly TopicImage[];
  /** New partitions of topics that existed before (CreatePartitions). */
  readonly partitionsAdded: ReadonlyArray<{ readonly topic: TopicImage; readonly partition: PartitionPlacement }>;
  /** Replicas, adding or removing replicas changed. */
  readonly partitionsChanged: readonly PartitionChange[];
  /** Topics (present in both images) whose configs changed. */
  readonly topicsReconfigured: readonly TopicImage[];
}

export function isEmptyDelta(d: MetadataDelta): boolean {
  return !d.clusterChanged && d.nodesChanged.length === 0 && d.topicsAdded.length === 0 && d.topicsRemoved.length === 0
    && d.partitionsAdded.length === 0 && d.partitionsChanged.length === 0 && d.topicsReconfigured.length === 0;
}

export function diffImages(before: MetadataImage, after: MetadataImage): MetadataDelta {
  const nodesChanged = new Set<number>();
  if (before.nodes !== after.nodes) {
    for (const [id, n] of after.nodes) if (before.nodes.get(id) !== n) nodesChanged.add(id);
    for (const id of before.nodes.keys()) if (!after.nodes.has(id)) nodesChanged.add(id);
  }
  const delta = {
    clusterChanged: before.clusterId !== after.clusterId || before.metadataVersion !== after.metadataVersion,
    nodesChanged: [...nodesChanged].sort((a, b) => a - b),
    topicsAdded: [] as TopicImage[],
    topicsRemoved: [] as TopicImage[],
    partitionsAdded: [] as Array<{ topic: TopicImage; partition: PartitionPlacement }>,
    partitionsChanged: [] as PartitionChange[],
    topicsReconfigured: [] as TopicImage[],
  };
  if (before.topics === after.topics) return delta;
  for (const [key, topic] of after.topics) {
    const old = before.topics.get(key);
    if (!old) {
      delta.topicsAdded.push(topic);
      continue;
    }
    if (old === topic) continue;
    topic.partitions.forEach((p, i) => {
      const q = old.partitions[i];
      if (!q) delta.partitionsAdded.push({ topic, partition: p });
      else if (q !== p && !samePlacement(q, p)) delta.partitionsChanged.push({ topic, before: q, after: p });
    });
    if (!sameConfigs(old.configs, topic.configs)) delta.topicsReconfigured.push(topic);
  }
  for (const [key, topic] of before.topics) if (!after.topics.has(key)) delta.topicsRemoved.push(topic);
  return delta;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function samePlacement(a: PartitionPlacement, b: PartitionPlacement): boolean {
  return sameList(a.replicas, b.replicas) && sameList(a.addingReplicas, b.addingReplicas) && sameList(a.removingReplicas, b.removingReplicas);
}

function sameConfigs(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
