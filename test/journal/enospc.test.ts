import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile, unlink } from 'node:fs/promises';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartitionLog, DEFAULT_JOURNAL_CONFIG, FLUSH_AHEAD_BYTES, type JournalConfig, type JournalFile } from '../../src/journal/partition-log.js';
import { FullDiskFileLayer } from '../helpers/journal-fault-fs.js';
import { makeBatch, splitBatches, batchIdentity, headerOf } from '../helpers/journal-batches.js';

const CONFIG: JournalConfig = { ...DEFAULT_JOURNAL_CONFIG, segmentBytesMax: 64 * 1024, indexIntervalBytes: 1024, fsync: { mode: 'always' } };

async function readIds(log: PartitionLog): Promise<string[]> {
  const r = await log.read(log.logStartOffset, 1 << 30);
  return splitBatches(Buffer.concat(r.chunks)).map(batchIdentity);
}

t.test('ENOSPC from a fault-injecting file layer: append fails cleanly, reads go on, appends resume', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'canopy-journal-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const fs = new FullDiskFileLayer();
  const log = await PartitionLog.open(dir, CONFIG, { fs });
  const ok: string[] = [];
  for (let i = 0; i < 40; i++) {
    const b = makeBatch({ records: 2, payloadBytes: 1000, maxTimestamp: i, seed: i });
    ok.push(batchIdentity(b));
    await log.append(b, { leaderEpoch: 1 });
  }
  const endBefore = log.logEndOffset;
  fs.bytesFree = 2500; // two more batches fit, the third is cut mid-write
  const attempts = Array.from({ length: 5 }, (_, i) => makeBatch({ records: 2, payloadBytes: 1000, maxTimestamp: 100 + i, seed: 100 + i }));
  const results: PromiseSettledResult<unknown>[] = [];
  for (const b of attempts) results.push((await Promise.allSettled([log.append(b, { leaderEpoch: 1 })]))[0]!);
  const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
  t.equal(failed.length, 3, 'two appends fitted, the third was cut mid-write, and the next ones failed');
  // A group of concurrent appends fails as a whole.
  const group = await Promise.allSettled([1, 2, 3].map((i) => log.append(makeBatch({ records: 1, payloadBytes: 50, maxTimestamp: 1, seed: 300 + i }), { leaderEpoch: 1 })));
  t.same(group.map((g) => g.status), ['rejected', 'rejected', 'rejected']);
  for (const f of failed) t.match(f.reason, { code: 'STORAGE', message: /ENOSPC/ });
  // What resolved is in the log, in order; nothing of what failed is.
  const resolved = results.flatMap((r, i) => (r.status === 'fulfilled' ? [batchIdentity(attempts[i]!)] : []));
  t.same(await readIds(log), [...ok, ...resolved], 'log = acknowledged batches only');
  t.equal(log.logEndOffset, endBefore + resolved.length * 2);
  // Reads keep working at every offset while the disk is full.
  const mid = await log.read(10, 1);
  t.equal(headerOf(splitBatches(Buffer.concat(mid.chunks))[0]!).baseOffset, 10);
  // More appends keep failing while full, without damaging the log.
  await t.rejects(log.append(makeBatch({ records: 1, payloadBytes: 10, maxTimestamp: 1, seed: 999 }), { leaderEpoch: 1 }), { code: 'STORAGE' });
  // Space is back: appends resume at the next offset, and the log survives a reopen.
  fs.bytesFree = Number.MAX_SAFE_INTEGER;
  const after = makeBatch({ records: 3, payloadBytes: 500, maxTimestamp: 5, seed: 555 });
  const r = await log.append(after, { leaderEpoch: 1 });
  t.equal(r.baseOffset, endBefore + resolved.length * 2, 'offsets continue without a gap');
  // Roll into new segments after the failure too.
  for (let i = 0; i < 80; i++) await log.append(makeBatch({ records: 1, payloadBytes: 1000, maxTimestamp: i, seed: 2000 + i }), { leaderEpoch: 1 });
  const idsLive = await readIds(log);
  await log.close();
  const again = await PartitionLog.open(dir, CONFIG);
  t.same(await readIds(again), idsLive, 'same log after reopen');
  t.equal(idsLive.length, ok.length + resolved.length + 1 + 80);
  await again.close();
});

t.test('a failed fdatasync fails the appends it covered and cuts them from the log', async (t) => {
  for (const fsync of [{ mode: 'always' } as const, { mode: 'interval', intervalMs: 5 } as const]) {
    const dir = await mkdtemp(join(tmpdir(), 'canopy-journal-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    const fs = new FullDiskFileLayer();
    const log = await PartitionLog.open(dir, { ...CONFIG, fsync }, { fs });
    const first = makeBatch({ records: 2, payloadBytes: 100, maxTimestamp: 1, seed: 1 });
    await log.append(first, { leaderEpoch: 1 });
    fs.failSync = true;
    const failed = await Promise.allSettled([2, 3, 4].map((i) => log.append(makeBatch({ records: 1, payloadBytes: 100, maxTimestamp: 1, seed: i }), { leaderEpoch: 1 })));
    t.same(failed.map((f) => f.status), ['rejected', 'rejected', 'rejected'], `${fsync.mode}: appends fail`);
    t.match((failed[0] as PromiseRejectedResult).reason, { code: 'STORAGE', message: /EIO/ });
    t.equal(log.logEndOffset, 2, `${fsync.mode}: the failed appends are not in the log`);
    t.same(await readIds(log), [batchIdentity(first)]);
    fs.failSync = false;
    const again = makeBatch({ records: 1, payloadBytes: 100, maxTimestamp: 1, seed: 9 });
    t.equal((await log.append(again, { leaderEpoch: 1 })).baseOffset, 2, `${fsync.mode}: appends resume at the same offset`);
    await log.close();
  }
});

t.test('a failure the journal cannot cut back out of the log: later appends are refused until reopen', async (t) => {
  for (const fault of ['fsync', 'write'] as const) {
    const dir = await mkdtemp(join(tmpdir(), 'canopy-journal-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    const fs = new FullDiskFileLayer();
    const log = await PartitionLog.open(dir, CONFIG, { fs });
    const first = makeBatch({ records: 2, payloadBytes: 100, maxTimestamp: 1, seed: 1 });
    await log.append(first, { leaderEpoch: 1 });
    fs.failTruncate = true;
    if (fault === 'fsync') fs.failSync = true;
    else fs.bytesFree = 150; // the next batch is written in part
    await t.rejects(log.append(makeBatch({ records: 3, payloadBytes: 100, maxTimestamp: 1, seed: 2 }), { leaderEpoch: 1 }), { code: 'STORAGE', message: fault === 'fsync' ? /EIO/ : /ENOSPC/ });
    // The device recovers, but the failed bytes are still in the file.
    fs.failSync = false;
    fs.failTruncate = false;
    fs.bytesFree = Number.MAX_SAFE_INTEGER;
    const later = makeBatch({ records: 1, payloadBytes: 10, maxTimestamp: 1, seed: 3 });
    await t.rejects(log.append(later, { leaderEpoch: 1 }), { code: 'STORAGE', message: /refuses appends .*restart the node/ }, `${fault}: not acknowledged behind bytes nobody was promised`);
    t.same((await readIds(log)).slice(0, 1), [batchIdentity(first)], `${fault}: what was acknowledged stays readable`);
    await log.close();
    const reopened = await PartitionLog.open(dir, CONFIG);
    const r = await reopened.append(later, { leaderEpoch: 1 });
    t.same((await readIds(reopened)).at(-1), batchIdentity(later), `${fault}: appends work again after a reopen (at offset ${r.baseOffset})`);
    t.same((await readIds(reopened))[0], batchIdentity(first));
    await reopened.close();
  }
});

/** Counts fdatasync calls on journal files (to see a large group flushed ahead in chunks). */
class CountingSyncs extends FullDiskFileLayer {
  syncs = 0;
  override async open(path: string, create: boolean): Promise<JournalFile> {
    const f = await super.open(path, create);
    return { ...f, datasync: () => { this.syncs++; return f.datasync(); } };
  }
}

t.test('fsync always: a large group is flushed ahead in chunks, and a failure in any chunk or early flush fails the whole group', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'canopy-journal-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const fs = new CountingSyncs();
  const config: JournalConfig = { ...CONFIG, segmentBytesMax: 64 * 1024 * 1024 };
  const log = await PartitionLog.open(dir, config, { fs });
  const groupBytes = 4 * FLUSH_AHEAD_BYTES;
  const batchBytes = 512 * 1024;
  const group = (seed: number): Buffer[] => Array.from({ length: groupBytes / batchBytes }, (_, i) => makeBatch({ records: 1, payloadBytes: batchBytes - 61, maxTimestamp: seed + i, seed: seed + i }));
  const appendAll = (bs: Buffer[]) => Promise.allSettled(bs.map((b) => log.append(b, { leaderEpoch: 1 })));

  const first = group(0);
  const ids = first.map(batchIdentity);
  const syncsBefore = fs.syncs;
  const ok = await appendAll(first);
  t.same(ok.map((r) => r.status), first.map(() => 'fulfilled'), 'one group of 16 MiB: every append resolves');
  t.ok(fs.syncs - syncsBefore >= 3, `flushed ahead while writing (${fs.syncs - syncsBefore} fdatasyncs for one group)`);
  t.same(await readIds(log), ids);

  fs.bytesFree = FLUSH_AHEAD_BYTES + FLUSH_AHEAD_BYTES / 2; // the first chunk fits, the second is cut
  const full = await appendAll(group(100));
  t.same(full.map((r) => r.status), first.map(() => 'rejected'), 'ENOSPC in a later chunk fails the whole group');
  t.match((full[0] as PromiseRejectedResult).reason, { code: 'STORAGE', message: /ENOSPC/ });
  t.equal(log.logEndOffset, first.length, 'none of it is in the log');
  t.same(await readIds(log), ids);

  fs.bytesFree = Number.MAX_SAFE_INTEGER;
  fs.failSync = true;
  const unsynced = await appendAll(group(200));
  t.same(unsynced.map((r) => r.status), first.map(() => 'rejected'), 'a failed fdatasync (the early one) fails the whole group');
  t.match((unsynced[0] as PromiseRejectedResult).reason, { code: 'STORAGE', message: /EIO/ });
  t.equal(log.logEndOffset, first.length);
  fs.failSync = false;

  const last = group(300);
  const resumed = await Promise.all(last.map((b) => log.append(b, { leaderEpoch: 1 })));
  t.same(resumed.map((r) => r.baseOffset), last.map((_, i) => first.length + i), 'appends resume at the same offsets');
  const all = [...ids, ...last.map(batchIdentity)];
  t.same(await readIds(log), all);
  await log.close();
  const again = await PartitionLog.open(dir, config);
  t.same(await readIds(again), all, 'same log after reopen');
  await again.close();
});

/** Mounts a 1 MiB tmpfs, or says why it cannot (not root, no mount permission in a container). */
function mountTinyTmpfs(): { base: string; mnt: string } | string {
  const base = mkdtempSync(join(tmpdir(), 'canopy-journal-tmpfs-'));
  const mnt = join(base, 'mnt');
  mkdirSync(mnt);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt], { stdio: 'pipe' });
    return { base, mnt };
  } catch (err) {
    rmSync(base, { recursive: true, force: true });
    return `cannot mount a tmpfs here (${String((err as Error).message).split('\n')[0]}); ENOSPC is covered by the fault-injecting layer`;
  }
}
const tmpfs = mountTinyTmpfs();

t.test('ENOSPC on a real tiny tmpfs', { skip: typeof tmpfs === 'string' ? tmpfs : false }, async (t) => {
  if (typeof tmpfs === 'string') return;
  const { base, mnt } = tmpfs;
  let log: PartitionLog | null = null;
  t.teardown(async () => {
    await log?.close().catch(() => undefined);
    try { execFileSync('umount', [mnt], { stdio: 'pipe' }); } catch { /* already gone */ }
    await rm(base, { recursive: true, force: true });
  });
  // Another tenant's file takes space; deleting it later frees space for the journal.
  const ballast = join(mnt, 'ballast');
  await writeFile(ballast, Buffer.alloc(256 * 1024, 1));
  const dir = join(mnt, 'topic-0');
  log = await PartitionLog.open(dir, { ...CONFIG, segmentBytesMax: 256 * 1024 });
  const acked: string[] = [];
  let failure: unknown = null;
  for (let i = 0; i < 2000 && failure === null; i++) {
    const b = makeBatch({ records: 1, payloadBytes: 4000, maxTimestamp: i, seed: i });
    try { await log.append(b, { leaderEpoch: 0 }); acked.push(batchIdentity(b)); } catch (err) { failure = err; }
  }
  t.match(failure, { code: 'STORAGE', message: /ENOSPC/ }, 'the append that did not fit failed with a storage error');
  t.ok(acked.length > 50, `${acked.length} appends fitted first`);
  t.same(await readIds(log), acked, 'reads go on: every acknowledged batch is there');
  await t.rejects(log.append(makeBatch({ records: 1, payloadBytes: 4000, maxTimestamp: 1, seed: 4242 }), { leaderEpoch: 0 }), { code: 'STORAGE' }, 'still full');
  await unlink(ballast);
  const b = makeBatch({ records: 1, payloadBytes: 4000, maxTimestamp: 1, seed: 77777 });
  const r = await log.append(b, { leaderEpoch: 0 });
  t.equal(r.baseOffset, acked.length, 'appends resume after space is freed, at the next offset');
  t.same(await readIds(log), [...acked, batchIdentity(b)]);
  await log.close();
  const again = await PartitionLog.open(dir, CONFIG);
  log = again;
  t.same(await readIds(again), [...acked, batchIdentity(b)], 'and the log reopens intact');
});
