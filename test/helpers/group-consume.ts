/**
 * Reads a topic from the beginning with a kafkajs group consumer until `count` messages arrived
 * or `waitMsMax` passed (bounded), sorted by partition then offset; `map` picks what a test compares.
 */
import type { Kafka, KafkaMessage } from 'kafkajs';

export async function groupConsume<T extends { partition: number; offset: number }>(
  kafka: Kafka, groupId: string, topic: string, count: number, waitMsMax: number, map: (partition: number, message: KafkaMessage) => T,
): Promise<T[]> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  const seen: T[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let done!: () => void;
    const all = new Promise<void>((r) => (done = r));
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        seen.push(map(partition, message));
        if (seen.length >= count) done();
      },
    });
    await Promise.race([all, new Promise((r) => setTimeout(r, waitMsMax))]);
  } finally {
    await consumer.disconnect();
  }
  return [...seen].sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}
