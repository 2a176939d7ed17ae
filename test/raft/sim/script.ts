/**
 * Scripted Raft scenarios in a small text format with expected transcripts (after etcd's
 * testdata): a line `> command args` runs a command; the lines up to the next command are what it
 * printed. Lines starting with `#` are comments, kept as they are. Running a file rebuilds the
 * transcript from the commands alone, so a file is both the script and its expected output.
 *
 * Commands:
 *   cluster voters=1,2,3 [non-voters=4] [prevote] [checkquorum] [entries-max=N]
 *   add-node N                      a fresh node (genesis membership, empty log)
 *   campaign N | tick N [times] | tick-all [times]
 *   propose N DATA [count=K]        an entry of K indexes (a batch of K records)
 *   conf N add-non-voter|promote|remove X
 *   transfer N X | read N ID
 *   isolate N | partition A,B | C,D | heal
 *   crash N | restart N | compact N
 *   stabilize                       deliver messages until none is left
 *   status | log N
 * The safety checker of the simulator runs after every command.
 */
import { describeEntry, describeMessage } from '../../../src/raft/messages.js';
import type { Message, NodeId } from '../../../src/raft/messages.js';
import { Checker } from './checker.js';
import { CORE_DEFAULTS, Cluster } from './cluster.js';
import type { CoreOptions } from './cluster.js';

/** Rounds of delivery after which stabilize gives up (a livelock in a script is a bug). */
const STABILIZE_ROUNDS_MAX = 1000;

export class ScriptRunner {
  private cluster: Cluster | null = null;
  private readonly checker = new Checker();
  private queue: Message[] = [];
  private blocked = new Set<string>();
  private out: string[] = [];
  private seen = new Map<NodeId, { role: string; term: number; commit: number }>();
  private genesis = { voters: [] as NodeId[], nonVoters: [] as NodeId[] };

  /** Runs a whole file's commands and returns the rebuilt transcript. */
  run(text: string): string {
    const result: string[] = [];
    for (const line of text.split('\n')) {
      if (line.startsWith('#') || line.trim() === '') {
        result.push(line);
        continue;
      }
      if (!line.startsWith('> ')) continue; // a previous transcript's output: rebuilt below
      result.push(line);
      this.out = [];
      try {
        this.command(line.slice(2).trim().split(/\s+/));
        this.cluster?.check();
        this.reportChanges();
      } catch (err) {
        this.out.push(`error: ${(err as Error).message}`);
      }
      result.push(...this.out);
    }
    while (result.length > 0 && result[result.length - 1] === '') result.pop();
    return result.join('\n') + '\n';
  }

  private get c(): Cluster {
    if (this.cluster === null) throw new Error('no cluster: start with `cluster voters=...`');
    return this.cluster;
  }

  private raftOf(id: NodeId) {
    const r = this.c.nodes.get(id)?.raft;
    if (!r) throw new Error(`node ${id} is not running`);
    return r;
  }

  private command(args: string[]): void {
    const [cmd, ...rest] = args;
    const num = (i: number): number => {
      const v = Number(rest[i]);
      if (!Number.isInteger(v)) throw new Error(`argument ${i + 1} of ${cmd} must be an integer`);
      return v;
    };
    switch (cmd) {
      case 'cluster':
        return this.makeCluster(rest);
      case 'add-node': {
        this.c.addNode(num(0), this.genesis);
        return;
      }
      case 'campaign':
        this.raftOf(num(0)).campaign();
        return this.process(num(0));
      case 'tick': {
        const times = rest[1] === undefined ? 1 : num(1);
        for (let i = 0; i < times; i++) {
          this.raftOf(num(0)).tick();
          this.process(num(0));
        }
        return;
      }
      case 'tick-all': {
        const times = rest[0] === undefined ? 1 : num(0);
        for (let i = 0; i < times; i++) {
          for (const id of this.c.upIds()) {
            this.raftOf(id).tick();
            this.process(id);
          }
        }
        return;
      }
      case 'propose': {
        const count = rest[2]?.startsWith('count=') ? Number(rest[2].slice(6)) : 1;
        const r = this.raftOf(num(0)).propose(new TextEncoder().encode(rest[1] ?? ''), count);
        this.out.push(r.ok ? `proposed at ${r.index} term ${r.term}` : `refused: ${r.reason}`);
        return this.process(num(0));
      }
      case 'conf': {
        const type = rest[1] as 'add-non-voter' | 'promote' | 'remove';
        const r = this.raftOf(num(0)).proposeConfChange({ type, node: num(2) });
        this.out.push(r.ok ? `proposed ${type} ${num(2)} at ${r.index}` : `refused: ${r.reason}${r.detail ? ` (${r.detail})` : ''}`);
        return this.process(num(0));
      }
      case 'transfer':
        this.out.push(this.raftOf(num(0)).transferLeadership(num(1)) ? 'transfer started' : 'transfer refused');
        return this.process(num(0));
      case 'read':
        this.out.push(this.raftOf(num(0)).readIndex(num(1)) ? 'read requested' : 'read refused');
        return this.process(num(0));
      case 'isolate': {
        this.blocked.clear();
        for (const other of this.c.nodes.keys()) if (other !== num(0)) this.cut(num(0), other);
        return;
      }
      case 'partition': {
        this.blocked.clear();
        const bar = rest.indexOf('|');
        const a = rest.slice(0, bar).join(',').split(',').filter(Boolean).map(Number);
        const b = rest.slice(bar + 1).join(',').split(',').filter(Boolean).map(Number);
        for (const x of a) for (const y of b) this.cut(x, y);
        return;
      }
      case 'heal':
        this.blocked.clear();
        return;
      case 'crash':
        this.c.crash(num(0));
        this.seen.delete(num(0));
        this.out.push(`${num(0)} crashed`);
        return;
      case 'restart':
        this.c.restart(num(0));
        this.out.push(`${num(0)} restarted`);
        return this.process(num(0));
      case 'compact': {
        const r = this.raftOf(num(0));
        this.c.nodes.get(num(0))!.driver!.compactThroughApplied();
        this.out.push(`${num(0)} log starts after ${r.log.applied}`);
        return;
      }
      case 'stabilize':
        return this.stabilize();
      case 'status':
        for (const id of [...this.c.nodes.keys()].sort((x, y) => x - y)) {
          const r = this.c.nodes.get(id)!.raft;
          if (!r) {
            this.out.push(`${id}: down`);
            continue;
          }
          const s = r.status();
          this.out.push(
            `${id}: ${s.role} term=${s.term} lead=${s.lead} commit=${s.commit} log=${s.firstIndex}..${s.lastIndex} ` +
              `voters=${s.conf.voters.join(',')}${s.conf.nonVoters.length ? ` non-voters=${s.conf.nonVoters.join(',')}` : ''}`,
          );
        }
        return;
      case 'log': {
        const r = this.raftOf(num(0));
        const first = r.log.firstIndex();
        const ents = r.log.lastIndex() >= first ? (r.log.slice(first, r.log.lastIndex() + 1, Infinity) ?? []) : [];
        this.out.push(`${num(0)} log (after ${first - 1}): ${ents.map(describeEntry).join(' ') || '(empty)'}`);
        return;
      }
      default:
        throw new Error(`unknown command ${cmd}`);
    }
  }

  private makeCluster(rest: string[]): void {
    const opts: CoreOptions = { ...CORE_DEFAULTS, uncommittedIndexesMax: 1000 };
    let voters: NodeId[] = [];
    let nonVoters: NodeId[] = [];
    for (const a of rest) {
      if (a.startsWith('voters=')) voters = a.slice(7).split(',').map(Number);
      else if (a.startsWith('non-voters=')) nonVoters = a.slice(11).split(',').map(Number);
      else if (a === 'prevote') opts.preVote = true;
      else if (a === 'checkquorum') opts.checkQuorum = true;
      else if (a.startsWith('entries-max=')) opts.appendEntriesMax = Number(a.slice(12));
      else throw new Error(`unknown cluster option ${a}`);
    }
    this.genesis = { voters, nonVoters };
    // Election timeouts are exactly electionTicks: scripts control time explicitly.
    this.cluster = new Cluster(opts, () => () => 0, { send: (ms) => this.enqueue(ms) }, this.checker);
    for (const id of [...voters, ...nonVoters]) this.cluster.addNode(id, this.genesis);
  }

  private cut(a: NodeId, b: NodeId): void {
    this.blocked.add(`${a}>${b}`).add(`${b}>${a}`);
  }

  private enqueue(ms: readonly Message[]): void {
    for (const m of ms) {
      this.out.push(describeMessage(m));
      this.queue.push(m);
    }
  }

  private process(id: NodeId): void {
    this.reportChanges();
    this.c.process(id);
    this.c.check();
    this.reportChanges();
  }

  private stabilize(): void {
    for (let round = 0; this.queue.length > 0; round++) {
      if (round >= STABILIZE_ROUNDS_MAX) throw new Error('stabilize did not converge');
      const batch = this.queue;
      this.queue = [];
      for (const m of batch) {
        if (this.blocked.has(`${m.from}>${m.to}`)) continue;
        const driver = this.c.nodes.get(m.to)?.driver;
        if (!driver) continue;
        driver.step(m);
        this.process(m.to);
      }
    }
  }

  /** Prints role, term and commit changes since last printed. */
  private reportChanges(): void {
    if (this.cluster === null) return;
    for (const [id, node] of this.cluster.nodes) {
      const r = node.raft;
      if (!r) continue;
      const now = { role: r.role, term: r.term, commit: r.log.committed };
      const was = this.seen.get(id);
      if (was === undefined) {
        this.seen.set(id, now);
        continue;
      }
      if (was.role !== now.role || was.term !== now.term) {
        this.out.push(`${id}: ${was.role} term ${was.term} → ${now.role} term ${now.term}`);
      }
      if (was.commit !== now.commit) this.out.push(`${id}: commit ${was.commit} → ${now.commit}`);
      this.seen.set(id, now);
    }
  }
}
