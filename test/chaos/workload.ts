/**
 * The chaos workload, all with real clients through the cluster's proxies, every step logged to
 * the history:
 *
 * - a kafkajs idempotent producer (acks=all, one request in flight) sending 1–5 unique values per
 *   send to one partition, logging send, ack (the offset of each value: base offset + index) or
 *   error, and starting a new producer after an error;
 * - a librdkafka (node-rdkafka) idempotent producer (acks=all) logging send at produce and ack or
 *   error at its delivery report, with a bound on values awaiting a report;
 * - a kafkajs consumer (its own group, from the start) logging every record it polls;
 * - a sampler logging each partition's high watermark (ListOffsets) twice a second;
 * - after healing, finalRead(): a librdkafka consumer assigned every partition at offset 0 reads
 *   up to the high watermark, logging each record as a final poll.
 */
import { createRequire } from 'node:module';
import { Kafka, logLevel, type Consumer, type Producer, type Admin } from 'kafkajs';
import type { HistoryWriter } from './history.js';
import type { Prng } from '../raft/sim/prng.js';

const require = createRequire(import.meta.url);
const rdkafka = require('node-rdkafka') as typeof import('node-rdkafka');

export interface WorkloadOptions {
  bootstrap: string[];
  topic: string;
  partitions: number;
  history: HistoryWriter;
  rng: Prng;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const errorText = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));
/** librdkafka's values awaiting a delivery report, at most. */
const RDKAFKA_PENDING_MAX = 50;
const FINAL_READ_MS_MAX = 60_000;
const SAMPLE_EVERY_MS = 500;

function kafkaOf(o: WorkloadOptions, clientId: string): Kafka {
  // Retries without end (bounded per attempt): a fault outlasting them would only end the workload.
  return new Kafka({ clientId, brokers: o.bootstrap, logLevel: logLevel.NOTHING, connectionTimeout: 3_000, requestTimeout: 10_000, retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 2_000 } });
}

export class Workload {
  private running = true;
  private readonly loops: Promise<void>[] = [];
  private readonly closers: (() => Promise<unknown>)[] = [];

  constructor(private readonly o: WorkloadOptions) {}

  async createTopic(): Promise<void> {
    const admin = kafkaOf(this.o, 'chaos-setup').admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic: this.o.topic, numPartitions: this.o.partitions }], waitForLeaders: true });
    } finally {
      await admin.disconnect();
    }
  }

  start(): void {
    this.loops.push(this.kafkajsProducer(), this.rdkafkaProducer(), this.kafkajsConsumer(), this.hwSampler());
  }

  /** Stops producing, consuming and sampling; waits for every loop to end. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
    for (const close of this.closers.splice(0)) await close().catch(() => undefined);
  }

  /**
   * A new producer (a new producer id) after every failed send: kafkajs 2.2.4 rolls a partition's
   * sequence back when a request fails (producer/sendMessages.js), so its next batch reuses the
   * sequence of a batch the broker may already hold, and is answered as that duplicate, with the
   * old batch's offset, without being written. The checker sees that as lost acknowledged records.
   */
  private async kafkajsProducer(): Promise<void> {
    const { history: h, topic, partitions, rng } = this.o;
    const kafka = kafkaOf(this.o, 'chaos-kafkajs');
    let n = 0;
    while (this.running) {
      const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      try {
        await producer.connect();
      } catch (err) {
        h.log({ type: 'note', text: `kafkajs producer connect: ${errorText(err)}` });
        await sleep(500);
        continue;
      }
      while (this.running) {
        // One partition per send, so the one answer's base offset is every value's offset.
        const partition = rng.int(partitions);
        const values = Array.from({ length: 1 + rng.int(5) }, () => `kjs-${n++}`);
        for (const value of values) h.log({ type: 'send', client: 'kafkajs', value });
        try {
          const [meta] = await producer.send({ topic, acks: -1, messages: values.map((value) => ({ value, partition })) });
          const base = Number(meta!.baseOffset);
          values.forEach((value, i) => h.log({ type: 'ack', client: 'kafkajs', value, partition: meta!.partition, offset: base + i }));
        } catch (err) {
          for (const value of values) h.log({ type: 'error', client: 'kafkajs', value, error: errorText(err) });
          break;
        }
      }
      await producer.disconnect().catch(() => undefined);
      if (this.running) await sleep(200);
    }
  }

  private async rdkafkaProducer(): Promise<void> {
    const { history: h, topic } = this.o;
    const producer = new rdkafka.Producer({
      'bootstrap.servers': this.o.bootstrap.join(','), 'enable.idempotence': true, acks: -1, 'linger.ms': 5,
      'message.timeout.ms': 60_000, dr_cb: true, 'reconnect.backoff.max.ms': 1_000,
    } as never, {});
    let pending = 0;
    producer.on('delivery-report', (err, report) => {
      pending--;
      const value = String(report.opaque);
      if (err) h.log({ type: 'error', client: 'rdkafka', value, error: errorText(err) });
      else h.log({ type: 'ack', client: 'rdkafka', value, partition: report.partition, offset: Number(report.offset) });
    });
    producer.on('event.error', () => undefined);
    await new Promise<void>((res, rej) => producer.connect({ timeout: 30_000 } as never, (err) => (err ? rej(err) : res())));
    producer.setPollInterval(20);
    let n = 0;
    while (this.running) {
      if (pending >= RDKAFKA_PENDING_MAX) {
        await sleep(10);
        continue;
      }
      const value = `rdk-${n++}`;
      h.log({ type: 'send', client: 'rdkafka', value });
      try {
        producer.produce(topic, null, Buffer.from(value), null, Date.now(), value);
        pending++;
      } catch (err) {
        h.log({ type: 'error', client: 'rdkafka', value, error: errorText(err) });
      }
      await sleep(2);
    }
    // Every value produced gets its report (ack or error) before the history closes.
    await new Promise<void>((res) => producer.flush(FINAL_READ_MS_MAX, () => res()));
    await new Promise<void>((res) => producer.disconnect(() => res()));
  }

  private async kafkajsConsumer(): Promise<void> {
    const { history: h, topic } = this.o;
    const consumer: Consumer = kafkaOf(this.o, 'chaos-consumer').consumer({ groupId: `chaos-${Date.now()}`, maxWaitTimeInMs: 200 });
    this.closers.push(() => consumer.disconnect());
    while (this.running) {
      try {
        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({
          eachBatch: async ({ batch }) => {
            for (const m of batch.messages) h.log({ type: 'poll', client: 'kafkajs', partition: batch.partition, offset: Number(m.offset), value: m.value?.toString() ?? '' });
          },
        });
        break;
      } catch (err) {
        h.log({ type: 'note', text: `kafkajs consumer start: ${errorText(err)}` });
        await sleep(500);
      }
    }
    while (this.running) await sleep(50);
  }

  private async hwSampler(): Promise<void> {
    const admin: Admin = kafkaOf(this.o, 'chaos-sampler').admin();
    this.closers.push(() => admin.disconnect());
    while (this.running) {
      try {
        await admin.connect();
        for (const p of await admin.fetchTopicOffsets(this.o.topic)) this.o.history.log({ type: 'hw', partition: p.partition, hw: Number(p.high) });
      } catch {
        // The node may be down or cut off: the next sample tries again.
      }
      await sleep(SAMPLE_EVERY_MS);
    }
  }

  /** After healing: reads every partition from offset 0 to its high watermark, as final polls. */
  async finalRead(): Promise<void> {
    const { history: h, topic } = this.o;
    const admin = kafkaOf(this.o, 'chaos-final').admin();
    await admin.connect();
    const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
    await admin.disconnect();
    for (const [partition, hw] of ends) h.log({ type: 'hw', partition, hw });
    const consumer = new rdkafka.KafkaConsumer({ 'bootstrap.servers': this.o.bootstrap.join(','), 'group.id': 'chaos-final', 'enable.auto.commit': false, 'fetch.wait.max.ms': 100 }, {});
    await new Promise<void>((res, rej) => consumer.connect({ timeout: 30_000 }, (err) => (err ? rej(err) : res())));
    const next = new Map([...ends.keys()].map((p) => [p, 0]));
    try {
      consumer.assign([...ends.keys()].map((partition) => ({ topic, partition, offset: 0 })));
      const deadline = Date.now() + FINAL_READ_MS_MAX;
      const behind = () => [...ends].some(([p, hw]) => next.get(p)! < hw);
      while (behind() && Date.now() < deadline) {
        const batch = await new Promise<import('node-rdkafka').Message[]>((res, rej) => consumer.consume(500, (err, msgs) => (err ? rej(err) : res(msgs))));
        for (const m of batch) {
          h.log({ type: 'poll', client: 'rdkafka-final', partition: m.partition, offset: m.offset, value: m.value?.toString() ?? '', final: true });
          next.set(m.partition, m.offset + 1);
        }
      }
      if (behind()) h.log({ type: 'note', text: `final read stopped short of the high watermark: ${JSON.stringify([...next])} of ${JSON.stringify([...ends])}` });
    } finally {
      await new Promise<void>((res) => consumer.disconnect(() => res()));
    }
  }
}
