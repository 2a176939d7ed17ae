/**
 * `npm run bench:raft`: entries per second through a 3-voter Raft group held in memory (no I/O,
 * messages handed over directly), with proposals batched B at a time between Ready rounds.
 * Measures the core's own cost: log bookkeeping, flow control, commit and apply.
 */
import { MemoryStorage } from '../../src/raft/memory-storage.js';
import type { Message, NodeId } from '../../src/raft/messages.js';
import { RAFT_DEFAULTS, Raft } from '../../src/raft/raft.js';

/** Payload of each entry (a small record batch). */
const ENTRY_BYTES = 256;
/** Entries pushed through per measurement. */
const ENTRIES_PER_RUN = 300_000;
const BATCHES = [1, 10, 100, 1000];

interface Member {
  raft: Raft;
  storage: MemoryStorage;
  applied: number;
}

function makeGroup(): Map<NodeId, Member> {
  const voters = [1, 2, 3];
  const group = new Map<NodeId, Member>();
  for (const id of voters) {
    const storage = new MemoryStorage({ voters, nonVoters: [] });
    const raft = new Raft({ ...RAFT_DEFAULTS, id, storage, random: () => 0 });
    group.set(id, { raft, storage, applied: 0 });
  }
  return group;
}

/** Runs Ready rounds until no node has anything left to do. */
function settle(group: Map<NodeId, Member>): void {
  let inbox: Message[] = [];
  for (;;) {
    let busy = false;
    for (const m of group.values()) {
      if (!m.raft.hasReady()) continue;
      busy = true;
      const rd = m.raft.ready();
      if (rd.entries.length > 0) m.storage.append(rd.entries);
      if (rd.hardState !== null) m.storage.setHardState(rd.hardState);
      for (const msg of rd.messages) inbox.push(msg);
      m.applied += rd.committedEntries.length;
      m.raft.advance();
    }
    if (inbox.length === 0 && !busy) return;
    const deliver = inbox;
    inbox = [];
    for (const msg of deliver) group.get(msg.to)!.raft.step(msg);
  }
}

interface Row {
  entriesPerSec: number;
  entriesPerCpuSec: number;
  mbPerSec: number;
}

function run(batch: number): Row {
  const group = makeGroup();
  const leader = group.get(1)!;
  leader.raft.campaign();
  settle(group);
  if (leader.raft.role !== 'leader') throw new Error('node 1 did not become leader');
  const data = new Uint8Array(ENTRY_BYTES);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let proposed = 0;
  while (proposed < ENTRIES_PER_RUN) {
    for (let i = 0; i < batch; i++) {
      const r = leader.raft.propose(data);
      if (!r.ok) throw new Error(`proposal refused: ${r.reason}`);
    }
    proposed += batch;
    settle(group);
  }
  const sec = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  for (const m of group.values()) {
    if (m.applied < proposed) throw new Error(`node ${m.raft.id} applied ${m.applied} of ${proposed}`);
  }
  return { entriesPerSec: proposed / sec, entriesPerCpuSec: proposed / cpuSec, mbPerSec: (proposed * ENTRY_BYTES) / sec / 1e6 };
}

console.log(`raft: 3 voters in memory, ${ENTRY_BYTES}-byte entries, ${ENTRIES_PER_RUN} entries per row`);
// On a shared machine wall-clock rates understate the core: entries per CPU-second is printed too
// (the two agree on an idle machine; the group runs on one thread).
console.log('| proposals per round | entries/s (wall) | entries per CPU-second | payload MB/s (wall) |');
console.log('|---:|---:|---:|---:|');
run(100); // warm-up
for (const b of BATCHES) {
  const r = run(b);
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
  console.log(`| ${b} | ${fmt(r.entriesPerSec)} | ${fmt(r.entriesPerCpuSec)} | ${r.mbPerSec.toFixed(1)} |`);
}
