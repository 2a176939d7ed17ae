/**
 * `canopy journal repair` in-process: usage errors name what is wrong, a sound partition is left
 * alone, a damaged one is truncated at the damage with the cut bytes in <data-dir>/quarantine/.
 * (The whole flow against a real broker, lock refusal included, is in
 * test/replication/offline-partition.test.ts.)
 */
import t, { type Test } from 'tap';
import { mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/commands/journal.js';
import { PartitionLog, DEFAULT_JOURNAL_CONFIG } from '../../../src/journal/partition-log.js';
import { CLEAN_SHUTDOWN_FILE } from '../../../src/journal/file-names.js';
import { runCommand } from '../../helpers/cli.js';
import { makeBatch } from '../../helpers/journal-batches.js';

const BATCHES = 6;

async function dataDirWithPartition(t: Test): Promise<{ dataDir: string; partDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'canopy-cli-journal-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const partDir = join(dataDir, 'partitions', 'orders-3');
  const log = await PartitionLog.open(partDir, DEFAULT_JOURNAL_CONFIG);
  for (let i = 0; i < BATCHES; i++) await log.append(makeBatch({ records: 1, payloadBytes: 100, maxTimestamp: i, seed: i }), { leaderEpoch: 0 });
  await log.close();
  return { dataDir, partDir };
}

const args = (dataDir: string, ...mode: string[]) => ['repair', '--data-dir', dataDir, '--topic', 'orders', '--partition', '3', ...mode];

t.test('usage errors', async (t) => {
  const { dataDir } = await dataDirWithPartition(t);
  const both = await runCommand(run, args(dataDir, '--quarantine', '--truncate-at-corruption'));
  t.equal(both.code, 2);
  t.match(both.stderr, /exactly one of --truncate-at-corruption and --quarantine/);
  const missing = await runCommand(run, ['repair', '--data-dir', dataDir, '--quarantine']);
  t.equal(missing.code, 2);
  t.match(missing.stderr, /--data-dir, --topic and --partition are required/);
  const noSuch = await runCommand(run, ['repair', '--data-dir', dataDir, '--topic', 'nope', '--partition', '0', '--quarantine']);
  t.equal(noSuch.code, 1);
  t.match(noSuch.stderr, /no partition folder .*nope-0/);
});

t.test('a sound partition is left alone; a damaged one is truncated into quarantine', async (t) => {
  const { dataDir, partDir } = await dataDirWithPartition(t);
  const sound = await runCommand(run, args(dataDir, '--truncate-at-corruption'));
  t.equal(sound.code, 0);
  t.match(sound.stdout, /orders-3: no damage found; nothing changed/);
  const segment = join(partDir, '00000000000000000000.log');
  const bytes = await readFile(segment);
  const batchBytes = bytes.readInt32BE(8) + 12;
  bytes[2 * batchBytes + 80]! ^= 0xff; // inside the third batch
  await writeFile(segment, bytes);
  await unlink(join(partDir, CLEAN_SHUTDOWN_FILE));
  await t.rejects(PartitionLog.open(partDir, DEFAULT_JOURNAL_CONFIG), { code: 'CORRUPT_LOG' });
  const fixed = await runCommand(run, [...args(dataDir, '--truncate-at-corruption'), '--json']);
  t.equal(fixed.code, 0, fixed.stderr);
  const report = JSON.parse(fixed.stdout) as { mode: string; quarantineDir: string; steps: Array<{ removedOffsets: unknown; quarantined: string[] }> };
  t.equal(report.mode, 'truncate');
  t.same(report.steps.map((s) => s.removedOffsets), [{ from: 2, to: null }]);
  t.equal((await stat(join(report.quarantineDir, report.steps[0]!.quarantined[0]!))).size, bytes.length - 2 * batchBytes, 'the cut bytes are in quarantine');
  t.same(await readdir(join(dataDir, 'quarantine')), [report.quarantineDir.split('/').pop()]);
  const log = await PartitionLog.open(partDir, DEFAULT_JOURNAL_CONFIG);
  t.equal(log.logEndOffset, 2);
  await log.close();
});
