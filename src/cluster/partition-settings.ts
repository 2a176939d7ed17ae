import type { BrokerConfig } from '../config/defaults.js';
import type { PartitionedTopic, TopicPartitionSettings } from '../replication/partition-manager.js';
import { effectiveTopicConfig, timestampBoundsMs } from './topic-config.js';

/**
 * What a topic's configs (its own, else the broker's topicDefaults, else Kafka's) mean for its
 * partitions: the settings each append reads and the storage settings (segments, retention).
 * cluster/ owns the configs, replication/ the partitions; the partition manager calls this for
 * every open and every AlterConfigs.
 */
export function partitionSettingsOf(topic: PartitionedTopic, config: BrokerConfig): TopicPartitionSettings {
  const cfg = (name: string): string => effectiveTopicConfig(name, topic.configs, config.topicDefaults)!.value;
  const { beforeMaxMs, afterMaxMs } = timestampBoundsMs(cfg);
  const batchBytesMax = Number(cfg('max.message.bytes'));
  return {
    append: {
      logAppendTime: cfg('message.timestamp.type') === 'LogAppendTime',
      batchBytesMax,
      timestampBeforeMaxMs: beforeMaxMs,
      timestampAfterMaxMs: afterMaxMs,
      // A topic allowed bigger batches may also inflate them further (an uncompressed one must fit).
      decompressedBytesMax: Math.max(config.limits.batchDecompressedBytesMax, batchBytesMax),
      recordsMax: config.limits.batchRecordsMax,
    },
    storage: {
      segmentBytesMax: Number(cfg('segment.bytes')),
      segmentMsMax: Number(cfg('segment.ms')),
      batchBytesMax: Math.max(batchBytesMax, config.limits.batchBytesMax),
      retentionBytes: Number(cfg('retention.bytes')),
      retentionMs: Number(cfg('retention.ms')),
    },
  };
}
