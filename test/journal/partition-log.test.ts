import t, { type Test } from 'tap';
import { mkdtemp, rm, readdir, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartitionLog, DEFAULT_JOURNAL_CONFIG, JournalError, PageCache, type JournalConfig } from '../../src/journal/partition-log.js';
import { CLEAN_SHUTDOWN_FILE } from '../../src/journal/file-names.js';
import { makeBatch, rng, splitBatches, batchIdentity, headerOf } from '../helpers/journal-batches.js';

interface Expected { base: number; last: number; id: string; maxTs: number }

const SMALL: JournalConfig = { ...DEFAULT_JOURNAL_CONFIG, segmentBytesMax: 16 * 1024, indexIntervalBytes: 700, fsync: { mode: 'never' } };

async function tempDir(t: { teardown(fn: () => unknown): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'canopy-journal-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Appends `n` random appends (1-4 batches each) and returns what the log must hold. */
async function fill(log: PartitionLog, n: number, seed: number, opts: { payloadMax?: number; epoch?: number; concurrent?: boolean } = {}): Promise<Expected[]> {
  const r = rng(seed);
  const out: Expected[] = [];
  const pending: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const batches = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, j) => makeBatch({
      records: 1 + Math.floor(r() * 5), payloadBytes: Math.floor(r() * (opts.payloadMax ?? 1500)), maxTimestamp: Math.floor(r() * 100_000), seed: seed * 100_000 + i * 10 + j,
    }));
    const ids = batches.map((b) => ({ id: batchIdentity(b), n: headerOf(b).lastOffsetDelta + 1, maxTs: headerOf(b).maxTimestamp }));
    const p = log.append(Buffer.concat(batches), { leaderEpoch: opts.epoch ?? 1 }).then((res) => {
      let o = res.baseOffset;
      ids.forEach((x) => { out.push({ base: o, last: o + x.n - 1, id: x.id, maxTs: x.maxTs }); o += x.n; });
      if (o - 1 !== res.lastOffset) throw new Error('lastOffset mismatch');
    });
    if (opts.concurrent) pending.push(p); else await p;
  }
  await Promise.all(pending);
  return out.sort((a, b) => a.base - b.base);
}

async function readAll(log: PartitionLog, from = log.logStartOffset): Promise<Buffer[]> {
  const out: Buffer[] = [];
  let o = from;
  for (let guard = 0; o < log.logEndOffset && guard < 100_000; guard++) {
    const r = await log.read(o, 5000);
    const bs = splitBatches(Buffer.concat(r.chunks));
    if (bs.length === 0) break;
    out.push(...bs);
    const last = headerOf(bs[bs.length - 1]!);
    o = last.baseOffset + last.lastOffsetDelta + 1;
  }
  return out;
}

function checkAgainst(t: Test, got: Buffer[], want: Expected[]): void {
  t.equal(got.length, want.length, 'batch count');
  let ok = true;
  for (let i = 0; i < Math.min(got.length, want.length); i++) {
    const h = headerOf(got[i]!);
    if (h.baseOffset !== want[i]!.base || batchIdentity(got[i]!) !== want[i]!.id || h.baseOffset + h.lastOffsetDelta !== want[i]!.last) { ok = false; t.fail(`batch ${i} differs (offset ${h.baseOffset}, want ${want[i]!.base})`); break; }
  }
  t.ok(ok, 'every batch intact, in order, at its offset');
}

t.test('round trip of random batches across segment rolls, before and after reopen', async (t) => {
  const dir = await tempDir(t);
  const log = await PartitionLog.open(dir, SMALL);
  const want = await fill(log, 200, 1);
  t.ok(log.segmentCount > 5, `rolled into ${log.segmentCount} segments`);
  t.equal(log.logEndOffset, want[want.length - 1]!.last + 1);
  checkAgainst(t, await readAll(log), want);
  await log.close();
  const names = await readdir(dir);
  t.ok(names.includes('00000000000000000000.log') && names.includes('00000000000000000000.index') && names.includes('00000000000000000000.timeindex'), 'segment files named by base offset');
  const again = await PartitionLog.open(dir, SMALL);
  checkAgainst(t, await readAll(again), want);
  t.equal(again.logEndOffset, want[want.length - 1]!.last + 1);
  // Appends continue after reopen.
  const more = await fill(again, 20, 2);
  checkAgainst(t, await readAll(again), [...want, ...more]);
  await again.close();
});

t.test('concurrent appends share group commits and keep call order', async (t) => {
  const dir = await tempDir(t);
  const log = await PartitionLog.open(dir, { ...SMALL, fsync: { mode: 'always' } });
  const batches = Array.from({ length: 64 }, (_, i) => makeBatch({ records: 2, payloadBytes: 200, maxTimestamp: i, seed: i }));
  const ids = batches.map(batchIdentity);
  const results = await Promise.all(batches.map((b) => log.append(b, { leaderEpoch: 3 })));
  t.same(results.map((r) => r.baseOffset), ids.map((_, i) => i * 2), 'offsets follow call order');
  const got = await readAll(log);
  t.same(got.map(batchIdentity), ids);
  t.same(got.map((b) => headerOf(b).partitionLeaderEpoch), ids.map(() => 3), 'epoch patched');
  await log.close();
});

t.test('read: at least one batch, maxBytes, maxOffset bound, out of range', async (t) => {
  const dir = await tempDir(t);
  const log = await PartitionLog.open(dir, SMALL);
  const big = makeBatch({ records: 4, payloadBytes: 3000, maxTimestamp: 1, seed: 1 });
  await log.append(big, { leaderEpoch: 0 });
  await log.append(makeBatch({ records: 1, payloadBytes: 10, maxTimestamp: 2, seed: 2 }), { leaderEpoch: 0 });
  const one = await log.read(2, 100);
  t.equal(one.bytes, big.length, 'a batch larger than maxBytes is still returned whole');
  t.equal(splitBatches(Buffer.concat(one.chunks)).length, 1);
  t.equal((await log.read(0, 1e6)).bytes, big.length + 71, 'both batches fit');
  t.equal((await log.read(0, 1e6, { maxOffset: 4 })).bytes, big.length, 'maxOffset excludes the batch at 4');
  t.same(await log.read(4, 1e6, { maxOffset: 4 }), { chunks: [], bytes: 0 }, 'empty at the bound');
  t.same(await log.read(5, 1e6), { chunks: [], bytes: 0 }, 'empty at log end');
  await t.rejects(log.read(6, 10), { code: 'OFFSET_OUT_OF_RANGE' });
  await t.rejects(log.read(-1, 10), { code: 'OFFSET_OUT_OF_RANGE' });
  await log.close();
  await t.rejects(log.read(0, 10), { code: 'CLOSED' });
  await t.rejects(log.append(big, { leaderEpoch: 0 }), { code: 'CLOSED' });
});

t.test('append validates every batch before writing any', async (t) => {
  const dir = await tempDir(t);
  const log = await PartitionLog.open(dir, { ...SMALL, batchBytesMax: 2000 });
  const good = makeBatch({ records: 1, payloadBytes: 100, maxTimestamp: 1, seed: 1 });
  const bad = makeBatch({ records: 1, payloadBytes: 100, maxTimestamp: 1, seed: 2 });
  bad[100] ^= 1;
  await t.rejects(log.append(Buffer.concat([good, bad]), { leaderEpoch: 0 }), { code: 'CORRUPT_BATCH' });
  const wrongMagic = Buffer.from(good); wrongMagic[16] = 1;
  await t.rejects(log.append(wrongMagic, { leaderEpoch: 0 }), { code: 'CORRUPT_BATCH' });
  await t.rejects(log.append(good.subarray(0, 80), { leaderEpoch: 0 }), { code: 'CORRUPT_BATCH' });
  await t.rejects(log.append(makeBatch({ records: 1, payloadBytes: 3000, maxTimestamp: 1, seed: 3 }), { leaderEpoch: 0 }), { code: 'BATCH_TOO_LARGE' });
  await t.rejects(log.append(Buffer.alloc(0), { leaderEpoch: 0 }), JournalError);
  t.equal(log.logEndOffset, 0, 'nothing written');
  t.same((await log.append(good, { leaderEpoch: 0 })).baseOffset, 0);
  await log.close();
});

t.test('property: offset and time lookups across segment rolls, clean and unclean reopen', async (t) => {
  const dir = await tempDir(t);
  const log = await PartitionLog.open(dir, SMALL);
  const want = await fill(log, 150, 7, { concurrent: true });
  const check = async (l: PartitionLog, label: string): Promise<void> => {
    const r = rng(99);
    let bad = 0;
    for (let i = 0; i < 300; i++) {
      const o = Math.floor(r() * l.logEndOffset);
      const got = splitBatches(Buffer.concat((await l.read(o, 1)).chunks));
      const exp = want.find((w) => w.base <= o && o <= w.last)!;
      if (got.length !== 1 || headerOf(got[0]!).baseOffset !== exp.base || batchIdentity(got[0]!) !== exp.id) bad++;
      const ts = Math.floor(r() * 110_000);
      const found = await l.offsetForTimestamp(ts);
      const expT = want.find((w) => w.maxTs >= ts);
      if ((found?.offset ?? null) !== (expT?.base ?? null)) bad++;
      if (found && batchIdentity(found.batch) !== expT!.id) bad++;
    }
    t.equal(bad, 0, `${label}: 300 offset and 300 timestamp lookups agree with the model`);
  };
  await check(log, 'live');
  await log.close();
  const clean = await PartitionLog.open(dir, SMALL);
  await check(clean, 'clean reopen');
  await clean.flush();
  // Simulate a crash: no clean-shutdown marker, indexes are then rebuilt from the recovery point.
  const copy = await mkdtemp(join(tmpdir(), 'canopy-journal-'));
  t.teardown(() => rm(copy, { recursive: true, force: true }));
  await clean.close();
  await unlink(join(dir, CLEAN_SHUTDOWN_FILE));
  const unclean = await PartitionLog.open(dir, SMALL);
  await check(unclean, 'unclean reopen');
  await unclean.close();
});

t.test('truncateFrom cuts at batch boundaries, across segments, and appends continue', async (t) => {
  const dir = await tempDir(t);
  const log = await PartitionLog.open(dir, SMALL);
  const want = await fill(log, 120, 3, { epoch: 1 });
  await fill(log, 30, 4, { epoch: 5 }).then((more) => want.push(...more));
  const segsBefore = log.segmentCount;
  const mid = want[Math.floor(want.length / 3)]!;
  log.highWatermark = log.logEndOffset;
  await log.truncateFrom(mid.base + (mid.last > mid.base ? 1 : 0));
  t.equal(log.logEndOffset, mid.base, 'the batch holding the offset goes whole');
  t.ok(log.segmentCount < segsBefore, 'later segments deleted');
  t.equal(log.highWatermark, mid.base, 'high watermark clamped');
  t.same(log.endOffsetForEpoch(5), { epoch: 1, endOffset: mid.base }, 'epoch 5 forgotten');
  const kept = want.filter((w) => w.base < mid.base);
  checkAgainst(t, await readAll(log), kept);
  const more = await fill(log, 10, 5, { epoch: 6 });
  t.equal(more[0]!.base, mid.base, 'offsets reused after truncation');
  checkAgainst(t, await readAll(log), [...kept, ...more]);
  t.same(log.endOffsetForEpoch(6), { epoch: 6, endOffset: log.logEndOffset });
  t.same(log.endOffsetForEpoch(3), { epoch: 1, endOffset: mid.base });
  await log.close();
  const again = await PartitionLog.open(dir, SMALL);
  checkAgainst(t, await readAll(again), [...kept, ...more]);
  t.same(again.endOffsetForEpoch(1), { epoch: 1, endOffset: mid.base }, 'epochs persisted');
  await again.truncateFrom(0);
  t.equal(again.logEndOffset, 0);
  t.equal(again.sizeBytes, 0);
  await again.close();
});

t.test('truncateFrom is ordered with appends by call order', async (t) => {
  const dir = await tempDir(t);
  const log = await PartitionLog.open(dir, SMALL);
  const a = log.append(makeBatch({ records: 1, payloadBytes: 10, maxTimestamp: 1, seed: 1 }), { leaderEpoch: 1 });
  const b = log.append(makeBatch({ records: 1, payloadBytes: 10, maxTimestamp: 1, seed: 2 }), { leaderEpoch: 1 });
  const tr = log.truncateFrom(1);
  const c = log.append(makeBatch({ records: 1, payloadBytes: 10, maxTimestamp: 1, seed: 3 }), { leaderEpoch: 2 });
  t.same([(await a).baseOffset, (await b).baseOffset, await tr, (await c).baseOffset], [0, 1, undefined, 1]);
  t.equal(log.logEndOffset, 2);
  await log.close();
});

t.test('deleteBefore advances the log start and deletes whole segments below it', async (t) => {
  const dir = await tempDir(t);
  const log = await PartitionLog.open(dir, SMALL);
  const want = await fill(log, 100, 8);
  const segs = log.segmentBaseOffsets();
  const target = segs[3]! + 1;
  await log.deleteBefore(target);
  t.equal(log.logStartOffset, target);
  t.same(log.segmentBaseOffsets()[0], segs[3], 'segments wholly below are gone, the one holding it stays');
  await t.rejects(log.read(target - 1, 10), { code: 'OFFSET_OUT_OF_RANGE' });
  const got = await readAll(log, target);
  t.equal(headerOf(got[0]!).baseOffset <= target, true, 'read at the log start returns the batch holding it');
  await t.rejects(log.deleteBefore(log.logEndOffset + 1), { code: 'OFFSET_OUT_OF_RANGE' });
  await log.close();
  const again = await PartitionLog.open(dir, SMALL);
  t.equal(again.logStartOffset, target, 'log start persisted');
  await again.deleteBefore(again.logEndOffset);
  t.equal(again.logStartOffset, again.logEndOffset, 'everything deleted');
  t.equal(again.segmentCount, 1);
  t.equal(want.length > 0, true);
  const more = await fill(again, 3, 9);
  t.equal(more[0]!.base, want[want.length - 1]!.last + 1, 'offsets continue');
  await again.close();
});

t.test('retention by bytes and by time deletes whole segments, never the active one', async (t) => {
  const dir = await tempDir(t);
  const log = await PartitionLog.open(dir, { ...SMALL, retentionBytes: 40 * 1024, retentionMs: -1 });
  await fill(log, 150, 10);
  const before = log.sizeBytes;
  const { segmentsDeleted } = await log.enforceRetention(Date.now());
  t.ok(segmentsDeleted > 0, `deleted ${segmentsDeleted}`);
  t.ok(log.sizeBytes < 40 * 1024 + 16 * 1024 && log.sizeBytes < before, `size ${log.sizeBytes}`);
  t.equal(log.logStartOffset, log.segmentBaseOffsets()[0]);
  await log.close();

  const dir2 = await tempDir(t);
  const log2 = await PartitionLog.open(dir2, { ...SMALL, retentionBytes: -1, retentionMs: 1000 });
  for (let i = 0; i < 60; i++) await log2.append(makeBatch({ records: 1, payloadBytes: 1000, maxTimestamp: i * 100, seed: i }), { leaderEpoch: 0 });
  // Segments whose newest timestamp is older than now - 1000 go; now = 3500 keeps timestamps >= 2500.
  const r = await log2.enforceRetention(3500);
  t.ok(r.segmentsDeleted > 0);
  const first = splitBatches(Buffer.concat((await log2.read(log2.logStartOffset, 1)).chunks))[0]!;
  const segs = log2.segmentBaseOffsets();
  t.ok(segs.length >= 1);
  // Every remaining non-active segment has a timestamp >= 2500; the first remaining batch's segment did.
  t.ok(headerOf(first).maxTimestamp <= 3500);
  const all = await readAll(log2);
  t.ok(Math.max(...all.slice(0, all.length).map((b) => headerOf(b).maxTimestamp)) >= 2500);
  const all2 = await log2.enforceRetention(1e12);
  t.equal(log2.segmentCount, 1, `only the active segment is left (${all2.segmentsDeleted} more deleted)`);
  await log2.close();
});

t.test('segments roll by age', async (t) => {
  const dir = await tempDir(t);
  let now = 1_000_000;
  const log = await PartitionLog.open(dir, { ...SMALL, segmentBytesMax: 1 << 20, segmentMsMax: 60_000 }, { clock: () => now });
  await log.append(makeBatch({ records: 1, payloadBytes: 10, maxTimestamp: 1, seed: 1 }), { leaderEpoch: 0 });
  now += 59_999;
  await log.append(makeBatch({ records: 1, payloadBytes: 10, maxTimestamp: 1, seed: 2 }), { leaderEpoch: 0 });
  t.equal(log.segmentCount, 1);
  now += 1;
  await log.append(makeBatch({ records: 1, payloadBytes: 10, maxTimestamp: 1, seed: 3 }), { leaderEpoch: 0 });
  t.same(log.segmentBaseOffsets(), [0, 2], 'rolled at 60 s');
  await log.close();
});

t.test('fsync interval and never policies resolve appends', async (t) => {
  for (const fsync of [{ mode: 'interval', intervalMs: 5 } as const, { mode: 'never' } as const]) {
    const dir = await tempDir(t);
    const log = await PartitionLog.open(dir, { ...SMALL, fsync });
    const rs = await Promise.all(Array.from({ length: 10 }, (_, i) => log.append(makeBatch({ records: 1, payloadBytes: 10, maxTimestamp: 1, seed: i }), { leaderEpoch: 0 })));
    t.same(rs.map((r) => r.baseOffset), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], fsync.mode);
    await log.close();
  }
});

t.test('a shared cache serves tail reads from memory and reports its hit ratio', async (t) => {
  const dir = await tempDir(t);
  const cache = new PageCache({ cacheBytesMax: 1 << 20, pageBytes: 4096 });
  const log = await PartitionLog.open(dir, SMALL, { cache });
  await fill(log, 20, 11);
  const s0 = cache.stats();
  await log.read(log.logEndOffset - 1, 1000);
  const s1 = cache.stats();
  t.equal(s1.misses, s0.misses, 'a read at the tail needs no disk read');
  t.ok(s1.hits > s0.hits);
  t.ok(cache.hitRatio() > 0 && cache.hitRatio() <= 1);
  await log.close();
});

t.test('destroy removes the folder', async (t) => {
  const dir = await tempDir(t);
  const log = await PartitionLog.open(join(dir, 'topic-0'), SMALL);
  await fill(log, 3, 12);
  await log.destroy();
  t.same(await readdir(dir), []);
});

t.test('retention runs in the background when retentionCheckMs is set', async (t) => {
  const dir = await tempDir(t);
  const log = await PartitionLog.open(dir, { ...SMALL, retentionBytes: 20 * 1024, retentionMs: -1, retentionCheckMs: 10 });
  const want = await fill(log, 100, 13);
  const written = want.length;
  // Without retention the log would hold everything written (far more than 20 KiB + one segment).
  const bound = 20 * 1024 + SMALL.segmentBytesMax;
  for (let i = 0; i < 200 && log.sizeBytes > bound; i++) await new Promise((r) => setTimeout(r, 10));
  t.ok(log.sizeBytes <= bound, `${written} batches written, ${log.sizeBytes} bytes kept without an explicit call`);
  t.ok(log.logStartOffset > 0);
  await log.close();
});

t.test('logs opened without a cache share one default cache', async (t) => {
  const a = await PartitionLog.open(await tempDir(t), SMALL);
  const b = await PartitionLog.open(await tempDir(t), SMALL);
  t.equal(a.cache, b.cache);
  await a.close(); await b.close();
});

t.test('appendReplicated keeps the leader\'s offsets and epochs, byte for byte', async (t) => {
  const leader = await PartitionLog.open(await tempDir(t), SMALL);
  await fill(leader, 30, 21, { epoch: 2 });
  await fill(leader, 30, 22, { epoch: 5 });
  const follower = await PartitionLog.open(await tempDir(t), SMALL);
  // Replicate in reads of ~4 KiB, as a follower's fetch would.
  let o = 0;
  for (let guard = 0; o < leader.logEndOffset && guard < 10_000; guard++) {
    const r = await leader.read(o, 4096);
    const data = Buffer.from(Buffer.concat(r.chunks)); // our own copy: the leader's pages stay untouched
    const res = await follower.appendReplicated(data);
    t.equal(res.baseOffset, o);
    o = res.lastOffset + 1;
  }
  t.equal(follower.logEndOffset, leader.logEndOffset);
  const a = Buffer.concat((await leader.read(0, 1 << 30)).chunks);
  const b = Buffer.concat((await follower.read(0, 1 << 30)).chunks);
  t.ok(a.equals(b), 'identical bytes');
  t.same(follower.leaderEpochEntries(), leader.leaderEpochEntries());
  t.same(follower.endOffsetForEpoch(3), leader.endOffsetForEpoch(3));
  // A gap or a lower epoch is refused; the log is unchanged.
  const last = splitBatches(a).pop()!;
  await t.rejects(follower.appendReplicated(Buffer.from(last)), { code: 'CORRUPT_BATCH' }, 'not at logEndOffset');
  const fresh = makeBatch({ records: 1, payloadBytes: 10, maxTimestamp: 1, seed: 5 });
  fresh.writeUInt32BE(0, 0); fresh.writeUInt32BE(follower.logEndOffset, 4); // baseOffset = logEndOffset
  fresh.writeInt32BE(1, 12); // epoch 1 < 5
  await t.rejects(follower.appendReplicated(fresh), { code: 'CORRUPT_BATCH' }, 'lower epoch');
  t.equal(follower.logEndOffset, leader.logEndOffset);
  fresh.writeInt32BE(6, 12);
  t.equal((await follower.appendReplicated(fresh)).baseOffset, leader.logEndOffset, 'a contiguous batch with a newer epoch is taken');
  t.same(follower.endOffsetForEpoch(6), { epoch: 6, endOffset: follower.logEndOffset });
  await leader.close(); await follower.close();
});
