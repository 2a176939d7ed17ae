/**
 * Power loss, not SIGKILL: the journal runs on PowerLossFileLayer, the power is cut at many
 * operation numbers per seed, only what was fsynced (file bytes by fdatasync, folder entries by an
 * fsync of the folder) is written to a real folder, and the real journal recovers it. Every append
 * that resolved must be there at its offset. The mutants at the end drop one kind of sync and
 * must make this check fail, so a missing fsync in the journal cannot go unseen.
 */
import t from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartitionLog, DEFAULT_JOURNAL_CONFIG, type JournalConfig } from '../../src/journal/partition-log.js';
import { PowerLossFileLayer, type DroppedSyncs } from '../helpers/journal-power-loss-fs.js';
import { makeBatch, rng, splitBatches, batchIdentity, headerOf } from '../helpers/journal-batches.js';

const SEEDS = 12;
const CUTS_PER_SEED = 12;
const STEPS = 70;
const ROOT = '/power-loss';

const BASE: JournalConfig = {
  ...DEFAULT_JOURNAL_CONFIG, segmentBytesMax: 8 * 1024, indexIntervalBytes: 512, retentionBytes: 40 * 1024, retentionMs: -1, retentionCheckMs: 0,
};
function configFor(seed: number): JournalConfig {
  return { ...BASE, fsync: seed % 3 === 2 ? { mode: 'interval', intervalMs: 1 } : { mode: 'always' } };
}

interface Run { acked: Map<number, string>; logStartInMemory: number }

/** A seeded workload: groups of appends, epoch bumps, retention, DeleteRecords, clean reopens. */
async function workload(layer: PowerLossFileLayer, seed: number): Promise<Run> {
  const r = rng(seed);
  const config = configFor(seed);
  let clockMs = 1_000_000;
  const dir = join(ROOT, 'topic-0');
  const acked = new Map<number, string>();
  const opening = PartitionLog.open(dir, config, { fs: layer, clock: () => clockMs });
  let log: PartitionLog | null = null;
  opening.then((l) => { log = l; }, () => undefined);
  if (!(await layer.settled(opening)) || log === null) return { acked, logStartInMemory: 0 };
  let epoch = 1;
  for (let step = 0; step < STEPS && !layer.powerOff; step++) {
    clockMs += 1000;
    const l: PartitionLog = log;
    const x = r();
    let op: Promise<unknown>;
    if (x < 0.75) {
      const n = 1 + Math.floor(r() * 4);
      op = Promise.all(Array.from({ length: n }, () => {
        const b = makeBatch({ records: 1 + Math.floor(r() * 3), payloadBytes: 100 + Math.floor(r() * 1500), maxTimestamp: clockMs, seed: Math.floor(r() * 1e9) });
        const id = batchIdentity(b);
        const p = l.append(b, { leaderEpoch: epoch });
        p.then((a) => { acked.set(a.baseOffset, id); }, () => undefined);
        return p.catch(() => undefined);
      }));
    } else if (x < 0.8) {
      epoch++;
      continue;
    } else if (x < 0.88) {
      op = l.enforceRetention(clockMs);
    } else if (x < 0.92) {
      op = l.deleteBefore(l.logStartOffset + Math.floor(r() * (l.logEndOffset - l.logStartOffset + 1)));
    } else {
      op = l.close().then(() => PartitionLog.open(dir, config, { fs: layer, clock: () => clockMs })).then((next) => { log = next; });
    }
    if (!(await layer.settled(op))) break;
  }
  const last: PartitionLog = log;
  return { acked, logStartInMemory: last.logStartOffset };
}

/** Replays `seed` with the power cut at operation `cut`, recovers the durable state, returns the problems found. */
async function cutAndRecover(seed: number, cut: number, drop: DroppedSyncs, torn: boolean): Promise<{ problems: string[]; ops: number }> {
  const layer = new PowerLossFileLayer(ROOT);
  layer.cutAfterOps = cut;
  layer.drop = drop;
  const run = await workload(layer, seed);
  layer.cutNow();
  const ops = layer.ops;
  const real = await mkdtemp(join(tmpdir(), 'canopy-power-loss-'));
  try {
    const pick = rng(seed * 7919 + cut);
    await layer.materialise(real, torn ? (extra) => Math.floor(pick() * (extra + 1)) : undefined);
    const problems: string[] = [];
    let log: PartitionLog;
    try {
      log = await PartitionLog.open(join(real, 'topic-0'), configFor(seed));
    } catch (err) {
      return { problems: [`recovery failed: ${String(err)}`], ops };
    }
    try {
      const start = log.logStartOffset, end = log.logEndOffset;
      if (start > run.logStartInMemory) problems.push(`log start ${start} beyond any start the log was given (${run.logStartInMemory})`);
      const found = new Map<number, string>();
      const entries = log.leaderEpochEntries();
      if (end > start) {
        let o = start;
        for (const b of splitBatches(Buffer.concat((await log.read(start, 1 << 30)).chunks))) {
          const h = headerOf(b);
          if (h.baseOffset !== o && found.size > 0) problems.push(`gap: batch at ${h.baseOffset} after ${o}`);
          found.set(h.baseOffset, batchIdentity(b));
          // The epoch map (OffsetForLeaderEpoch) must agree with the headers that survived.
          const covering = entries.filter((e) => e.startOffset <= Math.max(h.baseOffset, start)).pop();
          if (covering?.epoch !== h.partitionLeaderEpoch) problems.push(`offset ${h.baseOffset} has epoch ${h.partitionLeaderEpoch}, the epoch map says ${covering?.epoch}`);
          o = h.baseOffset + h.lastOffsetDelta + 1;
        }
      }
      for (const [offset, id] of run.acked) {
        if (offset < start) continue;
        if (found.get(offset) !== id) problems.push(`acknowledged append at offset ${offset} ${found.has(offset) ? 'has other bytes' : 'is missing'} (log ${start}..${end})`);
      }
    } finally {
      await log.close();
    }
    return { problems, ops };
  } finally {
    await rm(real, { recursive: true, force: true });
  }
}

/** Cut points spread over a whole run of the seed (measured by a run without a cut). */
async function cutPoints(seed: number, count: number): Promise<number[]> {
  const { ops } = await cutAndRecover(seed, Number.POSITIVE_INFINITY, {}, false);
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => 1 + Math.floor(((i + r()) / count) * ops));
}

async function sweep(seeds: number[], drop: DroppedSyncs): Promise<{ runs: number; problems: string[] }> {
  const problems: string[] = [];
  let runs = 0;
  for (const seed of seeds) {
    for (const cut of await cutPoints(seed, CUTS_PER_SEED)) {
      runs++;
      const res = await cutAndRecover(seed, cut, drop, cut % 2 === 0);
      for (const p of res.problems) problems.push(`seed ${seed} cut ${cut}: ${p}`);
    }
  }
  return { runs, problems };
}

const ALL_SEEDS = Array.from({ length: SEEDS }, (_, i) => i + 1);

t.test(`power cut at ${SEEDS * CUTS_PER_SEED} points: every acknowledged append survives with its offset`, async (t) => {
  const { runs, problems } = await sweep(ALL_SEEDS, {});
  t.same(problems.slice(0, 10), [], `${runs} power cuts, ${problems.length} problems`);
});

// Each mutant drops one kind of sync; the same sweep must then find lost appends.
const MUTANTS: { name: string; seeds: number[]; drop: DroppedSyncs }[] = [
  { name: 'no fdatasync of segment logs', seeds: [1, 2, 3], drop: { file: (p) => p.endsWith('.log') } },
  { name: 'no fsync of the data dir (a new partition folder)', seeds: [1, 2, 3], drop: { dir: (p) => p === ROOT } },
  { name: 'no fsync of the partition folder (new segments, renamed checkpoints)', seeds: [1, 2, 3], drop: { dir: (p) => p !== ROOT } },
  {
    name: 'a rolled segment is not synced before the recovery point passes it (interval mode)',
    seeds: ALL_SEEDS.filter((s) => configFor(s).fsync.mode === 'interval').slice(0, 3),
    drop: { file: (p, layer) => layer.isRolledSegment(p) },
  },
];

for (const m of MUTANTS) {
  t.test(`mutant "${m.name}" is caught`, async (t) => {
    const { runs, problems } = await sweep(m.seeds, m.drop);
    t.ok(problems.length > 0, `${runs} power cuts found ${problems.length} problems, e.g. ${problems[0] ?? 'none'}`);
  });
}
