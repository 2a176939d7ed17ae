import t from 'tap';
import { mkdtemp, rm, readdir, readFile, writeFile, truncate, unlink, cp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartitionLog, DEFAULT_JOURNAL_CONFIG, type JournalConfig } from '../../src/journal/partition-log.js';
import { CLEAN_SHUTDOWN_FILE } from '../../src/journal/file-names.js';
import { makeBatch, rng, splitBatches, batchIdentity, headerOf } from '../helpers/journal-batches.js';

const CONFIG: JournalConfig = { ...DEFAULT_JOURNAL_CONFIG, segmentBytesMax: 8 * 1024, indexIntervalBytes: 300, fsync: { mode: 'always' } };
const CASES = 60;

interface B { base: number; last: number; id: string; maxTs: number; epoch: number }

async function readAllBatches(log: PartitionLog): Promise<Buffer[]> {
  if (log.logEndOffset === log.logStartOffset) return [];
  return splitBatches(Buffer.concat((await log.read(log.logStartOffset, 1 << 30)).chunks));
}

function capture(): { warns: object[]; logger: { info(): void; warn(o: object): void } } {
  const warns: object[] = [];
  return { warns, logger: { info() {}, warn(o: object) { warns.push(o); } } };
}

/** Every file's name and bytes (base64), to show an open changed nothing. */
async function snapshotFiles(dir: string): Promise<[string, string][]> {
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (n): Promise<[string, string]> => [n, (await readFile(join(dir, n))).toString('base64')]));
}

t.test('damaged tails recover to the longest valid prefix', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'canopy-journal-rec-'));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  const pristine = join(root, 'pristine');
  const log = await PartitionLog.open(pristine, CONFIG);
  const r = rng(5);
  const model: B[] = [];
  for (let i = 0; i < 70; i++) {
    const epoch = 1 + Math.floor(i / 20);
    const b = makeBatch({ records: 1 + Math.floor(r() * 4), payloadBytes: 50 + Math.floor(r() * 400), maxTimestamp: Math.floor(r() * 10_000), seed: i });
    const h = headerOf(b);
    const res = await log.append(b, { leaderEpoch: epoch });
    model.push({ base: res.baseOffset, last: res.lastOffset, id: batchIdentity(b), maxTs: h.maxTimestamp, epoch });
  }
  await log.close();
  const names = (await readdir(pristine)).filter((n) => n.endsWith('.log')).sort();
  t.ok(names.length >= 3, `${names.length} segments`);
  const newest = names[names.length - 1]!;
  const newestBase = Number(newest.slice(0, 20));
  const newestBytes = await readFile(join(pristine, newest));
  // Batch boundaries in the newest segment.
  const bounds: { start: number; end: number; base: number }[] = [];
  for (let p = 0; p < newestBytes.length;) {
    const n = newestBytes.readInt32BE(p + 8) + 12;
    bounds.push({ start: p, end: p + n, base: headerOf(newestBytes.subarray(p)).baseOffset });
    p += n;
  }
  t.ok(bounds.length >= 3, `${bounds.length} batches in the newest segment`);
  const before = model.filter((m) => m.base < newestBase);

  const rr = rng(77);
  let mismatches = 0;
  for (let c = 0; c < CASES; c++) {
    const work = join(root, `case-${c}`);
    await cp(pristine, work, { recursive: true });
    const kind = ['truncate-log', 'flip-log', 'damage-index', 'damage-timeindex', 'delete-index', 'flip-index-clean'][c % 6]!;
    let survivors = bounds.length; // batches of the newest segment expected back
    let partial = true; // the damage leaves invalid bytes that recovery must cut (and log)
    const logPath = join(work, newest);
    const idxPath = logPath.replace(/\.log$/, '.index');
    const tidxPath = logPath.replace(/\.log$/, '.timeindex');
    if (kind !== 'flip-index-clean') await unlink(join(work, CLEAN_SHUTDOWN_FILE)); // as after a crash
    if (kind === 'truncate-log') {
      const at = c < 6 ? 0 : Math.floor(rr() * newestBytes.length);
      await truncate(logPath, at);
      survivors = bounds.filter((b) => b.end <= at).length;
      partial = !bounds.some((b) => b.start === at) && at !== 0;
    } else if (kind === 'flip-log') {
      let x: number;
      let hit: { start: number };
      do { x = Math.floor(rr() * newestBytes.length); hit = bounds.find((b) => b.start <= x && x < b.end)!; } while (x - hit.start >= 12 && x - hit.start < 16); // epoch bytes are not covered by the CRC
      const buf = Buffer.from(newestBytes);
      buf[x]! ^= 1 << Math.floor(rr() * 8);
      await writeFile(logPath, buf);
      survivors = bounds.findIndex((b) => b.start <= x && x < b.end);
      // Valid batches after the flipped one: open refuses and changes nothing (corruption.test.ts).
      if (survivors < bounds.length - 1) {
        const filesBefore = await snapshotFiles(work);
        await PartitionLog.open(work, CONFIG).then(
          () => { mismatches++; t.fail(`case ${c}: a flip before valid batches was truncated instead of refused`); },
          (err: { code?: string }) => { if (err.code !== 'CORRUPT_LOG') { mismatches++; t.fail(`case ${c}: ${String(err)}`); } },
        );
        if (JSON.stringify(await snapshotFiles(work)) !== JSON.stringify(filesBefore)) { mismatches++; t.fail(`case ${c}: refused open changed files`); }
        await rm(work, { recursive: true, force: true });
        continue;
      }
    } else if (kind === 'damage-index' || kind === 'damage-timeindex' || kind === 'flip-index-clean') {
      const p = kind === 'damage-timeindex' ? tidxPath : idxPath;
      const buf = await readFile(p);
      if (buf.length > 0 && rr() < 0.5) { buf[Math.floor(rr() * buf.length)]! ^= 1 << Math.floor(rr() * 8); await writeFile(p, buf); }
      else await truncate(p, Math.floor(rr() * buf.length));
      if (kind === 'flip-index-clean') {
        // Also damage an older segment's index under a clean marker: its checksum catches it.
        const older = join(work, names[0]!.replace(/\.log$/, '.index'));
        const ob = await readFile(older);
        if (ob.length > 0) { ob[Math.floor(rr() * ob.length)]! ^= 0x10; await writeFile(older, ob); }
      }
    } else {
      await unlink(idxPath);
      await unlink(tidxPath);
    }
    const expected = [...before, ...model.filter((m) => m.base >= newestBase).slice(0, survivors)];
    const { warns, logger } = capture();
    const rec = await PartitionLog.open(work, CONFIG, { logger });
    const got = await readAllBatches(rec);
    const ok = got.length === expected.length && got.every((b, i) => headerOf(b).baseOffset === expected[i]!.base && batchIdentity(b) === expected[i]!.id);
    const end = expected.length === 0 ? 0 : expected[expected.length - 1]!.last + 1;
    if (!ok || rec.logEndOffset !== end) {
      mismatches++;
      t.fail(`case ${c} (${kind}): got ${got.length} batches / end ${rec.logEndOffset}, want ${expected.length} / ${end}`);
    }
    if ((kind === 'truncate-log' || kind === 'flip-log') && survivors < bounds.length && partial && !warns.some((w) => 'droppedBytes' in w || 'expectedBase' in w)) {
      mismatches++;
      t.fail(`case ${c}: the truncation was not logged`);
    }
    // Lookups agree with the model on what survived.
    for (let k = 0; k < 10 && expected.length > 0; k++) {
      const o = Math.floor(rr() * end);
      const hit = splitBatches(Buffer.concat((await rec.read(o, 1)).chunks))[0]!;
      const want = expected.find((m) => m.base <= o && o <= m.last)!;
      const ts = Math.floor(rr() * 10_500);
      const byTime = await rec.offsetForTimestamp(ts);
      const wantT = expected.find((m) => m.maxTs >= ts);
      if (batchIdentity(hit) !== want.id || (byTime?.offset ?? null) !== (wantT?.base ?? null)) { mismatches++; t.fail(`case ${c} (${kind}): lookup for ${o} / t=${ts}`); break; }
    }
    const lastEpoch = expected.length === 0 ? -1 : expected[expected.length - 1]!.epoch;
    if (rec.endOffsetForEpoch(99).epoch !== lastEpoch) { mismatches++; t.fail(`case ${c}: epoch map ${JSON.stringify(rec.leaderEpochEntries())}, want last epoch ${lastEpoch}`); }
    // The recovered log takes appends at the right offset and reopens identically.
    const next = await rec.append(makeBatch({ records: 1, payloadBytes: 10, maxTimestamp: 1, seed: 1000 + c }), { leaderEpoch: 9 });
    if (next.baseOffset !== end) { mismatches++; t.fail(`case ${c}: append after recovery at ${next.baseOffset}, want ${end}`); }
    await rec.close();
    const again = await PartitionLog.open(work, CONFIG);
    if ((await readAllBatches(again)).length !== expected.length + 1) { mismatches++; t.fail(`case ${c}: reopen after recovery`); }
    await again.close();
    await rm(work, { recursive: true, force: true });
  }
  t.equal(mismatches, 0, `${CASES} damage cases recovered to the longest valid prefix`);
  t.ok((await stat(pristine)).isDirectory());
});
