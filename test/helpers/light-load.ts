/**
 * Light, steady Kafka traffic for observability tests: a kafkajs producer sends a few records to
 * a topic every `intervalMs`, and a consumer group reads and commits them, so every metric family
 * (requests, bytes, partitions, journal, group lag and members) has live samples. `ready` resolves
 * once the group has consumed and committed; everything stops in t.teardown (or `stop()`).
 */
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';

/** Pause between produce calls; light enough for 2 shared cores. */
export const lightLoadIntervalMs = 250;
/** Records per produce call. */
export const lightLoadRecords = 5;
/** Upper bound for the group to join and consume its first records. */
export const lightLoadReadyMsMax = 30_000;

interface Teardown { teardown(fn: () => unknown): void }

export interface LightLoad {
  readonly topic: string;
  readonly group: string;
  /** Records the consumer has seen so far. */
  consumed(): number;
  stop(): Promise<void>;
}

export async function startLightLoad(t: Teardown, bootstrap: string, options: { topic?: string; group?: string } = {}): Promise<LightLoad> {
  const topic = options.topic ?? 'light-load';
  const group = options.group ?? 'light-load-group';
  const kafka = new Kafka({ clientId: 'canopy-light-load', brokers: [bootstrap], logLevel: logLevel.NOTHING });
  const producer: Producer = kafka.producer({ allowAutoTopicCreation: true });
  const consumer: Consumer = kafka.consumer({ groupId: group, maxWaitTimeInMs: 500 });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let sent = 0;
  let seen = 0;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
  };
  t.teardown(stop);
  await producer.connect();
  const sendOnce = async () => {
    const messages = Array.from({ length: lightLoadRecords }, () => ({ key: `k${sent % 7}`, value: `record ${sent++}` }));
    await producer.send({ topic, messages }).catch(() => undefined);
  };
  await sendOnce();
  const tick = () => {
    if (stopped) return;
    void sendOnce().finally(() => { if (!stopped) timer = setTimeout(tick, lightLoadIntervalMs); });
  };
  timer = setTimeout(tick, lightLoadIntervalMs);
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async () => { seen += 1; } });
  const deadline = Date.now() + lightLoadReadyMsMax;
  while (seen < lightLoadRecords * 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (seen < lightLoadRecords * 2) throw new Error(`light load: the consumer group read only ${seen} records in ${lightLoadReadyMsMax} ms`);
  return { topic, group, consumed: () => seen, stop };
}
