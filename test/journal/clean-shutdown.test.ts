import t from 'tap';
import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartitionLog, DEFAULT_JOURNAL_CONFIG, type JournalConfig } from '../../src/journal/partition-log.js';
import { parseCleanShutdownMarker } from '../../src/journal/clean-shutdown.js';
import { CLEAN_SHUTDOWN_FILE } from '../../src/journal/file-names.js';
import { makeBatch } from '../helpers/journal-batches.js';

const SMALL: JournalConfig = { ...DEFAULT_JOURNAL_CONFIG, segmentBytesMax: 4 * 1024, fsync: { mode: 'never' } };

t.test('a clean close writes one marker line per segment, and the next open reads and removes it', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'canopy-marker-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const log = await PartitionLog.open(dir, SMALL);
  for (let i = 0; i < 20; i++) await log.append(makeBatch({ records: 2, payloadBytes: 500, maxTimestamp: 1000 + i, seed: i }), { leaderEpoch: 1 });
  const bases = log.segmentBaseOffsets();
  t.ok(bases.length > 1, `rolled into ${bases.length} segments`);
  await log.close();

  const marker = parseCleanShutdownMarker(await readFile(join(dir, CLEAN_SHUTDOWN_FILE)));
  t.same([...marker.keys()], bases, 'every segment is in the marker, oldest first');
  for (const [base, crcs] of marker) t.ok(crcs.every((c) => Number.isInteger(c) && c >= 0), `segment ${base} has two index checksums`);

  const reopened = await PartitionLog.open(dir, SMALL);
  t.teardown(() => reopened.close());
  t.equal(reopened.logEndOffset, 40);
  await t.rejects(readFile(join(dir, CLEAN_SHUTDOWN_FILE)), { code: 'ENOENT' }, 'the marker goes once the log is open for writing');
});

t.test('a marker of an unknown version or with damaged lines yields no checksums', async (t) => {
  t.same([...parseCleanShutdownMarker(Buffer.from('v2\n0 1 2\n'))], []);
  t.same([...parseCleanShutdownMarker(Buffer.from('v1\n0 1 2\nx 1 2\n7 8\n'))], [[0, [1, 2]]]);
  t.same([...parseCleanShutdownMarker(Buffer.alloc(0))], []);
});

t.test('a damaged marker only costs an index check: the log opens with every batch', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'canopy-marker-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const log = await PartitionLog.open(dir, SMALL);
  for (let i = 0; i < 10; i++) await log.append(makeBatch({ records: 1, payloadBytes: 700, maxTimestamp: 1000 + i, seed: i }), { leaderEpoch: 1 });
  await log.close();
  await writeFile(join(dir, CLEAN_SHUTDOWN_FILE), 'garbage');
  const reopened = await PartitionLog.open(dir, SMALL);
  t.teardown(() => reopened.close());
  t.equal(reopened.logEndOffset, 10);
  const r = await reopened.read(0, 1 << 20);
  t.equal(r.bytes, reopened.sizeBytes, 'one read returns every byte of the log');
});

t.test('bytes after the last batch of a cleanly closed log whose header holds an unsafe int64: the index is rebuilt and the tail cut', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'canopy-marker-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const log = await PartitionLog.open(dir, SMALL);
  await log.append(makeBatch({ records: 2, payloadBytes: 100, maxTimestamp: 1, seed: 1 }), { leaderEpoch: 1 });
  await log.close();
  // Garbage whose first 8 bytes read as baseOffset 0x1111111111111111, beyond 2^53.
  const segment = join(dir, (await readdir(dir)).find((f) => f.endsWith('.log'))!);
  await appendFile(segment, Buffer.alloc(80, 0x11));
  const reopened = await PartitionLog.open(dir, SMALL);
  t.teardown(() => reopened.close());
  t.equal(reopened.logEndOffset, 2, 'the log opens with its batches');
  t.equal((await stat(segment)).size, reopened.sizeBytes, 'and without the garbage');
  t.equal((await reopened.append(makeBatch({ records: 1, payloadBytes: 10, maxTimestamp: 1, seed: 2 }), { leaderEpoch: 1 })).baseOffset, 2);
});
