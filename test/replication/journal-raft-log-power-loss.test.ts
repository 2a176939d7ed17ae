/**
 * Power loss under the Raft log: JournalRaftLog on PowerLossFileLayer (writes not synced are lost),
 * a seeded workload of appends, conflicting suffixes and hard-state changes, the power cut at many
 * points, the durable state recovered by the real journal and a fresh JournalRaftLog. Everything
 * the driver was told is synced (sync's done fired) must be there: the hard state (or a later
 * one) and every entry as it was, except entries a later append replaced (Raft may truncate an
 * uncommitted suffix). Mutants drop one kind of sync and must be caught.
 */
import t from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_JOURNAL_CONFIG, PartitionLog } from '../../src/journal/partition-log.js';
import { EntryType, lastIndexOf } from '../../src/raft/messages.js';
import type { ConfState, Entry, HardState } from '../../src/raft/messages.js';
import { JournalRaftLog } from '../../src/replication/journal-raft-log.js';
import { makeBatch, rng } from '../helpers/journal-batches.js';
import { PowerLossFileLayer, type DroppedSyncs } from '../helpers/journal-power-loss-fs.js';

const ROOT = '/raft-power';
const SEEDS = 6;
const CUTS_PER_SEED = 10;
const STEPS = 40;
const CONFIG = { ...DEFAULT_JOURNAL_CONFIG, segmentBytesMax: 4096, retentionCheckMs: 0 };
const genesis: ConfState = { voters: [1, 2, 3], nonVoters: [] };

const identity = (e: Entry) => `${e.index}+${e.count}/${e.term}:${e.type}:${Buffer.from(e.data).toString('hex')}`;

/** What one completed sync promised: the hard state and entries as they were when sync was called. */
interface SyncPromise { hardState: HardState; entries: Entry[]; ids: string[]; replacedFrom: number }

async function workload(layer: PowerLossFileLayer, seed: number): Promise<SyncPromise | null> {
  const r = rng(seed);
  const opening = PartitionLog.open(join(ROOT, 't-0'), CONFIG, { fs: layer })
    .then((log) => JournalRaftLog.open({ log, fs: layer, genesis, windowBytesMax: 1 << 30 }));
  let s: JournalRaftLog | null = null;
  opening.then((x) => { s = x; }, () => undefined);
  if (!(await layer.settled(opening)) || s === null) return null;
  const log: JournalRaftLog = s;
  let term = 1;
  let commit = -1;
  let lastDone: SyncPromise | null = null;
  const open: SyncPromise[] = []; // syncs called, not yet done
  for (let step = 0; step < STEPS && !layer.powerOff; step++) {
    const x = r();
    const ents = log.entries(log.firstIndex(), log.lastIndex() + 1, Infinity) ?? [];
    let at = log.lastIndex() + 1;
    if (x < 0.15 && ents.some((e) => e.index > commit)) {
      term++; // a new leader replaces an uncommitted suffix
      const candidates = ents.filter((e) => e.index > commit);
      at = candidates[Math.floor(r() * candidates.length)]!.index;
      for (const p of open) p.replacedFrom = Math.min(p.replacedFrom, at);
      if (lastDone !== null) lastDone.replacedFrom = Math.min(lastDone.replacedFrom, at);
    }
    const batch: Entry[] = [];
    for (let n = 1 + Math.floor(r() * 2); n > 0; n--) {
      const count = 1 + Math.floor(r() * 3);
      batch.push(r() < 0.1
        ? { index: at, count: 1, term, type: EntryType.LeaderNoop, data: new Uint8Array(0) }
        : { index: at, count, term, type: EntryType.Normal, data: makeBatch({ records: count, payloadBytes: 50 + Math.floor(r() * 400), maxTimestamp: 1000, seed: Math.floor(r() * 1e9) }) });
      at = lastIndexOf(batch[batch.length - 1]!) + 1;
    }
    log.append(batch);
    // Commit only what a completed sync made durable (as a quorum's acknowledgements would).
    if (lastDone !== null && r() < 0.5) {
      const durable = lastDone.entries.filter((e) => lastIndexOf(e) < lastDone!.replacedFrom).pop();
      if (durable !== undefined && lastIndexOf(durable) > commit) commit = lastIndexOf(durable);
    }
    log.setHardState({ term, vote: 1 + (term % 3), commit });
    const all = log.entries(log.firstIndex(), log.lastIndex() + 1, Infinity) ?? [];
    const promised: SyncPromise = { hardState: log.hardState, entries: all, ids: all.map(identity), replacedFrom: Number.POSITIVE_INFINITY };
    open.push(promised);
    const synced = new Promise<void>((resolve) => log.sync(resolve));
    if (!(await layer.settled(synced))) break;
    open.splice(open.indexOf(promised), 1);
    lastDone = promised;
  }
  return lastDone;
}

async function cutAndRecover(seed: number, cut: number, drop: DroppedSyncs): Promise<{ problems: string[]; ops: number }> {
  const layer = new PowerLossFileLayer(ROOT);
  layer.cutAfterOps = cut;
  layer.drop = drop;
  const promised = await workload(layer, seed);
  layer.cutNow();
  const ops = layer.ops;
  const real = await mkdtemp(join(tmpdir(), 'canopy-raft-power-'));
  try {
    await layer.materialise(real);
    let log: PartitionLog;
    let s: JournalRaftLog;
    try {
      log = await PartitionLog.open(join(real, 't-0'), CONFIG);
    } catch (err) {
      return { problems: [`journal recovery failed: ${String(err)}`], ops };
    }
    try {
      try {
        s = await JournalRaftLog.open({ log, genesis, windowBytesMax: 1 << 30 });
      } catch (err) {
        return { problems: [`Raft log recovery failed: ${String(err)}`], ops };
      }
      if (promised === null) return { problems: [], ops };
      const problems: string[] = [];
      const hs = s.initialState().hardState;
      const want = promised.hardState;
      if (hs.term < want.term || (hs.term === want.term && hs.vote !== want.vote) || hs.commit < want.commit) {
        problems.push(`hard state ${JSON.stringify(hs)} is behind the synced ${JSON.stringify(want)}`);
      }
      promised.entries.forEach((e, i) => {
        if (lastIndexOf(e) >= promised.replacedFrom) return;
        const got = lastIndexOf(e) <= s.lastIndex() ? s.entries(e.index, e.index + 1, 0) : null;
        if (got === null || got.length === 0 || identity(got[0]!) !== promised.ids[i]) problems.push(`synced entry ${e.index}/${e.term} ${got?.length ? 'differs' : 'is missing'}`);
      });
      return { problems, ops };
    } finally {
      await log.close();
    }
  } finally {
    await rm(real, { recursive: true, force: true });
  }
}

async function sweep(seeds: number[], drop: DroppedSyncs): Promise<{ runs: number; problems: string[] }> {
  const problems: string[] = [];
  let runs = 0;
  for (const seed of seeds) {
    const { ops } = await cutAndRecover(seed, Number.POSITIVE_INFINITY, {});
    const r = rng(seed * 31);
    for (let i = 0; i < CUTS_PER_SEED; i++) {
      const cut = 1 + Math.floor(((i + r()) / CUTS_PER_SEED) * ops);
      runs++;
      for (const p of (await cutAndRecover(seed, cut, drop)).problems) problems.push(`seed ${seed} cut ${cut}: ${p}`);
    }
  }
  return { runs, problems };
}

const ALL_SEEDS = Array.from({ length: SEEDS }, (_, i) => i + 1);

t.test(`power cut at ${SEEDS * CUTS_PER_SEED} points: everything a completed sync covered survives`, async (t) => {
  const { runs, problems } = await sweep(ALL_SEEDS, {});
  t.same(problems.slice(0, 10), [], `${runs} power cuts, ${problems.length} problems`);
});

const MUTANTS: { name: string; drop: DroppedSyncs }[] = [
  { name: 'no fdatasync of segment logs', drop: { file: (p) => p.endsWith('.log') } },
  { name: 'no fdatasync of the raft-state file', drop: { file: (p) => p.includes('raft-state') } },
];

for (const m of MUTANTS) {
  t.test(`mutant "${m.name}" is caught`, async (t) => {
    const { runs, problems } = await sweep([1, 2, 3], m.drop);
    t.ok(problems.length > 0, `${runs} power cuts found ${problems.length} problems, e.g. ${problems[0] ?? 'none'}`);
  });
}
