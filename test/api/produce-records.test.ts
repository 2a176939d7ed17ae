/**
 * What Produce checks inside a batch (the records, not just the header), over a real socket
 * against a spawned broker: corrupt compressed payloads, record counts, offset deltas, record
 * lengths, per-record timestamps (message.timestamp.*.ms), header maxTimestamp recomputed from
 * the records (and what ListOffsets, Fetch and retention then see), and per-partition answers in a
 * multi-partition request.
 */
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { TopicStore } from '../../src/cluster/topic-store.js';
import { DEFAULT_LIMITS } from '../../src/config/limits.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { Compression, readBatchHeader } from '../../src/protocol/records/batch-header.js';
import { iterateBatches } from '../../src/protocol/records/iterate-batches.js';
import { decodeBatchRecords } from '../../src/protocol/records/batch.js';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { haveClient } from '../helpers/debian-client.js';
import { fetchRequest, listOffsetsRequest, produceRequest } from '../helpers/requests.js';
import { compressed, oddBatch, plainRecords, recordsSection, withRawBaseTimestamp, type OddRecord } from '../helpers/odd-batches.js';

const V = 8; // Produce v8+ carries recordErrors and errorMessage
const HOUR_MS = 3_600_000;
const WAIT_STEPS_MAX = 150;
const WAIT_STEP_MS = 100;

/** A well-formed header for `records` at `baseTimestamp` (maxTimestamp from the deltas). */
function headerFor(records: OddRecord[], baseTimestamp: number, compression = Compression.None) {
  const maxDelta = Math.max(...records.map((r) => r.timestampDelta ?? 0));
  return { baseTimestamp, maxTimestamp: baseTimestamp + maxDelta, recordCount: records.length, lastOffsetDelta: records.length - 1, compression };
}

t.test('Produce validates record contents', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'canopy-produce-records-'));
  const store = await TopicStore.open({ dataDir, limits: DEFAULT_LIMITS, logger: pino({ level: 'silent' }) });
  await store.create('multi', { partitions: 2, configs: {} });
  await store.create('recent', { partitions: 1, configs: { 'message.timestamp.before.max.ms': '60000' } });
  // Every batch in its own segment, so retention can delete them one by one.
  await store.create('aging', { partitions: 1, configs: { 'retention.ms': String(HOUR_MS), 'segment.bytes': '100' } });
  const broker = await spawnBroker(t, { dataDir, args: ['--retention-check-interval-ms', '200'] });
  const c = await RawClient.connect(t, broker.port);
  const first = (res: any) => res.responses[0].partitionResponses[0];
  const produce = async (topic: string, batch: Buffer) => first(await c.request(ApiKey.Produce, V, produceRequest(topic, 0, batch)));
  const listOffsets = async (topic: string, timestamp: number) => (await c.request(ApiKey.ListOffsets, 7, listOffsetsRequest(topic, 0, timestamp))).topics[0].partitions[0];
  const latest = async (topic: string) => (await listOffsets(topic, -1)).offset;
  const fetchBatches = async (topic: string, offset: number): Promise<Buffer[]> => {
    const res = await c.request(ApiKey.Fetch, 11, fetchRequest([{ topic, partition: 0, offset }]));
    const records: Buffer = res.responses[0].partitions[0].records;
    return [...iterateBatches(records)].map((b) => records.subarray(b.pos, b.pos + b.totalBytes));
  };

  await t.test('a gzip batch with a valid CRC but a garbage payload is CORRUPT_MESSAGE; nothing is stored; consumers still work', async (t) => {
    const garbage = Buffer.from('this is not a gzip stream at all, but the CRC covers it fine');
    const r = await produce('gz', oddBatch(garbage, { baseTimestamp: Date.now(), maxTimestamp: Date.now(), recordCount: 1, lastOffsetDelta: 0, compression: Compression.Gzip }));
    t.equal(r.errorCode, ErrorCode.CORRUPT_MESSAGE);
    t.match(r.errorMessage, /decompress/);
    t.equal(await latest('gz'), 0, 'nothing appended');
    const good = plainRecords(2);
    t.equal((await produce('gz', oddBatch(await compressed(recordsSection(good), Compression.Gzip), headerFor(good, Date.now(), Compression.Gzip)))).errorCode, ErrorCode.NONE);
    if (!haveClient(t, 'kcat')) return;
    const out = execFileSync('kcat', ['-b', broker.bootstrap, '-C', '-t', 'gz', '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%o|%s\\n'], { encoding: 'utf8', timeout: 30_000 });
    t.equal(out, '0|v0\n1|v1\n', 'kcat reads the partition to its end');
  });

  await t.test('a compressed batch inflating past limits.batchDecompressedBytesMax is MESSAGE_TOO_LARGE', async (t) => {
    const huge = [{ value: '\0'.repeat(DEFAULT_LIMITS.batchDecompressedBytesMax + 1), offsetDelta: 0 }];
    const batch = oddBatch(await compressed(recordsSection(huge), Compression.Zstd), headerFor(huge, Date.now(), Compression.Zstd));
    t.ok(batch.length < 64 * 1024, `${batch.length} bytes on the wire`);
    const r = await produce('bomb', batch);
    t.equal(r.errorCode, ErrorCode.MESSAGE_TOO_LARGE);
    t.match(r.errorMessage, /batchDecompressedBytesMax/);
    t.equal(await latest('bomb'), 0);
  });

  await t.test('a record count the records do not fill is INVALID_RECORD, naming the missing record', async (t) => {
    const two = plainRecords(2);
    const r = await produce('shape', oddBatch(recordsSection(two), { ...headerFor(two, Date.now()), recordCount: 3, lastOffsetDelta: 2 }));
    t.equal(r.errorCode, ErrorCode.INVALID_RECORD);
    t.same(r.recordErrors.map((e: any) => e.batchIndex), [2]);
    t.ok(r.errorMessage.length > 0);
    t.equal(await latest('shape'), 0);
  });

  await t.test('records beyond the record count are INVALID_RECORD', async (t) => {
    const three = plainRecords(3);
    const r = await produce('shape', oddBatch(recordsSection(three), { ...headerFor(three, Date.now()), recordCount: 2, lastOffsetDelta: 1 }));
    t.equal(r.errorCode, ErrorCode.INVALID_RECORD);
    t.same(r.recordErrors.map((e: any) => e.batchIndex), [2]);
    t.equal(await latest('shape'), 0);
  });

  await t.test('offset deltas out of order are INVALID_RECORD, uncompressed and compressed', async (t) => {
    const records = [{ value: 'a', offsetDelta: 0 }, { value: 'b', offsetDelta: 0 }];
    const plain = await produce('shape', oddBatch(recordsSection(records), headerFor(records, Date.now())));
    t.equal(plain.errorCode, ErrorCode.INVALID_RECORD);
    t.same(plain.recordErrors, [{ batchIndex: 1, batchIndexErrorMessage: 'offsetDelta 0, expected 1' }]);
    const zipped = await produce('shape', oddBatch(await compressed(recordsSection(records), Compression.Zstd), headerFor(records, Date.now(), Compression.Zstd)));
    t.equal(zipped.errorCode, ErrorCode.INVALID_RECORD);
    t.same(zipped.recordErrors.map((e: any) => e.batchIndex), [1]);
    t.equal(await latest('shape'), 0);
  });

  await t.test('a record whose length does not match its fields is INVALID_RECORD', async (t) => {
    const one = plainRecords(1);
    const section = recordsSection(one);
    // Length varint + 1 (zig-zag: +2) and one spare byte after the fields: still inside the section.
    section[0] = section[0]! + 2;
    const r = await produce('shape', oddBatch(Buffer.concat([section, Buffer.from([0])]), headerFor(one, Date.now())));
    t.equal(r.errorCode, ErrorCode.INVALID_RECORD);
    t.same(r.recordErrors.map((e: any) => e.batchIndex), [0]);
    t.match(r.recordErrors[0].batchIndexErrorMessage, /declares/);
    t.equal(await latest('shape'), 0);
  });

  await t.test('a record timestamp beyond message.timestamp.after.max.ms (default 1 hour) is INVALID_TIMESTAMP', async (t) => {
    const records = [{ value: 'now', offsetDelta: 0 }, { value: 'later', offsetDelta: 1, timestampDelta: 2 * HOUR_MS }];
    const r = await produce('future', oddBatch(recordsSection(records), headerFor(records, Date.now())));
    t.equal(r.errorCode, ErrorCode.INVALID_TIMESTAMP);
    t.same(r.recordErrors.map((e: any) => e.batchIndex), [1], 'only the record out of range');
    t.equal(await latest('future'), 0);
  });

  await t.test('a record older than message.timestamp.before.max.ms is INVALID_TIMESTAMP; recent ones pass', async (t) => {
    const old = plainRecords(1);
    const r = await produce('recent', oddBatch(recordsSection(old), headerFor(old, Date.now() - HOUR_MS)));
    t.equal(r.errorCode, ErrorCode.INVALID_TIMESTAMP);
    t.same(r.recordErrors.map((e: any) => e.batchIndex), [0]);
    t.equal((await produce('recent', oddBatch(recordsSection(old), headerFor(old, Date.now() - 1000)))).errorCode, ErrorCode.NONE);
  });

  await t.test('pipelined batches to one partition append in order while compressed ones are validated', async (t) => {
    const many = plainRecords(3000);
    const zipped = oddBatch(await compressed(recordsSection(many), Compression.Zstd), headerFor(many, Date.now(), Compression.Zstd));
    const one = plainRecords(1);
    const garbage = oddBatch(Buffer.from('garbage'), { ...headerFor(one, Date.now()), compression: Compression.Gzip });
    const batches = [zipped, oddBatch(recordsSection(one), headerFor(one, Date.now())), garbage, oddBatch(recordsSection(one), headerFor(one, Date.now()))];
    const ids = batches.map((b) => c.send(ApiKey.Produce, V, produceRequest('ordered', 0, b)));
    const answers = [];
    for (const id of ids) {
      const res = await c.nextResponse(ApiKey.Produce, V);
      t.equal(res.correlationId, id);
      answers.push(first(res.body));
    }
    t.same(answers.map((a) => [a.errorCode, a.baseOffset]), [[ErrorCode.NONE, 0], [ErrorCode.NONE, 3000], [ErrorCode.CORRUPT_MESSAGE, -1], [ErrorCode.NONE, 3001]]);
  });

  await t.test('one partition\'s out-of-range base timestamp fails only that partition; its sibling is answered as written', async (t) => {
    const one = plainRecords(1);
    const good = oddBatch(recordsSection(one), headerFor(one, Date.now()));
    const bad = withRawBaseTimestamp(oddBatch(recordsSection(one), headerFor(one, Date.now())), 1n << 60n);
    const res = await c.request(ApiKey.Produce, V, {
      transactionalId: null, acks: -1, timeoutMs: 30_000,
      topicData: [{ name: 'multi', partitionData: [{ index: 0, records: good }, { index: 1, records: bad }] }],
    });
    const [p0, p1] = res.responses[0].partitionResponses;
    t.same([p0.index, p0.errorCode, p0.baseOffset], [0, ErrorCode.NONE, 0], 'the good partition is acknowledged');
    t.same([p1.index, p1.errorCode], [1, ErrorCode.INVALID_TIMESTAMP]);
    t.match(p1.errorMessage, /baseTimestamp/);
    const lo = await c.request(ApiKey.ListOffsets, 7, {
      replicaId: -1, isolationLevel: 0,
      topics: [{ name: 'multi', partitions: [0, 1].map((i) => ({ partitionIndex: i, currentLeaderEpoch: -1, timestamp: -1, maxNumOffsets: 1 })) }],
    });
    t.same(lo.topics[0].partitions.map((p: any) => p.offset), [1, 0], 'what was answered NONE is stored, the other is not');
  });

  await t.test('odd header maxTimestamps are replaced by the records\' own; ListOffsets and retention follow the records', async (t) => {
    const now = Date.now();
    const one = plainRecords(1);
    const twoHoursAgo = oddBatch(recordsSection(one), headerFor(one, now - 2 * HOUR_MS));
    const saramaStyle = oddBatch(recordsSection(one), { ...headerFor(one, now), maxTimestamp: -1 });
    const longAgo = oddBatch(recordsSection(one), { ...headerFor(one, now), maxTimestamp: now - 10 * 24 * HOUR_MS });
    const farFuture = oddBatch(recordsSection(one), { ...headerFor(one, now), maxTimestamp: now + 10 * 365 * 24 * HOUR_MS });
    // baseTimestamp an hour back, the record's delta brings it to now: the record says now.
    const shifted = [{ value: 'v0', offsetDelta: 0, timestampDelta: HOUR_MS }];
    const skewedFirst = oddBatch(recordsSection(shifted), { baseTimestamp: now - HOUR_MS, maxTimestamp: -1, recordCount: 1, lastOffsetDelta: 0 });
    // No record has a timestamp (-1) but the header claims one: indexed at its append time.
    const noTimestamps = oddBatch(recordsSection(one), { baseTimestamp: -1, maxTimestamp: now - 10 * 24 * HOUR_MS, recordCount: 1, lastOffsetDelta: 0 });
    const tail = oddBatch(recordsSection(one), headerFor(one, now));
    const sentAt = Date.now();
    for (const b of [twoHoursAgo, saramaStyle, longAgo, farFuture, skewedFirst, noTimestamps, tail]) t.equal((await produce('aging', b)).errorCode, ErrorCode.NONE);

    // Retention may take the two-hour-old batch (offset 0) at any moment: read the fresh ones.
    const stored = await fetchBatches('aging', 1);
    const maxTimestamps = stored.map((b) => readBatchHeader(b).maxTimestamp);
    t.same([...maxTimestamps.slice(0, 4), maxTimestamps[5]], [now, now, now, now, now], 'stored maxTimestamp = the largest record timestamp');
    t.ok(maxTimestamps[4]! >= sentAt && maxTimestamps[4]! <= Date.now(), 'a batch without record timestamps carries its append time');
    const timestamps = (await Promise.all(stored.map((b) => decodeBatchRecords(b)))).flat().map((r) => r.timestamp);
    t.same(timestamps, [now, now, now, now, -1, now], 'a consumer sees the records\' timestamps (CRCs checked)');

    const since = await listOffsets('aging', now - 60_000);
    t.same([since.offset, since.timestamp], [1, now], 'the first record at or after a minute ago');
    const future = await listOffsets('aging', now + 24 * HOUR_MS);
    t.same([future.offset, future.timestamp], [-1, -1], 'no record is dated tomorrow, whatever a header said');

    let start = 0;
    for (let i = 0; i < WAIT_STEPS_MAX && start === 0; i++) {
      await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
      start = (await listOffsets('aging', -2)).offset;
    }
    t.equal(start, 1, 'retention deleted the two-hour-old batch and kept every fresh one');
  });
});
