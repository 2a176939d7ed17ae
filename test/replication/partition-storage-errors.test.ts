import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { PartitionManager } from '../../src/replication/partition-manager.js';
import { partitionSettingsOf } from '../../src/cluster/partition-settings.js';
import { PartitionError } from '../../src/replication/errors.js';
import { TopicStore } from '../../src/cluster/topic-store.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { buildBatchUncompressed } from '../../src/protocol/records/batch.js';
import { readBatchHeader } from '../../src/protocol/records/batch-header.js';
import { NODE_FILE_LAYER, type FileLayer, type JournalFile } from '../../src/journal/file-layer.js';

const logger = pino({ level: 'silent' });
const PRODUCER_ID = 42;
const idempotent = (sequence: number) =>
  buildBatchUncompressed([{ key: null, value: Buffer.from(`seq ${sequence}`), timestamp: 1000 + sequence }], { producerId: PRODUCER_ID, producerEpoch: 0, baseSequence: sequence });

/**
 * The real file layer, except that the next segment write, once armed, waits for `release()` and
 * then fails with ENOSPC: appends queued behind it form the journal's next write group meanwhile.
 */
class OneFailedWrite {
  #armed: { gate: Promise<void>; open: () => void; reached: () => void } | null = null;
  /** Resolves when the armed write has started (and is waiting at the gate). */
  reached: Promise<void> = Promise.resolve();
  arm(): void {
    let open!: () => void, reached!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    this.reached = new Promise<void>((r) => (reached = r));
    this.#armed = { gate, open, reached };
    this.#release = open;
  }
  #release: () => void = () => undefined;
  release(): void {
    this.#release();
  }
  async open(path: string, create: boolean): Promise<JournalFile> {
    const inner = await NODE_FILE_LAYER.open(path, create);
    return {
      read: (b, o, l, p) => inner.read(b, o, l, p),
      writeAll: async (buffers, position) => {
        const armed = this.#armed;
        if (armed === null || !path.endsWith('.log')) return inner.writeAll(buffers, position);
        this.#armed = null;
        armed.reached();
        await armed.gate;
        throw Object.assign(new Error('ENOSPC: no space left on device (injected)'), { code: 'ENOSPC' });
      },
      datasync: () => inner.datasync(),
      truncate: (n) => inner.truncate(n),
      size: () => inner.size(),
      close: () => inner.close(),
    };
  }
  /** Everything but open() is the real layer's. */
  layer(): FileLayer {
    return { ...NODE_FILE_LAYER, open: (path, create) => this.open(path, create) };
  }
}

async function openPartition(t: { teardown(fn: () => unknown): void }, files: FileLayer) {
  const dataDir = mkdtempSync(join(tmpdir(), 'canopy-partition-faults-'));
  const config = { ...defaultConfig(), dataDir };
  const topics = await TopicStore.open({ dataDir, limits: config.limits, logger });
  const partitions = new PartitionManager({ settingsOf: partitionSettingsOf, config, logger, journalFiles: files });
  await partitions.openAll([]);
  topics.addListener(partitions);
  t.teardown(async () => { await partitions.closeAll(); rmSync(dataDir, { recursive: true, force: true }); });
  await topics.create('idem', { partitions: 1 });
  return partitions.get('idem', 0)!;
}

const append = (p: Awaited<ReturnType<typeof openPartition>>, sequence: number) => p.append(idempotent(sequence), { acks: -1, timeoutMs: 10_000 });
const errorCode = (err: unknown) => (err instanceof PartitionError ? err.code : String(err));

/** Sequences of the batches in the log, in offset order. */
async function sequencesInLog(p: Awaited<ReturnType<typeof openPartition>>): Promise<number[]> {
  const read = await p.read(0, 1 << 20);
  const out: number[] = [];
  for (const chunk of read.chunks) {
    for (let pos = 0; pos < chunk.length;) {
      const h = readBatchHeader(chunk, pos);
      out.push(h.baseSequence);
      pos += h.batchLength + 12;
    }
  }
  return out;
}

t.test('a storage error with a later batch in flight: the retry is OUT_OF_ORDER_SEQUENCE, not appended behind it', async (t) => {
  const files = new OneFailedWrite();
  const p = await openPartition(t, files.layer());
  t.equal((await append(p, 0)).baseOffset, 0);
  files.arm();
  const failing = append(p, 1).then(() => 'ok', errorCode);
  // Let the write group holding sequence 1 start (it now waits at the gate), then queue sequence 2
  // behind it: it goes out in the next group, after the failure.
  await files.reached;
  const inFlight = append(p, 2);
  files.release();
  t.equal(await failing, 'STORAGE', 'sequence 1 failed');
  t.equal((await inFlight).baseOffset, 1, 'sequence 2 landed at offset 1');
  const retry = await append(p, 1).then(() => 'appended', errorCode);
  t.equal(retry, 'OUT_OF_ORDER_SEQUENCE', 'the resend of 1 would have gone after 2');
  t.same(await sequencesInLog(p), [0, 2], 'the log never has 1 behind 2');
  t.equal((await append(p, 3)).baseOffset, 2, 'the producer continues after 2');
});

t.test('a storage error with nothing in flight: the resend of the failed batch is accepted, a gap is not', async (t) => {
  const files = new OneFailedWrite();
  const p = await openPartition(t, files.layer());
  await append(p, 0);
  files.arm();
  const failing = append(p, 1).then(() => 'ok', errorCode);
  files.release();
  t.equal(await failing, 'STORAGE');
  t.equal(await append(p, 2).then(() => 'appended', errorCode), 'OUT_OF_ORDER_SEQUENCE', 'a gap after the failed batch is refused');
  t.equal((await append(p, 1)).baseOffset, 1, 'the resend goes where it should');
  t.equal(await append(p, 0).then((r) => r.duplicate, errorCode), true, 'sequence 0 is still known');
  t.same(await sequencesInLog(p), [0, 1]);
});
