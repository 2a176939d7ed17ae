import t from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartitionLog, DEFAULT_JOURNAL_CONFIG, PageCache, type JournalConfig } from '../../src/journal/partition-log.js';
import { makeBatch } from '../helpers/journal-batches.js';

const PAGE = 4096;
const CONFIG: JournalConfig = { ...DEFAULT_JOURNAL_CONFIG, segmentBytesMax: 64 * 1024, indexIntervalBytes: 1024, fsync: { mode: 'never' } };

async function setup(t: { teardown(fn: () => unknown): void }, cache: PageCache, batches: number): Promise<PartitionLog> {
  const dir = await mkdtemp(join(tmpdir(), 'canopy-journal-cache-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const log = await PartitionLog.open(dir, CONFIG, { cache });
  for (let i = 0; i < batches; i++) await log.append(makeBatch({ records: 1, payloadBytes: 2000, maxTimestamp: i, seed: i }), { leaderEpoch: 0 });
  return log;
}

t.test('PageCache bounds and hit ratio', async (t) => {
  t.throws(() => new PageCache({ cacheBytesMax: -1 }));
  t.throws(() => new PageCache({ cacheBytesMax: 1 << 20, pageBytes: 100 }));
  const c = new PageCache({ cacheBytesMax: 8 * PAGE, pageBytes: PAGE });
  t.equal(c.hitRatio(), 0, 'no lookups yet');
  const log = await setup(t, c, 60); // ~30 pages through an 8-page cache
  t.ok(c.stats().bytes <= 8 * PAGE, `cache holds ${c.stats().bytes} bytes of at most ${8 * PAGE}`);
  await log.read(log.logEndOffset - 1, 1);
  await log.read(log.logEndOffset - 1, 1);
  const s = c.stats();
  t.ok(s.hits > 0 && s.hitRatio === s.hits / (s.hits + s.misses));
  await log.close();
});

t.test('a consumer replaying old data does not evict the pages tail readers use', async (t) => {
  const cache = new PageCache({ cacheBytesMax: 24 * PAGE, pageBytes: PAGE });
  const log = await setup(t, cache, 100); // ~50 pages in 4 segments
  const tailRead = async (): Promise<void> => { for (let o = log.logEndOffset - 4; o < log.logEndOffset; o++) await log.read(o, 1); };
  await tailRead();
  const before = cache.stats();
  await tailRead();
  t.equal(cache.stats().misses, before.misses, 'tail reads are served from memory');
  // Replay the oldest 60% of the log: ~30 pages through a 24-page cache.
  for (let o = log.logStartOffset; o < 60; o++) await log.read(o, 1);
  const afterReplay = cache.stats();
  t.ok(afterReplay.misses > before.misses + 20, `the replay read ${afterReplay.misses - before.misses} pages from disk`);
  t.ok(afterReplay.evictions > before.evictions, 'and forced evictions');
  await tailRead();
  t.equal(cache.stats().misses, afterReplay.misses, 'tail pages are still cached after the replay');
  await log.close();
});

t.test('a sequential reader near the end of a segment preloads the next one', async (t) => {
  const writerCache = new PageCache({ cacheBytesMax: 0, pageBytes: PAGE }); // nothing cached while writing
  const log = await setup(t, writerCache, 70);
  const segs = log.segmentBaseOffsets();
  t.ok(segs.length >= 3);
  await log.close();
  const cache = new PageCache({ cacheBytesMax: 1 << 20, pageBytes: PAGE });
  const cold = await PartitionLog.open(log.dir, CONFIG, { cache });
  // Read the last batch of segment 0: the reader is at the segment's end.
  await cold.read(segs[1]! - 1, 1);
  for (let i = 0; i < 100 && cache.stats().pages < 3; i++) await new Promise((r) => setTimeout(r, 5));
  t.equal(cache.stats().preloads > 0, true, 'a preload started');
  const before = cache.stats().misses;
  await cold.read(segs[1]!, 1);
  t.equal(cache.stats().misses, before, 'the first batch of the next segment came from memory');
  await cold.close();
});
