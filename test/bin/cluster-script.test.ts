/**
 * `npm run cluster` (bin/cluster.mjs) on a free port range: it starts 3 real nodes that form a
 * cluster, prefixes their output with their ids, and stops all three on SIGINT.
 */
import t from 'tap';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');
/** Generous: the nodes run from source through tsx on a loaded 2-core machine. */
const WAIT_MS_MAX = 90_000;

/** Whether 127.0.0.1:port can be bound now. */
function portFree(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = createServer();
    s.once('error', () => res(false));
    s.listen(port, '127.0.0.1', () => s.close(() => res(true)));
  });
}

/** A base port whose 9 derived ports (Kafka, internal, admin of 3 nodes) are free. */
async function freeBase(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const ports = [0, 1, 2].flatMap((id) => [base + 3 * id, base + 100 + id, base + 552 + id]);
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return base;
  }
  throw new Error('no free port range found');
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

t.test('npm run cluster starts 3 nodes and stops them on SIGINT', async (t) => {
  const base = await freeBase();
  const dataDir = mkdtempSync(join(tmpdir(), 'canopy-cluster-script-'));
  const child = spawn(process.execPath, [join(repoRoot, 'bin/cluster.mjs'), '--source', '--base-port', String(base), '--data-dir', dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
  const exited = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
  let nodePids: number[] = [];
  t.teardown(() => {
    for (const pid of [child.pid!, ...nodePids]) if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const deadline = Date.now() + WAIT_MS_MAX;
  const waitFor = async (what: string, check: () => boolean | Promise<boolean>) => {
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  await waitFor('the pids line', () => /pids \d+, \d+, \d+/.test(output));
  nodePids = /pids (\d+), (\d+), (\d+)/.exec(output)!.slice(1).map(Number);
  await waitFor('3 nodes listening', () => [0, 1, 2].every((id) => new RegExp(`^\\[node ${id}\\] .*canopy listening`, 'm').test(output)));
  t.ok(nodePids.every(alive), 'the three nodes run');

  // They form one cluster: node 0's admin API lists the three registrations on the script's ports.
  let nodes: { nodeId: number; kafka: { port: number } | null }[] = [];
  await waitFor('3 registered nodes', async () => {
    const res = await fetch(`http://127.0.0.1:${base + 552}/v1/cluster`).catch(() => null);
    nodes = res?.ok ? ((await res.json()) as { nodes: typeof nodes }).nodes : [];
    return nodes.length === 3;
  });
  t.same(nodes.map((n) => [n.nodeId, n.kafka?.port]), [[0, base], [1, base + 3], [2, base + 6]]);

  child.kill('SIGINT');
  const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), WAIT_MS_MAX))]);
  t.equal(code, 0, 'the script exits 0 after stopping the nodes', { output: output.slice(-2000) });
  t.ok(nodePids.every((pid) => !alive(pid)), 'no node is left running');
  t.match(output, /cluster: stopped \(node 0: 0, node 1: 0, node 2: 0\)/, 'each node shut down gracefully');
});
