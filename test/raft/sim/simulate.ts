import { applyConfChange, decodeConfChange } from '../../../src/raft/conf-change.js';
import type { ConfChange } from '../../../src/raft/conf-change.js';
import { describeMessage } from '../../../src/raft/messages.js';
import type { ConfState, Message, NodeId } from '../../../src/raft/messages.js';
import type { Mutants } from '../../../src/raft/raft.js';
import type { DriverMutants } from '../../../src/replication/raft-driver.js';
import { Checker, Violation } from './checker.js';
import { CORE_DEFAULTS, Cluster } from './cluster.js';
import type { CoreOptions } from './cluster.js';
import { EventQueue } from './event-queue.js';
import { Prng } from './prng.js';

/** Deliberately broken variants: of the core (raft.ts `Mutants`) and of the production driver. */
export const MUTANTS: Readonly<Record<string, { core?: Mutants; driver?: DriverMutants }>> = {
  'commit-old-term': { core: { commitOldTerm: true } },
  'double-vote': { core: { doubleVote: true } },
  'send-before-sync': { core: { sendBeforeSync: true } },
  'driver-send-before-persist': { driver: { sendBeforePersist: true } },
  'driver-skip-sync': { driver: { skipSync: true } },
};

/** Simulated milliseconds per tick. */
export const TICK_MS = 10;
/** After faults heal, a leader must be elected and a proposal commit within this many ticks. */
export const LIVENESS_TICKS_MAX = 1000;
/** Node ids beyond the initial members that may join during a run. */
export const SPARE_NODES = 2;
/** Share of seeds run as leader-churn storms. */
export const STORM_SHARE = 0.25;

export interface FaultCounts {
  dropped: number;
  duplicated: number;
  partitions: number;
  crashes: number;
  restarts: number;
  confChanges: number;
  transfers: number;
  compactions: number;
  proposals: number;
  reads: number;
}

export interface SeedResult {
  seed: number;
  violation: string | null;
  events: number;
  simulatedMs: number;
  faults: FaultCounts;
  trace: string[];
}

/** Sync latencies a seed may draw (ms; 0 = a sync completes at once). */
export const SYNC_MS_CHOICES = [0, 0, 1, 3, 8] as const;

export interface SimOptions {
  mutant?: string;
  trace?: boolean;
  /** False: every sync completes at once (the model before sync latency was simulated). */
  syncLatency?: boolean;
}

interface Deliver {
  kind: 'deliver';
  msg: Message;
}
interface Tick {
  kind: 'tick';
  id: NodeId;
}
interface Chaos {
  kind: 'chaos';
}
interface Client {
  kind: 'client';
}
/** A simulated disk sync completing. */
interface Later {
  kind: 'later';
  run: () => void;
}
type SimEvent = Deliver | Tick | Chaos | Client | Later;

/** Everything a seed decides up front. */
interface Scenario {
  voters: number;
  nonVoters: number;
  core: CoreOptions;
  delayMsMax: number;
  dropRate: number;
  dupRate: number;
  faultMs: number;
  chaosMsMean: number;
  clientMsMean: number;
  /**
   * Leader churn: the chaos mostly crashes the leader and restarts nodes, with one entry per
   * append, so that leaders often change while older-term entries are half replicated (the
   * situation of Figure 8 in the Raft paper).
   */
  storm: boolean;
  /** Upper bound of a sync's duration in simulated ms (0: syncs complete at once). */
  syncMsMax: number;
}

/**
 * The sync latency is drawn from its own stream seeded by the seed, so that adding it left every
 * other draw of a seed as it was (a seed drawing 0 replays its earlier run exactly).
 */
function syncRng(seed: number): Prng {
  return new Prng(seed * 2654435761 + 0x5eed);
}

function pickScenario(rng: Prng, mutants: Mutants, driverMutants: DriverMutants, syncMsMax: number): Scenario {
  if (rng.chance(STORM_SHARE)) {
    return {
      voters: rng.pick([3, 5]),
      nonVoters: 0,
      core: {
        ...CORE_DEFAULTS,
        preVote: rng.chance(0.3),
        appendEntriesMax: 1,
        inflightAppendsMax: rng.pick([1, 2]),
        mutants,
        driverMutants,
      },
      delayMsMax: rng.pick([3, 8, 15]),
      dropRate: rng.pick([0, 0.05]),
      dupRate: 0,
      faultMs: rng.range(1000, 3000),
      chaosMsMean: rng.pick([15, 30]),
      clientMsMean: rng.pick([3, 8]),
      storm: true,
      syncMsMax,
    };
  }
  const voters = rng.pick([1, 2, 3, 3, 3, 4, 5, 5]);
  const checkQuorum = rng.chance(0.5);
  return {
    voters,
    nonVoters: rng.pick([0, 0, 1, 2]),
    core: {
      ...CORE_DEFAULTS,
      heartbeatTicks: rng.pick([1, 1, 2, 3]),
      preVote: rng.chance(0.5),
      checkQuorum,
      leaseReads: checkQuorum && rng.chance(0.5),
      appendBytesMax: rng.pick([64, 256, 4096, 1 << 20]),
      appendEntriesMax: rng.pick([1, 2, 3, 8, 64]),
      inflightAppendsMax: rng.pick([1, 2, 4, 16]),
      inflightBytesMax: rng.pick([512, 4096, 1 << 22]),
      applyBytesMax: rng.pick([64, 1 << 22]),
      promotionLagMax: rng.pick([0, 5]),
      mutants,
      driverMutants,
    },
    delayMsMax: rng.pick([1, 5, 15, 30, 60]),
    dropRate: rng.pick([0, 0.02, 0.1, 0.25]),
    dupRate: rng.pick([0, 0.02, 0.1]),
    faultMs: rng.range(1000, 3500),
    chaosMsMean: rng.pick([30, 80, 200]),
    clientMsMean: rng.pick([5, 20, 60]),
    storm: false,
    syncMsMax,
  };
}

/**
 * Runs one seed: random faults for a while, then heal everything and require liveness. Returns
 * the first violation (or null) and counters. Deterministic for a given seed and mutant.
 */
export function runSeed(seed: number, opts: SimOptions = {}): SeedResult {
  const mutant = opts.mutant === undefined ? {} : MUTANTS[opts.mutant];
  if (mutant === undefined) throw new Error(`unknown mutant ${opts.mutant}`);
  const rng = new Prng(seed);
  const syncRandom = syncRng(seed);
  const syncMsMax = opts.syncLatency === false ? 0 : syncRandom.pick(SYNC_MS_CHOICES);
  const sc = pickScenario(rng, mutant.core ?? {}, mutant.driver ?? {}, syncMsMax);
  const trace: string[] = [];
  const tracing = opts.trace === true;
  const log = (line: string): void => {
    if (tracing) trace.push(`${String(now).padStart(6)}ms ${line}`);
  };
  const faults: FaultCounts = {
    dropped: 0,
    duplicated: 0,
    partitions: 0,
    crashes: 0,
    restarts: 0,
    confChanges: 0,
    transfers: 0,
    compactions: 0,
    proposals: 0,
    reads: 0,
  };

  let now = 0;
  const queue = new EventQueue<SimEvent>();
  const checker = new Checker();
  /** Directed links that drop everything: "from>to". */
  const blocked = new Set<number>();
  const linkKey = (from: NodeId, to: NodeId): number => from * 64 + to;
  let dropRate = sc.dropRate;
  let dupRate = sc.dupRate;
  let healed = false;

  const route = (m: Message): void => {
    if (blocked.has(linkKey(m.from, m.to))) {
      faults.dropped++;
      return;
    }
    if (dropRate > 0 && rng.chance(dropRate)) {
      faults.dropped++;
      return;
    }
    queue.push(now + rng.range(1, sc.delayMsMax), { kind: 'deliver', msg: m });
    if (dupRate > 0 && rng.chance(dupRate)) {
      faults.duplicated++;
      queue.push(now + rng.range(1, sc.delayMsMax * 2), { kind: 'deliver', msg: m });
    }
  };

  const readsPending = new Map<number, number>(); // request id → group commit at request time
  let nextReadId = 1;
  const cluster = new Cluster(
    sc.core,
    () => {
      const r = rng.fork();
      return (n: number) => r.int(n);
    },
    {
      send(messages) {
        for (const m of messages) {
          if (tracing) log(describeMessage(m));
          route(m);
        }
      },
      onReadStates(id, states) {
        for (const s of states) {
          const at = readsPending.get(s.requestId);
          if (at === undefined) continue;
          readsPending.delete(s.requestId);
          log(`${id}: read ${s.requestId} at ${s.index}`);
          checker.onRead(id, s.index, at);
        }
      },
      syncMs: () => (sc.syncMsMax === 0 ? 0 : syncRandom.range(1, sc.syncMsMax)),
      later(ms, run) {
        queue.push(now + ms, { kind: 'later', run });
      },
      trace: tracing ? log : undefined,
    },
    checker,
  );

  // Bootstrap: voters 1..V, non-voters after them, spare ids after those.
  const voterIds = Array.from({ length: sc.voters }, (_, i) => i + 1);
  const nonVoterIds = Array.from({ length: sc.nonVoters }, (_, i) => sc.voters + i + 1);
  const initial: ConfState = { voters: voterIds, nonVoters: nonVoterIds };
  const spare: NodeId[] = Array.from({ length: SPARE_NODES }, (_, i) => sc.voters + sc.nonVoters + i + 1);
  for (const id of [...voterIds, ...nonVoterIds]) {
    cluster.addNode(id, initial);
    queue.push(rng.int(TICK_MS), { kind: 'tick', id });
  }
  log(
    `scenario storm=${sc.storm} voters=${sc.voters} nonVoters=${sc.nonVoters} preVote=${sc.core.preVote} checkQuorum=${sc.core.checkQuorum} ` +
      `leaseReads=${sc.core.leaseReads} appendEntriesMax=${sc.core.appendEntriesMax} inflight=${sc.core.inflightAppendsMax} ` +
      `delayMax=${sc.delayMsMax}ms drop=${sc.dropRate} dup=${sc.dupRate} faults=${sc.faultMs}ms` +
      (sc.syncMsMax > 0 ? ` syncMax=${sc.syncMsMax}ms` : ''),
  );
  queue.push(rng.range(1, sc.chaosMsMean * 2), { kind: 'chaos' });
  queue.push(rng.range(1, sc.clientMsMean * 2), { kind: 'client' });

  /** Membership according to the committed log. */
  const committedConf = (): ConfState => {
    let conf = initial;
    for (const e of checker.committedConfs) conf = applyConfChange(conf, decodeConfChange(e.data));
    return conf;
  };

  let payloadSeq = 0;
  const payload = (): Uint8Array => {
    const size = rng.pick([4, 16, 100, 300]);
    const d = new Uint8Array(size);
    const n = ++payloadSeq;
    d[0] = n & 0xff;
    d[1] = (n >>> 8) & 0xff;
    d[2] = (n >>> 16) & 0xff;
    d[3] = seed & 0xff;
    return d;
  };

  const clientStep = (): void => {
    const leader = cluster.leader();
    if (leader === null) return;
    const n = rng.range(1, 3);
    for (let i = 0; i < n; i++) {
      const r = leader.propose(payload(), rng.pick([1, 1, 2, 5]));
      if (r.ok) faults.proposals++;
    }
    if (rng.chance(0.2)) {
      const id = nextReadId++;
      if (leader.readIndex(id)) {
        readsPending.set(id, checker.commitMax);
        faults.reads++;
      }
    }
    cluster.process(leader.raft.id);
  };

  const stormStep = (): void => {
    const roll = rng.float();
    const ids = [...cluster.nodes.keys()];
    const down = ids.filter((id) => !cluster.nodes.get(id)!.up);
    const leader = cluster.leader();
    if (roll < 0.35 && leader !== null) {
      cluster.crash(leader.raft.id);
      faults.crashes++;
      log(`crash leader ${leader.raft.id}`);
    } else if (roll < 0.75 && down.length > 0) {
      const id = rng.pick(down);
      cluster.restart(id);
      faults.restarts++;
      log(`restart ${id}`);
      cluster.process(id);
    } else if (roll < 0.85) {
      blocked.clear();
      const a = rng.pick(ids);
      for (const b of ids) if (b !== a) blocked.add(linkKey(a, b)).add(linkKey(b, a));
      faults.partitions++;
      log(`isolate ${a}`);
    } else {
      blocked.clear();
      log('heal partitions');
    }
  };

  const chaosStep = (): void => {
    if (sc.storm) {
      stormStep();
      return;
    }
    const roll = rng.float();
    const ids = [...cluster.nodes.keys()];
    if (roll < 0.12) {
      // Symmetric partition: a random side is cut from the rest.
      blocked.clear();
      const side = ids.filter(() => rng.chance(0.5));
      for (const a of side) for (const b of ids) if (!side.includes(b)) blocked.add(linkKey(a, b)).add(linkKey(b, a));
      faults.partitions++;
      log(`partition [${side.join(',')}] | rest`);
    } else if (roll < 0.2) {
      const a = rng.pick(ids);
      const b = rng.pick(ids);
      if (a !== b) {
        blocked.add(linkKey(a, b));
        faults.partitions++;
        log(`one-way partition ${a} -/-> ${b}`);
      }
    } else if (roll < 0.3) {
      blocked.clear();
      log('heal partitions');
    } else if (roll < 0.42) {
      const up = cluster.upIds();
      if (up.length > 0) {
        const id = rng.pick(up);
        cluster.crash(id);
        faults.crashes++;
        log(`crash ${id}`);
      }
    } else if (roll < 0.56) {
      const down = ids.filter((id) => !cluster.nodes.get(id)!.up);
      if (down.length > 0) {
        const id = rng.pick(down);
        cluster.restart(id);
        faults.restarts++;
        log(`restart ${id}`);
        cluster.process(id);
      }
    } else if (roll < 0.66) {
      membershipStep();
    } else if (roll < 0.72) {
      const leader = cluster.leader();
      if (leader !== null && leader.raft.conf.voters.length > 1) {
        const to = rng.pick(leader.raft.conf.voters);
        if (leader.transferLeadership(to)) {
          faults.transfers++;
          log(`transfer leadership ${leader.raft.id} → ${to}`);
          cluster.process(leader.raft.id);
        }
      }
    } else if (roll < 0.8) {
      const up = cluster.upIds();
      if (up.length > 0) compact(rng.pick(up));
    } else if (roll < 0.86) {
      const up = cluster.upIds();
      if (up.length > 0) cluster.nodes.get(rng.pick(up))!.flush();
    } else if (roll < 0.9) {
      dropRate = rng.pick([0, 0.02, 0.1, 0.3]);
      dupRate = rng.pick([0, 0.05]);
      log(`network drop=${dropRate} dup=${dupRate}`);
    }
    // else: quiet period
  };

  const compact = (id: NodeId): void => {
    const driver = cluster.nodes.get(id)!.driver!;
    const raft = driver.raft;
    if (raft.log.applied !== raft.log.committed || !driver.compactThroughApplied()) return;
    faults.compactions++;
    log(`${id}: compact through ${raft.log.applied}`);
  };

  const membershipStep = (): void => {
    const leader = cluster.leader();
    if (leader === null) return;
    const conf = leader.raft.conf;
    const choice = rng.float();
    let cc: ConfChange | null = null;
    if (choice < 0.35 && spare.length > 0) {
      cc = { type: 'add-non-voter', node: spare[0]! };
    } else if (choice < 0.7 && conf.nonVoters.length > 0) {
      cc = { type: 'promote', node: rng.pick(conf.nonVoters) };
    } else if (conf.voters.length + conf.nonVoters.length > 1) {
      const members = [...conf.voters, ...conf.nonVoters];
      const victim = rng.pick(members);
      if (!(conf.voters.length === 1 && conf.voters[0] === victim)) cc = { type: 'remove', node: victim };
    }
    if (cc === null) return;
    const r = leader.proposeConfChange(cc);
    if (!r.ok) return;
    faults.confChanges++;
    log(`${leader.raft.id}: propose ${cc.type} ${cc.node} at ${r.index}`);
    if (cc.type === 'add-non-voter') {
      spare.shift();
      // A joining node starts from the group's genesis membership (the conf state of the empty
      // log, index -1), which every member shares; the log's configuration entries then follow.
      cluster.addNode(cc.node, initial);
      queue.push(now + rng.int(TICK_MS) + 1, { kind: 'tick', id: cc.node });
    }
    cluster.process(leader.raft.id);
  };

  const heal = (): void => {
    healed = true;
    blocked.clear();
    dropRate = 0;
    dupRate = 0;
    // Every node comes back, removed ones included: a removed node may still hold the vote that a
    // remaining member, not yet aware that the removal committed, needs.
    for (const [id, node] of cluster.nodes) {
      if (!node.up) {
        cluster.restart(id);
        cluster.process(id);
      }
    }
    const conf = committedConf();
    const members = new Set([...conf.voters, ...conf.nonVoters]);
    log(`heal: members ${[...members].join(',')}`);
  };

  let events = 0;
  let violation: string | null = null;
  const healAt = sc.faultMs;
  const deadline = healAt + LIVENESS_TICKS_MAX * TICK_MS;
  let marker: { index: number; term: number } | null = null;
  let live = false;

  try {
    while (!queue.empty()) {
      const { time, item: ev } = queue.pop()!;
      now = time;
      if (!healed && now >= healAt) heal();
      if (now > deadline) break;
      events++;
      switch (ev.kind) {
        case 'deliver': {
          const node = cluster.nodes.get(ev.msg.to);
          if (node?.driver) {
            if (tracing) log(`deliver ${describeMessage(ev.msg)}`);
            node.driver.step(ev.msg);
            node.driver.process();
          }
          break;
        }
        case 'tick': {
          const node = cluster.nodes.get(ev.id)!;
          const raft = node.raft;
          if (raft !== null && node.onTick !== null) {
            const before = raft.role;
            // The driver's ticker callback: tick the core, then run its Ready loop.
            node.onTick();
            if (tracing && raft.role !== before) log(`${ev.id}: ${before} → ${raft.role} term ${raft.term}`);
          }
          queue.push(now + TICK_MS, ev);
          break;
        }
        case 'later':
          ev.run();
          break;
        case 'chaos':
          if (!healed) {
            chaosStep();
            queue.push(now + rng.range(1, sc.chaosMsMean * 2), ev);
          }
          break;
        case 'client':
          if (!healed) {
            clientStep();
            queue.push(now + rng.range(1, sc.clientMsMean * 2), ev);
          } else {
            // Liveness: once healed, one proposal through the current leader must commit.
            const leader = cluster.leader();
            if (leader !== null && (marker === null || marker.term !== leader.raft.term)) {
              const r = leader.propose(payload());
              if (r.ok) {
                marker = { index: r.index, term: r.term };
                log(`liveness marker proposed at ${r.index} term ${r.term}`);
                cluster.process(leader.raft.id);
              }
            }
            queue.push(now + TICK_MS, ev);
          }
          break;
      }
      cluster.check();
      if (marker !== null) {
        const e = checker.committed.get(marker.index);
        if (e !== undefined && e.term === marker.term) {
          live = true;
          break;
        }
      }
    }
    if (!live) {
      const leader = cluster.leader();
      throw new Violation(
        `liveness: ${LIVENESS_TICKS_MAX} ticks after faults healed, ${leader === null ? 'no leader' : `leader ${leader.raft.id} term ${leader.raft.term} has not committed a proposal`}`,
      );
    }
  } catch (err) {
    violation = err instanceof Violation ? err.message : `core error: ${(err as Error).stack ?? String(err)}`;
    log(`VIOLATION ${violation}`);
    if (tracing) {
      for (const n of cluster.nodes.values()) {
        const st = n.raft?.status();
        log(
          st === undefined
            ? `node ${n.id}: down`
            : `node ${n.id}: ${st.role} term=${st.term} vote=${st.vote} lead=${st.lead} commit=${st.commit} log=${st.firstIndex}..${st.lastIndex} voters=${st.conf.voters.join(',')} nonVoters=${st.conf.nonVoters.join(',')}`,
        );
      }
    }
  }
  return { seed, violation, events, simulatedMs: now, faults, trace };
}
