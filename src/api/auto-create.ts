import type { Broker } from './broker.js';
import { TopicError, type TopicInfo } from '../cluster/topic-store.js';

/**
 * The topic named `name`, creating it with the broker's default partition count when it is
 * missing and auto-creation is allowed (Kafka's auto.create.topics.enable, plus the request's
 * allow_auto_topic_creation). Returns undefined when it does not exist and may not be created.
 * Throws TopicError for an invalid name. Two requests racing to create the same topic both get it.
 */
export async function topicOrAutoCreate(broker: Broker, name: string, requestAllows: boolean): Promise<TopicInfo | undefined> {
  const existing = broker.topics.get(name);
  if (existing) return existing;
  if (!requestAllows || !broker.config.autoCreateTopics) return undefined;
  try {
    return await broker.topics.create(name, { partitions: broker.config.defaultPartitions });
  } catch (err) {
    if (err instanceof TopicError && err.code === 'TOPIC_EXISTS') return broker.topics.get(name);
    throw err;
  }
}
