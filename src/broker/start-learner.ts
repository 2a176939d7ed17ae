import type { Logger } from 'pino';
import type { BrokerConfig } from '../config/defaults.js';
import type { TopicStore } from '../cluster/topic-store.js';
import type { PartitionManager } from '../replication/partition-manager.js';
import { LearnerPull, type UpstreamTopic } from '../replication/learner-pull.js';

/**
 * Starts a learner node's pull loop (role learner): the upstream's topics are created here with its
 * partition counts and configs (the partition manager gives them LearnerReplicas), then every
 * partition is pulled over LearnerFetch. Returns the stop function for the broker's close.
 */
export function startLearner(config: BrokerConfig, topics: TopicStore, partitions: PartitionManager, logger: Logger): () => Promise<void> {
  const learnerName = config.learnerName ?? `learner-${config.nodeId}`;
  const pull = new LearnerPull({
    learnerName,
    upstreams: config.upstream,
    topics: config.learnerTopics,
    replicaOf: (topic, index) => partitions.learnerReplica(topic, index),
    ensureTopics: (described) => ensureTopics(topics, described, logger),
    logger,
  });
  pull.start();
  logger.info({ learner: learnerName, upstream: config.upstream, topics: config.learnerTopics }, 'learner started');
  return () => pull.stop();
}

async function ensureTopics(topics: TopicStore, described: readonly UpstreamTopic[], logger: Logger): Promise<void> {
  for (const t of described) {
    const held = topics.get(t.name);
    if (held === undefined) {
      await topics.create(t.name, { partitions: t.partitionCount, configs: t.configs });
      logger.info({ topic: t.name, partitions: t.partitionCount }, 'learner topic created from the upstream');
    } else if (held.partitionCount < t.partitionCount) {
      await topics.addPartitions(t.name, t.partitionCount);
      logger.info({ topic: t.name, partitions: t.partitionCount }, 'learner topic grown to the upstream\'s partition count');
    }
  }
}
