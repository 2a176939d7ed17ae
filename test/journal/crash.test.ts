import t from 'tap';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PartitionLog } from '../../src/journal/partition-log.js';
import { CLEAN_SHUTDOWN_FILE } from '../../src/journal/file-names.js';
import { CRASH_CONFIG, crashBatchId } from '../helpers/journal-crash-batches.js';
import { rng, splitBatches, batchIdentity, headerOf } from '../helpers/journal-batches.js';

const KILLS = 10;
const KILL_DELAY_MS_MAX = 250;
const CHILD_TIMEOUT_MS = 30_000;
const WRITER = join(dirname(fileURLToPath(import.meta.url)), '..', 'helpers', 'journal-crash-writer.ts');

/** Runs the writer until a random moment after its first acknowledged append, then SIGKILLs it. */
function runAndKill(dir: string, epoch: number, delayMs: number): Promise<{ ackedEnd: number; acks: number; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(epoch)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let ackedEnd = -1, acks = 0, buf = '', stderr = '', killTimer: NodeJS.Timeout | null = null;
    const guard = setTimeout(() => { child.kill('SIGKILL'); reject(new Error('writer never acknowledged an append')); }, CHILD_TIMEOUT_MS);
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const line of lines) {
        const m = /^A (\d+) (\d+)$/.exec(line);
        if (!m) continue;
        acks++;
        ackedEnd = Math.max(ackedEnd, Number(m[2]) + 1);
        if (killTimer === null) killTimer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (killTimer) clearTimeout(killTimer);
      resolve({ ackedEnd, acks, signal, stderr });
    });
  });
}

t.test(`a writer SIGKILLed at random moments ${KILLS} times loses no append that resolved under fsync: always`, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'canopy-journal-crash-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const r = rng(2026);
  let problems = 0;
  let prevEnd = 0;
  for (let k = 0; k < KILLS; k++) {
    const epoch = k + 1;
    const run = await runAndKill(dir, epoch, Math.floor(r() * KILL_DELAY_MS_MAX));
    if (run.signal !== 'SIGKILL') { problems++; t.fail(`run ${k}: writer ended with ${run.signal} (${run.stderr.slice(0, 500)})`); continue; }
    const log = await PartitionLog.open(dir, CRASH_CONFIG);
    const end = log.logEndOffset;
    // Every acknowledged append is present ...
    if (end < run.ackedEnd) { problems++; t.fail(`run ${k}: log ends at ${end} but appends up to ${run.ackedEnd} had resolved`); }
    if (end < prevEnd) { problems++; t.fail(`run ${k}: log went back from ${prevEnd} to ${end}`); }
    // ... intact, and the whole log is a prefix of the deterministic sequence that was written.
    const batches = end === 0 ? [] : splitBatches(Buffer.concat((await log.read(0, 1 << 30)).chunks));
    let o = 0, bad = 0;
    const epochs: { epoch: number; startOffset: number }[] = [];
    for (const b of batches) {
      const h = headerOf(b);
      if (h.baseOffset !== o || batchIdentity(b) !== crashBatchId(o)) { bad++; break; }
      if (epochs.length === 0 || epochs[epochs.length - 1]!.epoch !== h.partitionLeaderEpoch) epochs.push({ epoch: h.partitionLeaderEpoch, startOffset: o });
      o = h.baseOffset + h.lastOffsetDelta + 1;
    }
    if (bad > 0 || o !== end) { problems++; t.fail(`run ${k}: log is not a valid prefix (stopped at ${o}, end ${end})`); }
    if (JSON.stringify(log.leaderEpochEntries()) !== JSON.stringify(epochs)) { problems++; t.fail(`run ${k}: epoch map ${JSON.stringify(log.leaderEpochEntries())} != headers ${JSON.stringify(epochs)}`); }
    t.comment(`run ${k}: ${run.acks} acks, acked end ${run.ackedEnd}, recovered end ${end}, ${log.segmentCount} segments`);
    prevEnd = end;
    await log.close();
    // Half the time the next writer also starts from an unclean state.
    if (k % 2 === 1) await unlink(join(dir, CLEAN_SHUTDOWN_FILE));
  }
  t.equal(problems, 0, `${KILLS} kills: every resolved append survived, and the log stayed a valid prefix`);
  t.ok(prevEnd > 0, `the log holds ${prevEnd} offsets`);
});
