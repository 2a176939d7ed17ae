/**
 * A full disk under a RaftReplica: the append whose write fails is refused with STORAGE (Kafka
 * KAFKA_STORAGE_ERROR), so are later ones, the process keeps running, and after a restart with
 * space back every acknowledged append is there and appends work again.
 */
import t from 'tap';
import type { Test } from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_JOURNAL_CONFIG, PartitionLog } from '../../src/journal/partition-log.js';
import { PartitionError } from '../../src/replication/errors.js';
import { GroupTicker } from '../../src/replication/group-ticker.js';
import { RaftReplica } from '../../src/replication/raft-replica.js';
import { FullDiskFileLayer } from '../helpers/journal-fault-fs.js';
import { makeBatch } from '../helpers/journal-batches.js';

const CONFIG = { ...DEFAULT_JOURNAL_CONFIG, retentionCheckMs: 0 };
const WAIT_MS_MAX = 10_000;
let seed = 1;
const batch = () => makeBatch({ records: 2, payloadBytes: 200, maxTimestamp: 1000, seed: seed++ });

async function openSingle(dir: string, fs: FullDiskFileLayer, ticker: GroupTicker): Promise<RaftReplica> {
  const log = await PartitionLog.open(join(dir, 't-0'), CONFIG, { fs });
  const replica = await RaftReplica.open({ log, fs, name: 't-0', nodeId: 0, voters: [0], transport: { send: () => undefined }, ticker: ticker.ticker() });
  const deadline = Date.now() + WAIT_MS_MAX;
  while (!replica.isLeader) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the single voter to lead');
    await new Promise((r) => setTimeout(r, 5));
  }
  return replica;
}

async function storageError(t: Test, p: Promise<unknown>, what: string): Promise<void> {
  const err = await p.then(() => null, (e: unknown) => e);
  t.ok(err instanceof PartitionError && err.code === 'STORAGE', `${what}: STORAGE (got ${String(err)})`);
}

t.test('a failed write refuses the append with STORAGE; a restart with space keeps every acknowledged append', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'canopy-raft-full-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const fs = new FullDiskFileLayer();
  const ticker = new GroupTicker(10);
  const first = await openSingle(dir, fs, ticker);
  t.same(await first.append(batch(), { leaderEpoch: 0 }), { baseOffset: 0, lastOffset: 1 });

  fs.bytesFree = 0;
  await storageError(t, first.append(batch(), { leaderEpoch: 0 }), 'the append whose write failed');
  await storageError(t, first.append(batch(), { leaderEpoch: 0 }), 'a later append');
  t.ok(fs.writeFailures > 0, 'the disk really refused a write');
  t.equal(first.highWatermark, 2, 'nothing unacknowledged became visible');
  await first.close().catch(() => undefined);

  fs.bytesFree = Number.MAX_SAFE_INTEGER;
  const again = await openSingle(dir, fs, ticker);
  t.teardown(() => again.close());
  t.ok(again.highWatermark >= 2, 'the acknowledged append is committed after the restart');
  const { chunks } = await again.read(0, 1 << 20);
  t.ok(Buffer.concat(chunks).length > 0);
  const next = await again.append(batch(), { leaderEpoch: 0 });
  t.ok(next.baseOffset >= 2, `appends work again (at ${next.baseOffset})`);
});
