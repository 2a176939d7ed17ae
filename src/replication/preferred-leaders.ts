/**
 * Moves each partition's leadership back to its preferred replica (the first in its placement), so
 * leaders spread as placement intended and return after a failure heals (Kafka's
 * auto.leader.rebalance, decided per group on its leader instead of by a controller).
 *
 * Every `checkTicks` ticks of the node's GroupTicker, each group this node leads that has led for at
 * least `settleTicks` (the election settled) and whose preferred replica is another node that is
 * connected (alive) and holds the leader's whole log (a transfer finishes at once, proposals stall
 * for one round trip only), is asked to transfer — at most `transfersPerCheckMax` per check, and a
 * group not again before `retryTicks` (a transfer that failed is not retried in a loop).
 */
import type { GroupTicker } from './group-ticker.js';
import type { RaftReplica } from './raft-replica.js';

export interface PreferredLeaderOptions {
  readonly checkTicks: number;
  readonly settleTicks: number;
  readonly retryTicks: number;
  readonly transfersPerCheckMax: number;
}

export const PREFERRED_LEADER_DEFAULTS: PreferredLeaderOptions = {
  checkTicks: 10,
  settleTicks: 20,
  retryTicks: 50,
  transfersPerCheckMax: 64,
};

interface Group {
  readonly replicas: readonly number[];
  readonly replica: RaftReplica;
}

interface Tracked {
  /** Tick this node became leader in the group's current term (-1 when it does not lead). */
  ledSince: number;
  term: number;
  lastAttempt: number;
}

export interface PreferredLeadersConfig extends Partial<PreferredLeaderOptions> {
  readonly nodeId: number;
  readonly ticker: GroupTicker;
  readonly alivePeers: () => readonly number[];
  readonly hosted: () => Iterable<Group>;
}

export class PreferredLeaders {
  readonly #c: PreferredLeadersConfig;
  readonly #o: PreferredLeaderOptions;
  readonly #tracked = new WeakMap<RaftReplica, Tracked>();
  readonly #stop: () => void;
  #tick = 0;
  /** Transfers started (tests and metrics). */
  transfers = 0;

  constructor(config: PreferredLeadersConfig) {
    this.#c = config;
    this.#o = { ...PREFERRED_LEADER_DEFAULTS, ...config };
    for (const k of ['checkTicks', 'settleTicks', 'retryTicks', 'transfersPerCheckMax'] as const) {
      if (!(Number.isSafeInteger(this.#o[k]) && this.#o[k] >= 1)) throw new Error(`preferred leaders: ${k} must be a positive integer (got ${this.#o[k]})`);
    }
    this.#stop = config.ticker.ticker().start(() => this.#onTick());
  }

  stop(): void {
    this.#stop();
  }

  #onTick(): void {
    this.#tick++;
    const checking = this.#tick % this.#o.checkTicks === 0;
    let alive: Set<number> | null = null;
    let budget = this.#o.transfersPerCheckMax;
    for (const g of this.#c.hosted()) {
      const t = this.#track(g.replica);
      if (!checking || budget === 0 || t.ledSince < 0) continue;
      const preferred = g.replicas[0];
      if (preferred === undefined || preferred === this.#c.nodeId) continue;
      if (this.#tick - t.ledSince < this.#o.settleTicks || this.#tick - t.lastAttempt < this.#o.retryTicks) continue;
      alive ??= new Set(this.#c.alivePeers());
      if (!alive.has(preferred) || !g.replica.caughtUp(preferred)) continue;
      t.lastAttempt = this.#tick;
      if (g.replica.transferLeadership(preferred)) { this.transfers++; budget--; }
    }
  }

  /** Follows when this node started leading each group (checked every tick: cheap field reads). */
  #track(replica: RaftReplica): Tracked {
    let t = this.#tracked.get(replica);
    if (t === undefined) this.#tracked.set(replica, (t = { ledSince: -1, term: -1, lastAttempt: -Infinity }));
    const leading = replica.isLeader;
    const term = replica.leaderEpoch;
    if (!leading) t.ledSince = -1;
    else if (t.ledSince < 0 || t.term !== term) t.ledSince = this.#tick;
    t.term = term;
    return t;
  }
}
