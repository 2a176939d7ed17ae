/**
 * The chaos workload, all with real clients through the cluster's proxies, every step logged to
 * the history:
 *
 * - a kafkajs idempotent producer (acks=all, one request in flight) sending 1–5 unique values per
 *   send to one partition, logging send, ack (the offset of each value: base offset + index) or
 *   error, and starting a new producer after an error;
 * - a librdkafka idempotent producer (acks=all; confluent-kafka-python in a child process, as
 *   node-rdkafka's producer kept this process alive after a broker was killed) logging send at
 *   produce and ack or error at its delivery report, with a bound on values awaiting a report;
 * - a kafkajs consumer (its own group, from the start) logging every record it polls;
 * - a sampler logging each partition's high watermark (ListOffsets) twice a second;
 * - after healing, finalRead(): a librdkafka consumer (confluent-kafka-python, a child process)
 *   assigned every partition at offset 0 reads up to the high watermark, logging each record as
 *   a final poll.
 */
import { Kafka, logLevel, type Consumer, type Producer, type Admin } from 'kafkajs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DEBIAN_PYTHON } from '../helpers/debian-client.js';
import { runProcess } from '../helpers/run-process.js';
import type { HistoryWriter } from './history.js';
import type { Prng } from '../raft/sim/prng.js';


export interface WorkloadOptions {
  bootstrap: string[];
  topic: string;
  partitions: number;
  history: HistoryWriter;
  rng: Prng;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const errorText = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));
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
    this.loops.push(this.kafkajsProducer(), this.librdkafkaProducer(), this.kafkajsConsumer(), this.hwSampler());
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

  /** librdkafka through confluent-kafka-python (librdkafka-producer.py), stopped by PID with SIGTERM. */
  private async librdkafkaProducer(): Promise<void> {
    const { history: h, topic } = this.o;
    const child = spawn(DEBIAN_PYTHON, [join(import.meta.dirname, 'librdkafka-producer.py'), this.o.bootstrap.join(','), topic], { stdio: ['ignore', 'pipe', 'pipe'] });
    const closed = new Promise<void>((res) => child.once('close', () => res()));
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const e = JSON.parse(pending.slice(0, nl)) as { type: string; value: string; partition: number; offset: number; error: string };
        pending = pending.slice(nl + 1);
        if (e.type === 'send') h.log({ type: 'send', client: 'librdkafka', value: e.value });
        else if (e.type === 'ack') h.log({ type: 'ack', client: 'librdkafka', value: e.value, partition: e.partition, offset: e.offset });
        else if (e.type === 'error') h.log({ type: 'error', client: 'librdkafka', value: e.value, error: e.error });
      }
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-2000)));
    while (this.running && child.exitCode === null) await sleep(50);
    if (child.exitCode === null) {
      process.kill(child.pid!, 'SIGTERM');
      const timer = setTimeout(() => process.kill(child.pid!, 'SIGKILL'), FINAL_READ_MS_MAX + 10_000);
      await closed;
      clearTimeout(timer);
    } else {
      await closed;
      h.log({ type: 'note', text: `librdkafka producer exited early (${child.exitCode}): ${stderr}` });
    }
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
    const run = await runProcess(DEBIAN_PYTHON, [join(import.meta.dirname, 'librdkafka-final-read.py'), this.o.bootstrap.join(','), topic,
      JSON.stringify(Object.fromEntries(ends)), String(FINAL_READ_MS_MAX / 1000)], { cwd: import.meta.dirname, timeoutMs: FINAL_READ_MS_MAX + 15_000 });
    const next = new Map([...ends.keys()].map((p) => [p, 0]));
    for (const line of run.stdout.split('\n').filter((l) => l.length > 0)) {
      const m = JSON.parse(line) as { partition: number; offset: number; value: string };
      h.log({ type: 'poll', client: 'librdkafka-final', partition: m.partition, offset: m.offset, value: m.value, final: true });
      next.set(m.partition, m.offset + 1);
    }
    if ([...ends].some(([p, hw]) => next.get(p)! < hw)) {
      h.log({ type: 'note', text: `final read stopped short of the high watermark: ${JSON.stringify([...next])} of ${JSON.stringify([...ends])}; ${run.stderr.slice(-1000)}` });
    }
  }
}
