import t from 'tap';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBatch } from '../helpers/journal-batches.js';
import { Prng } from '../raft/sim/prng.js';
import { applyTailFault, TAIL_FAULTS } from './tail-faults.js';

/** A segment of 6 batches of 3 records each (offsets 0–17), as the journal lays it out. */
function segment(): { bytes: Buffer; ends: number[] } {
  const batches = Array.from({ length: 6 }, (_, i) => {
    const b = makeBatch({ records: 3, payloadBytes: 40, maxTimestamp: 1_000 + i, seed: i });
    b.writeBigInt64BE(BigInt(i * 3), 0);
    return b;
  });
  const ends: number[] = [];
  batches.reduce((end, b) => (ends.push(end + b.length), end + b.length), 0);
  return { bytes: Buffer.concat(batches), ends };
}

t.test('each tail fault keeps every byte through the batch holding keepThrough and harms the rest', async (t) => {
  const { bytes, ends } = segment();
  for (const fault of TAIL_FAULTS) {
    for (const keepThrough of [-1, 0, 4, 9, 14]) {
      for (let seed = 1; seed <= 8; seed++) {
        const dir = mkdtempSync(join(tmpdir(), 'chaos-tail-'));
        try {
          mkdirSync(join(dir, 'chaos-0'));
          const file = join(dir, 'chaos-0', '00000000000000000000.log');
          writeFileSync(file, bytes);
          const done = applyTailFault(dir, 'chaos', 0, keepThrough, fault, new Prng(seed));
          const after = readFileSync(file);
          const safeEnd = keepThrough < 0 ? 0 : ends[Math.floor(keepThrough / 3)]!;
          const where = `${fault} keepThrough=${keepThrough} seed=${seed}: ${done}`;
          t.ok(done !== null, where);
          t.ok(after.length >= safeEnd && after.subarray(0, safeEnd).equals(bytes.subarray(0, safeEnd)), `kept bytes intact: ${where}`);
          t.notOk(after.equals(bytes), `the tail changed: ${where}`);
          if (fault === 'lose-unsynced') t.ok([0, ...ends].includes(after.length), `cut at a batch boundary: ${where}`);
          if (fault === 'torn') t.notOk([0, ...ends].includes(after.length), `cut inside a batch: ${where}`);
          if (fault === 'bitflip') t.equal(after.length, bytes.length, `same length: ${where}`);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
  }
});

t.test('nothing past keepThrough: no fault', async (t) => {
  const { bytes } = segment();
  const dir = mkdtempSync(join(tmpdir(), 'chaos-tail-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'chaos-0'));
  writeFileSync(join(dir, 'chaos-0', '00000000000000000000.log'), bytes);
  t.equal(applyTailFault(dir, 'chaos', 0, 17, 'torn', new Prng(1)), null);
  t.ok(readFileSync(join(dir, 'chaos-0', '00000000000000000000.log')).equals(bytes));
});
