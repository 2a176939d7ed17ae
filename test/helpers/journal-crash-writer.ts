/**
 * Child process for test/journal/crash.test.ts: appends to a journal under `fsync: always` with
 * several appends in flight, and prints "A <base> <last>" after each append resolves. The batch at
 * offset o is always crashBatch(o), so the parent can check the log is a prefix of what was written.
 * The parent SIGKILLs it at a random moment. Bounded: stops by itself after APPENDS_MAX appends.
 */
import { PartitionLog } from '../../src/journal/partition-log.js';
import { CRASH_CONFIG, crashAppend } from './journal-crash-batches.js';

const APPENDS_MAX = 50_000;
const IN_FLIGHT = 8;

const [dir, epochText] = process.argv.slice(2);
const epoch = Number(epochText);
const log = await PartitionLog.open(dir!, CRASH_CONFIG);
let next = log.logEndOffset;
let started = 0;

async function worker(): Promise<void> {
  while (started < APPENDS_MAX) {
    started++;
    const { records, count } = crashAppend(next);
    const expect = next;
    next += count;
    const r = await log.append(records, { leaderEpoch: epoch });
    if (r.baseOffset !== expect || r.lastOffset !== expect + count - 1) {
      process.stderr.write(`offset mismatch: got ${r.baseOffset}..${r.lastOffset}, expected ${expect}\n`);
      process.exit(3);
    }
    process.stdout.write(`A ${r.baseOffset} ${r.lastOffset}\n`);
  }
}

await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
await log.close();
