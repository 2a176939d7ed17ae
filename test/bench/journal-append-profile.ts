/**
 * A focused append loop for profiling the journal's append path (not part of `npm run bench:journal`):
 *   node --cpu-prof --import tsx test/bench/journal-append-profile.ts [never|always] [appenders] [batches] [batchBytes] [seconds]
 * Prints appends/s and CPU µs per append. CANOPY_PROFILE_NULL_WRITES=1 makes log writes and syncs
 * no-ops, so what is left is the journal's own CPU per append (validation, copies, bookkeeping).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartitionLog, DEFAULT_JOURNAL_CONFIG, PageCache, type FileLayer, type JournalConfig } from '../../src/journal/partition-log.js';
import { NODE_FILE_LAYER } from '../../src/journal/file-layer.js';
import { makeBatch } from '../helpers/journal-batches.js';

const MIB = 1024 * 1024;
const [mode = 'never', appendersArg = '1', batchesArg = '16', batchBytesArg = '1024', secondsArg = '5'] = process.argv.slice(2);
const appenders = Number(appendersArg), batches = Number(batchesArg), batchBytes = Number(batchBytesArg), seconds = Number(secondsArg);
const dir = await mkdtemp(join(tmpdir(), 'canopy-journal-prof-'));
try {
  const config: JournalConfig = { ...DEFAULT_JOURNAL_CONFIG, fsync: mode === 'always' ? { mode: 'always' } : { mode: 'never' }, segmentBytesMax: 64 * MIB, retentionBytes: 256 * MIB, retentionMs: -1 };
  const nullWrites = process.env['CANOPY_PROFILE_NULL_WRITES'] === '1';
  const fs: FileLayer = !nullWrites ? NODE_FILE_LAYER : {
    ...NODE_FILE_LAYER,
    async open(path, create) {
      const f = await NODE_FILE_LAYER.open(path, create);
      return path.endsWith('.log') ? { ...f, read: f.read.bind(f), truncate: f.truncate.bind(f), size: f.size.bind(f), close: f.close.bind(f), writeAll: () => Promise.resolve(), datasync: () => Promise.resolve() } : f;
    },
  };
  const log = await PartitionLog.open(dir, config, { cache: new PageCache({ cacheBytesMax: 64 * MIB }), fs });
  const bufs = Array.from({ length: appenders }, (_, w) => Buffer.concat(Array.from({ length: batches }, (_, i) => makeBatch({ records: 10, payloadBytes: batchBytes - 61, maxTimestamp: Date.now(), seed: w * 100 + i }))));
  let appends = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let lastRetention = t0;
  await Promise.all(bufs.map(async (buf) => {
    while (performance.now() - t0 < seconds * 1000) {
      await log.append(buf, { leaderEpoch: 1 });
      appends++;
      if (performance.now() - lastRetention > 500) { lastRetention = performance.now(); await log.enforceRetention(Date.now()); }
    }
  }));
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  console.log(`${mode} appenders=${appenders} ${batches}×${batchBytes}: ${(appends / s).toFixed(0)} appends/s, ${(appends * bufs[0]!.length / MIB / s).toFixed(1)} MB/s, ${((c.user + c.system) / appends).toFixed(1)} CPU µs/append`);
  await log.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
