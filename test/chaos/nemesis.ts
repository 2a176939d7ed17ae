/**
 * Nemesis: a seeded schedule of faults over a Cluster, one at a time, each held for a bounded
 * time and then healed, with a quiet gap after it. Every fault and every heal goes into the
 * history with its timestamp and what exactly was done, so a seed's run can be read back.
 *
 * Faults (`kinds`): kill (SIGKILL, restart on the same data dir), pause (SIGSTOP … SIGCONT),
 * partition / one-way / delay / blackhole / reset on a link (a node's client link, or a peer
 * link on a cluster), and lose-unsynced / torn / bitflip: SIGKILL, then the tail fault on the
 * dead node's partitions past what anyone was told of (tail-faults.ts), then restart.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Prng } from '../raft/sim/prng.js';
import type { Cluster } from './cluster.js';
import { readHistory, type HistoryEvent, type HistoryWriter } from './history.js';
import type { LinkProxy } from './proxy.js';
import { applyTailFault, TAIL_FAULTS, type TailFault } from './tail-faults.js';

export type FaultKind = 'kill' | 'pause' | 'partition' | 'one-way' | 'delay' | 'blackhole' | 'reset' | TailFault;
export const FAULT_KINDS: readonly FaultKind[] = ['kill', 'pause', 'partition', 'one-way', 'delay', 'blackhole', 'reset', ...TAIL_FAULTS];

export interface NemesisOptions {
  cluster: Cluster;
  history: HistoryWriter;
  rng: Prng;
  topic: string;
  partitions: number;
  kinds?: readonly FaultKind[];
  /** A fault is held 1 s up to this long. */
  holdMsMax?: number;
  /** Quiet time after each heal, 0.5 s up to this long. */
  quietMsMax?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const HOLD_MS_MIN = 1_000;
const QUIET_MS_MIN = 500;
const DELAY_MS_MAX = 300;

/** The highest offset of `partition` anyone was told of: acked, polled, or under a sampled high watermark. */
export function promisedThrough(events: readonly HistoryEvent[], partition: number): number {
  let through = -1;
  for (const e of events) {
    if ((e.type === 'ack' || e.type === 'poll') && e.partition === partition) through = Math.max(through, e.offset);
    if (e.type === 'hw' && e.partition === partition) through = Math.max(through, e.hw - 1);
  }
  return through;
}

/** The data dir as the journal lays it out: `<topic>-<p>` folders, at the top or one level down. */
function dataRootOf(dataDir: string, topic: string): string {
  if (existsSync(join(dataDir, `${topic}-0`))) return dataDir;
  for (const sub of readdirSync(dataDir, { withFileTypes: true })) {
    if (sub.isDirectory() && existsSync(join(dataDir, sub.name, `${topic}-0`))) return join(dataDir, sub.name);
  }
  throw new Error(`no folder ${topic}-0 in ${dataDir}`);
}

export class Nemesis {
  private readonly kinds: readonly FaultKind[];
  private readonly holdMsMax: number;
  private readonly quietMsMax: number;
  /** Faults applied so far, by kind (for the run summary). */
  readonly applied = new Map<FaultKind, number>();
  private deck: FaultKind[] = [];

  constructor(private readonly o: NemesisOptions) {
    this.kinds = o.kinds ?? FAULT_KINDS;
    this.holdMsMax = Math.max(HOLD_MS_MIN, o.holdMsMax ?? 4_000);
    this.quietMsMax = Math.max(QUIET_MS_MIN, o.quietMsMax ?? 2_000);
  }

  /** Applies faults until `untilMs` (a Date.now() value), then heals everything. */
  async run(untilMs: number): Promise<void> {
    while (Date.now() < untilMs) {
      const kind = this.nextKind();
      const hold = this.o.rng.range(HOLD_MS_MIN, this.holdMsMax);
      await this.apply(kind, Math.min(hold, Math.max(0, untilMs - Date.now())));
      this.applied.set(kind, (this.applied.get(kind) ?? 0) + 1);
      await sleep(this.o.rng.range(QUIET_MS_MIN, this.quietMsMax));
    }
    await this.o.cluster.healAll();
    this.log('cluster', 'heal-all');
  }

  /** Every kind once, in a seeded order, before any repeats: a short run still meets each. */
  private nextKind(): FaultKind {
    if (this.deck.length === 0) {
      this.deck = [...this.kinds];
      for (let i = this.deck.length - 1; i > 0; i--) {
        const j = this.o.rng.int(i + 1);
        [this.deck[i], this.deck[j]] = [this.deck[j]!, this.deck[i]!];
      }
    }
    return this.deck.pop()!;
  }

  private log(target: string, fault: string, detail?: string): void {
    this.o.history.log({ type: 'fault', target, fault, ...(detail === undefined ? {} : { detail }) });
  }

  /** A link the fault goes on: a node's client link, or (on a cluster) an inter-node link. */
  private pickLink(): [string, LinkProxy] {
    const { cluster, rng } = this.o;
    const links: [string, LinkProxy][] = [...cluster.nodes.map((n): [string, LinkProxy] => [`client->n${n.id}`, n.clientLink]), ...cluster.allPeerLinks];
    return rng.pick(links);
  }

  private async apply(kind: FaultKind, holdMs: number): Promise<void> {
    const { cluster, rng } = this.o;
    const node = rng.pick(cluster.nodes);
    const target = `n${node.id}`;
    switch (kind) {
      case 'kill': {
        await cluster.kill(node.id);
        this.log(target, 'kill', 'SIGKILL');
        await sleep(holdMs);
        await cluster.startNode(node.id);
        this.log(target, 'restart');
        return;
      }
      case 'pause': {
        cluster.pause(node.id);
        this.log(target, 'pause', `SIGSTOP for ${holdMs} ms`);
        await sleep(holdMs);
        cluster.resume(node.id);
        this.log(target, 'resume', 'SIGCONT');
        return;
      }
      case 'lose-unsynced':
      case 'torn':
      case 'bitflip':
        return this.tailFault(node.id, kind);
      default:
        return this.linkFault(kind, holdMs);
    }
  }

  private async linkFault(kind: 'partition' | 'one-way' | 'delay' | 'blackhole' | 'reset', holdMs: number): Promise<void> {
    const { rng } = this.o;
    const [name, link] = this.pickLink();
    if (kind === 'partition') link.partition();
    else if (kind === 'one-way') link.oneWay(rng.chance(0.5) ? 'up' : 'down');
    else if (kind === 'delay') link.delay({ upMs: rng.int(DELAY_MS_MAX), downMs: rng.int(DELAY_MS_MAX) });
    else link.drop(kind);
    this.log(name, kind, `${link.describe()} for ${holdMs} ms`);
    await sleep(holdMs);
    link.heal();
    this.log(name, 'heal');
  }

  /**
   * Cuts the node's client link first (reset), so no byte the dying process sent reaches a
   * client after the promised offsets are read from the history; then SIGKILL, the tail fault
   * on every partition, restart, heal.
   */
  private async tailFault(id: number, kind: TailFault): Promise<void> {
    const { cluster, history, rng, topic, partitions } = this.o;
    const node = cluster.node(id);
    node.clientLink.drop('reset');
    await cluster.kill(id);
    this.log(`n${id}`, 'kill', `SIGKILL before ${kind}`);
    const events = readHistory(history.path);
    const root = dataRootOf(node.dataDir, topic);
    for (let p = 0; p < partitions; p++) {
      const through = promisedThrough(events, p);
      const done = applyTailFault(root, topic, p, through, kind, rng);
      this.log(`n${id}`, kind, done ?? `${topic}-${p}: no bytes past offset ${through}`);
    }
    await cluster.startNode(id);
    node.clientLink.heal();
    this.log(`n${id}`, 'restart');
  }
}
