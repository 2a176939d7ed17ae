/**
 * Corruption followed by valid batches (a flipped byte in the middle of a segment, in the active
 * or an older segment) fences the log: open throws CORRUPT_LOG naming file, byte and offset, and
 * changes nothing. A torn tail is still truncated. repairPartitionLog (the `canopy journal repair`
 * tool) truncates or skips the damage, moving the removed bytes into a quarantine folder.
 */
import t, { type Test } from 'tap';
import { cp, mkdtemp, rm, readdir, readFile, writeFile, unlink, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartitionLog, DEFAULT_JOURNAL_CONFIG, CorruptLogError, type JournalConfig } from '../../src/journal/partition-log.js';
import { CLEAN_SHUTDOWN_FILE, RECOVERY_POINT_FILE } from '../../src/journal/file-names.js';
import { repairPartitionLog } from '../../src/journal/repair.js';
import { makeBatch, splitBatches, batchIdentity, headerOf } from '../helpers/journal-batches.js';

const CONFIG: JournalConfig = { ...DEFAULT_JOURNAL_CONFIG, segmentBytesMax: 4096, indexIntervalBytes: 256, fsync: { mode: 'always' } };
const BATCHES = 30;
/** One test batch: the 61-byte header and 440 payload bytes. */
const BATCH_BYTES = 61 + 440;

interface Written { dir: string; ids: Map<number, string>; segments: string[] }

/** A closed log of BATCHES single-record batches (about 500 bytes each, several segments). */
async function writeLog(t: Test): Promise<Written> {
  const dir = await mkdtemp(join(tmpdir(), 'canopy-journal-corrupt-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const log = await PartitionLog.open(join(dir, 'p'), CONFIG);
  const ids = new Map<number, string>();
  for (let i = 0; i < BATCHES; i++) {
    const b = makeBatch({ records: 1, payloadBytes: 440, maxTimestamp: i, seed: i });
    const r = await log.append(b, { leaderEpoch: 1 });
    ids.set(r.baseOffset, batchIdentity(b));
  }
  await log.close();
  const segments = (await readdir(join(dir, 'p'))).filter((n) => n.endsWith('.log')).sort();
  return { dir: join(dir, 'p'), ids, segments };
}

/** As after a crash: no clean-shutdown marker; `fullScan` also loses the recovery point (every segment is scanned). */
async function crash(dir: string, fullScan: boolean): Promise<void> {
  await unlink(join(dir, CLEAN_SHUTDOWN_FILE));
  if (fullScan) await unlink(join(dir, RECOVERY_POINT_FILE));
}

/** Flips one payload byte of the `nth` batch of `segment`; returns the batch's byte position and offset. */
async function flip(dir: string, segment: string, nth: number): Promise<{ position: number; offset: number }> {
  const path = join(dir, segment);
  const buf = await readFile(path);
  let p = 0;
  for (let i = 0; i < nth; i++) p += buf.readInt32BE(p + 8) + 12;
  const offset = headerOf(buf.subarray(p)).baseOffset;
  buf[p + 100]! ^= 0x04;
  await writeFile(path, buf);
  return { position: p, offset };
}

async function files(dir: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const n of (await readdir(dir)).sort()) out[n] = (await stat(join(dir, n))).size;
  return out;
}

async function readIds(log: PartitionLog): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (log.logEndOffset === log.logStartOffset) return out;
  for (const b of splitBatches(Buffer.concat((await log.read(log.logStartOffset, 1 << 30)).chunks))) out.set(headerOf(b).baseOffset, batchIdentity(b));
  return out;
}

async function openFails(t: Test, dir: string): Promise<CorruptLogError> {
  const err = await PartitionLog.open(dir, CONFIG).then(() => null, (e: unknown) => e);
  t.ok(err instanceof CorruptLogError, `open refused: ${String(err)}`);
  return err as CorruptLogError;
}

t.test('a torn tail (nothing valid after it) is still truncated', async (t) => {
  const w = await writeLog(t);
  const last = join(w.dir, w.segments[w.segments.length - 1]!);
  const bytes = await readFile(last);
  const torn = makeBatch({ records: 1, payloadBytes: 440, maxTimestamp: 1, seed: 999 }).subarray(0, 200);
  await writeFile(last, Buffer.concat([bytes, torn]));
  await crash(w.dir, false);
  const log = await PartitionLog.open(w.dir, CONFIG);
  t.same([...(await readIds(log)).entries()], [...w.ids.entries()], 'every batch is back, the torn bytes are gone');
  t.equal((await stat(last)).size, bytes.length);
  await log.close();
});

for (const where of ['the active segment', 'an older segment'] as const) {
  t.test(`a flipped byte in the middle of ${where} fences the log and changes nothing; repair truncates or skips it`, async (t) => {
    const w = await writeLog(t);
    t.ok(w.segments.length >= 3, `${w.segments.length} segments`);
    const segment = where === 'an older segment' ? w.segments[0]! : w.segments[w.segments.length - 1]!;
    const hit = await flip(w.dir, segment, 2);
    await crash(w.dir, where === 'an older segment');
    const before = await files(w.dir);
    const err = await openFails(t, w.dir);
    t.equal(err.code, 'CORRUPT_LOG');
    t.equal(err.site.file, join(w.dir, segment), 'names the file');
    t.equal(err.site.position, hit.position, 'names the byte position');
    t.equal(err.site.offset, hit.offset, 'names the offset');
    t.match(err.message, new RegExp(`${segment} at byte ${hit.position} \\(offset ${hit.offset}`));
    t.same(await files(w.dir), before, 'no file was deleted, truncated or added');
    t.same(await files(w.dir), before, 'a second refused open changes nothing either');
    await openFails(t, w.dir);

    // Repair, skip mode, on a copy: only the damaged batch is gone; the offsets after it keep their data.
    const skipped = `${w.dir}-skip`;
    await cp(w.dir, skipped, { recursive: true });
    t.teardown(() => rm(skipped, { recursive: true, force: true }));
    const skipQuarantine = `${skipped}-quarantine`;
    const skipSteps = await repairPartitionLog(skipped, skipQuarantine, 'skip');
    t.equal(skipSteps.length, 1);
    t.same(skipSteps[0]!.removedOffsets, { from: hit.offset, to: hit.offset + 1 });
    const skipLog = await PartitionLog.open(skipped, CONFIG);
    const expectSkip = new Map([...w.ids].filter(([o]) => o !== hit.offset));
    t.same([...(await readIds(skipLog)).entries()], [...expectSkip.entries()], 'every batch but the damaged one');
    const appended = await skipLog.append(makeBatch({ records: 1, payloadBytes: 10, maxTimestamp: 1, seed: 5 }), { leaderEpoch: 1 });
    t.equal(appended.baseOffset, BATCHES, 'appends continue at the old end');
    await skipLog.close();
    const reopened = await PartitionLog.open(skipped, CONFIG);
    t.equal(reopened.logEndOffset, BATCHES + 1, 'the gap survives a clean reopen');
    await reopened.close();
    const qSkip = await readdir(skipQuarantine);
    t.equal(qSkip.length, 1);
    t.equal((await stat(join(skipQuarantine, qSkip[0]!))).size, BATCH_BYTES, 'the quarantine holds the damaged batch');

    // Repair, truncate mode: the log ends at the damage; everything after it is in quarantine.
    const quarantine = `${w.dir}-quarantine`;
    t.teardown(() => rm(quarantine, { recursive: true, force: true }));
    const steps = await repairPartitionLog(w.dir, quarantine, 'truncate');
    t.equal(steps.length, 1);
    t.same(steps[0]!.removedOffsets, { from: hit.offset, to: null });
    const log = await PartitionLog.open(w.dir, CONFIG);
    t.equal(log.logEndOffset, hit.offset);
    t.same([...(await readIds(log)).entries()], [...w.ids].filter(([o]) => o < hit.offset));
    await log.close();
    let removedBytes = 0;
    for (const n of await readdir(quarantine)) removedBytes += (await stat(join(quarantine, n))).size;
    const totalBefore = Object.entries(before).filter(([n]) => n.endsWith('.log')).reduce((s, [, n]) => s + n, 0);
    t.equal(removedBytes, totalBefore - hit.position - bytesBefore(before, segment), 'every removed byte is in quarantine');
    t.same(await repairPartitionLog(w.dir, quarantine, 'truncate'), [], 'a second repair finds nothing');
  });
}

/** Log bytes in the segments before `segment`. */
function bytesBefore(sizes: Record<string, number>, segment: string): number {
  return Object.entries(sizes).filter(([n]) => n.endsWith('.log') && n < segment).reduce((s, [, n]) => s + n, 0);
}

t.test('damage in the last batch of an older segment: valid data resumes in the next segment; skip keeps it', async (t) => {
  const w = await writeLog(t);
  const first = join(w.dir, w.segments[0]!);
  const bytes = await readFile(first);
  let last = 0, n = 0;
  for (let p = 0; p < bytes.length; p += bytes.readInt32BE(p + 8) + 12) { last = p; n++; }
  const hit = await flip(w.dir, w.segments[0]!, n - 1);
  t.equal(hit.position, last);
  await crash(w.dir, true);
  const err = await openFails(t, w.dir);
  t.same(err.resume, { file: join(w.dir, w.segments[1]!), position: 0, offset: Number(w.segments[1]!.slice(0, 20)) }, 'valid data resumes at the start of the next segment');
  const quarantine = `${w.dir}-quarantine`;
  t.teardown(() => rm(quarantine, { recursive: true, force: true }));
  const steps = await repairPartitionLog(w.dir, quarantine, 'skip');
  t.same(steps.map((s) => s.removedOffsets), [{ from: hit.offset, to: hit.offset + 1 }]);
  t.equal((await readdir(w.dir)).filter((f) => f.endsWith('.log')).length, w.segments.length, 'every segment is still there');
  const log = await PartitionLog.open(w.dir, CONFIG);
  t.same([...(await readIds(log)).entries()], [...w.ids].filter(([o]) => o !== hit.offset));
  await log.close();
});
