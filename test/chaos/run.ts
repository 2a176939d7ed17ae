/**
 * runChaos(options, teardowns): one seeded chaos run. Starts the cluster (today one node: the
 * single-node broker with fsync=always), the workload and the nemesis for `durationMs`, heals
 * everything, stops the workload, reads every partition from the start, and checks the history.
 * Used by `npm run chaos` (cli.ts) and by the CI test (single-node.test.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Prng } from '../raft/sim/prng.js';
import { checkHistory, type CheckResult } from './checker.js';
import { Cluster, type NodeStartContext } from './cluster.js';
import { HistoryWriter, readHistory } from './history.js';
import { Nemesis, type FaultKind } from './nemesis.js';
import { Workload } from './workload.js';

export interface ChaosOptions {
  seed: number;
  durationMs: number;
  nodes: number;
  /** `canopy start` flags of a node; default: the single-node broker with fsync=always. */
  nodeArgs?: (ctx: NodeStartContext) => string[];
  kinds?: readonly FaultKind[];
  /** Where the history goes; default a new temp folder. */
  historyPath?: string;
  partitions?: number;
  /** Bounds of the nemesis (see NemesisOptions). */
  holdMsMax?: number;
  quietMsMax?: number;
}

export interface ChaosRun {
  result: CheckResult;
  historyPath: string;
  applied: Map<FaultKind, number>;
}

const TOPIC = 'chaos';
const WARM_UP_MS = 2_000;
/** After healing, producers keep going this long, so the healed cluster is seen taking writes. */
const AFTER_HEAL_MS = 3_000;

const singleNode = (): string[] => ['--fsync', 'always'];

export async function runChaos(o: ChaosOptions, teardowns: { teardown(fn: () => unknown): void }): Promise<ChaosRun> {
  if (o.nodes > 1 && o.nodeArgs === undefined) {
    throw new Error(`--nodes ${o.nodes}: the broker has no cluster flags yet; multi-node scenarios come with the replicated cluster (#10)`);
  }
  const rng = new Prng(o.seed);
  const partitions = o.partitions ?? 2;
  const historyPath = o.historyPath ?? join(mkdtempSync(join(tmpdir(), 'canopy-chaos-')), `history-seed-${o.seed}.jsonl`);
  const history = new HistoryWriter(historyPath);
  history.log({ type: 'note', text: `seed=${o.seed} nodes=${o.nodes} duration_ms=${o.durationMs}` });
  let workload: Workload | null = null;
  try {
    const cluster = await Cluster.start({ nodes: o.nodes, nodeArgs: o.nodeArgs ?? singleNode }, teardowns);
    workload = new Workload({ bootstrap: cluster.bootstrap, topic: TOPIC, partitions, history, rng: rng.fork() });
    await workload.createTopic();
    workload.start();
    await new Promise((r) => setTimeout(r, WARM_UP_MS));
    const nemesis = new Nemesis({ cluster, history, rng: rng.fork(), topic: TOPIC, partitions, kinds: o.kinds, holdMsMax: o.holdMsMax, quietMsMax: o.quietMsMax });
    try {
      await nemesis.run(Date.now() + o.durationMs);
    } catch (err) {
      // A node that will not start again is itself a finding: it goes into the history.
      history.log({ type: 'note', text: `nemesis stopped: ${err instanceof Error ? err.message : String(err)}` });
      await cluster.healAll();
    }
    await new Promise((r) => setTimeout(r, AFTER_HEAL_MS));
    await workload.stop();
    await workload.finalRead();
    await cluster.stop();
    history.close();
    return { result: checkHistory(readHistory(historyPath)), historyPath, applied: nemesis.applied };
  } finally {
    // After a failure too: the producer child process is stopped by PID.
    await workload?.stop();
    history.close();
  }
}
