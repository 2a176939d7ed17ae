/**
 * The README's walkthrough (blocks marked `<!-- walkthrough -->`, see
 * test/helpers/readme-walkthrough.ts) runs top to bottom, in order, as a reader would run it
 * from the checkout: shell blocks with bash (-e, pipefail), the kafkajs snippet with node, the
 * Python one with /usr/bin/python3, each in a throwaway copy-by-symlink of the checkout (so
 * ./data and ./prometheus-data land there), each bounded in time: a block that fails or hangs
 * fails the test. The broker is the README's `npm start`. What the test changes, and only that:
 *  - addresses: the broker gets free ports (CANOPY_LISTEN / CANOPY_ADMIN_LISTEN=127.0.0.1:0 in
 *    its environment); 127.0.0.1:9092, :9644 and :9090 in later blocks (and in the Prometheus
 *    config they use) become the ports actually bound; the CLI gets CANOPY_ADMIN_URL;
 *  - `npm install` is left out: the checkout's node_modules are used (installing would change
 *    them and reach the network); npm runs offline, without its update check;
 *  - a block whose tool is missing (kcat, prometheus, Python's confluent_kafka / kafka) is
 *    skipped, saying so. The Docker blocks are not part of the walkthrough (an image build needs
 *    the network); test/docker/docker.test.ts checks those files.
 */
import t from 'tap';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkoutView, walkthroughBlocks, type WalkthroughBlock } from '../helpers/readme-walkthrough.js';
import { freePort } from '../helpers/prometheus.js';
import { runProcess } from '../helpers/run-process.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const blocks = walkthroughBlocks(readme);
/** A block that runs to its end: clients connecting, producing, consuming. */
const BLOCK_MS_MAX = 90_000;
/** A server getting ready; `npm start` may run a full tsc first on a loaded 2-core machine. */
const READY_MS_MAX = 240_000;
const STOP_MS_MAX = 20_000;
const PROMETHEUS_CONFIG = 'grafana/prometheus/prometheus.yml';
const PYTHON = '/usr/bin/python3';

const has = (command: string) => spawnSync('bash', ['-c', `command -v ${command}`]).status === 0;
const pythonClients = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import confluent_kafka, kafka']).status === 0;

/** Why a block cannot run on this machine, or false. */
function missingTool(block: WalkthroughBlock): string | false {
  if (block.language === 'python') return pythonClients ? false : `needs ${PYTHON} with confluent_kafka and kafka (Debian's python3-confluent-kafka, python3-kafka)`;
  if (block.language !== 'shell') return false;
  for (const tool of ['kcat', 'prometheus']) {
    if (new RegExp(`(^|[|;&]\\s*)${tool}\\b`, 'm').test(block.code) && !has(tool)) return `needs ${tool}, not installed here`;
  }
  return false;
}

const summary = (block: WalkthroughBlock) => `README line ${block.line}: ${block.code.split('\n')[0]!.slice(0, 60)}`;

/** Topics a snippet produces to or reads from, by the clients' own spellings. */
function topicsUsed(code: string): string[] {
  const patterns = [/-t (\S+)/g, /topic: '([^']+)'/g, /(?:produce|send|fetchTopicOffsets)\('([^']+)'/g, /TopicPartition\('([^']+)'/g];
  return patterns.flatMap((p) => [...code.matchAll(p)].map((m) => m[1]!));
}

t.test('the README marks a walkthrough: the broker first, then the snippets', async (t) => {
  t.ok(blocks.length >= 5, `${blocks.length} blocks`);
  t.match(blocks[0]!.code, /npm start/, 'it starts with `npm start`');
  t.equal(blocks[0]!.readyText, 'canopy listening');
  t.ok(blocks.some((b) => b.language === 'js' && /kafkajs/.test(b.code)), 'the kafkajs snippet is in it');
});

t.test('each topic a walkthrough snippet uses is created by an earlier block', async (t) => {
  const created = new Set<string>();
  for (const block of blocks) {
    for (const topic of topicsUsed(block.code)) t.ok(created.has(topic), `${summary(block)} uses "${topic}", created before`);
    for (const m of block.code.matchAll(/topics create (\S+)/g)) created.add(m[1]!);
  }
  t.ok(created.size > 0);
});

interface Service { block: WalkthroughBlock; child: ChildProcess; output: () => string; exited: Promise<number | null> }

/** Starts a long-running block in its own process group; resolves once its ready text shows. */
async function startService(block: WalkthroughBlock, script: string, cwd: string, env: Record<string, string>): Promise<Service> {
  const child = spawn('bash', ['-e', '-o', 'pipefail', script], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => void (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => void (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('close', (code) => r(code)));
  const service = { block, child, output: () => out, exited };
  let done = false;
  void exited.then(() => void (done = true));
  for (let waited = 0; !out.includes(block.readyText!); waited += 100) {
    if (done || waited >= READY_MS_MAX) {
      await stopService(service);
      throw new Error(`${summary(block)}: ${done ? 'exited' : `not ready within ${READY_MS_MAX} ms`} before printing "${block.readyText}":\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return service;
}

/** SIGTERM to the block's process group (npm, its shell, the broker), SIGKILL at the bound. */
async function stopService(service: Service): Promise<number | null> {
  const alive = () => service.child.exitCode === null && service.child.signalCode === null;
  if (alive()) process.kill(-service.child.pid!, 'SIGTERM');
  const timer = setTimeout(() => { if (alive()) process.kill(-service.child.pid!, 'SIGKILL'); }, STOP_MS_MAX);
  const code = await service.exited;
  clearTimeout(timer);
  return code;
}

t.test('the README walkthrough runs top to bottom', async (t) => {
  const view = checkoutView(repoRoot, [PROMETHEUS_CONFIG]);
  const services: Service[] = [];
  t.teardown(async () => {
    for (const service of services.reverse()) await stopService(service);
    rmSync(view, { recursive: true, force: true });
  });
  const addresses = new Map<string, string>([['127.0.0.1:9090', `127.0.0.1:${await freePort()}`]]);
  const substitute = (text: string) => [...addresses].reduce((s, [from, to]) => s.replaceAll(from, to), text);
  const env: Record<string, string> = { npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false' };
  let prometheusUrl: string | null = null;

  for (const block of blocks) {
    const skip = missingTool(block);
    await t.test(summary(block), { skip }, async (t) => {
      const code = substitute(block.code).replace(/^npm install( && |\n)/m, '');
      const extension = { shell: 'sh', js: 'mjs', python: 'py' }[block.language];
      const script = join(view, `walkthrough-${block.line}.${extension}`);
      writeFileSync(script, code);
      if (block.readyText !== null) {
        const isBroker = block.readyText === 'canopy listening';
        const service = await startService(block, script, view, isBroker ? { ...env, CANOPY_LISTEN: '127.0.0.1:0', CANOPY_ADMIN_LISTEN: '127.0.0.1:0' } : env);
        services.push(service);
        if (isBroker) {
          const ready = service.output().split('\n').filter((l) => l.includes('"canopy listening"')).map((l) => JSON.parse(l) as { port: number; admin: { port: number } })[0]!;
          addresses.set('127.0.0.1:9092', `127.0.0.1:${ready.port}`).set('127.0.0.1:9644', `127.0.0.1:${ready.admin.port}`);
          env.CANOPY_ADMIN_URL = `http://127.0.0.1:${ready.admin.port}`;
          writeFileSync(join(view, PROMETHEUS_CONFIG), substitute(readFileSync(join(repoRoot, PROMETHEUS_CONFIG), 'utf8')));
        } else if (/^prometheus /.test(code)) {
          prometheusUrl = `http://${addresses.get('127.0.0.1:9090')!}`;
        }
        t.pass(`ready: printed "${block.readyText}"`);
        return;
      }
      const command = { shell: ['bash', '-e', '-o', 'pipefail', script], js: [process.execPath, script], python: [PYTHON, script] }[block.language];
      const res = await runProcess(command[0]!, command.slice(1), { cwd: view, env, timeoutMs: BLOCK_MS_MAX, group: true });
      t.notOk(res.timedOut, `exits by itself (within ${BLOCK_MS_MAX} ms)`, { stdout: res.stdout, stderr: res.stderr });
      t.equal(res.code, 0, 'exit 0', { stdout: res.stdout, stderr: res.stderr });
    });
  }

  const broker = services.find((s) => s.block.readyText === 'canopy listening');
  t.ok(broker, 'the broker ran');
  t.ok(existsSync(join(view, 'data', 'topics.json')), 'the broker keeps its data in ./data');
  if (prometheusUrl !== null) {
    let up = '';
    for (let waited = 0; waited < 30_000 && up !== '1'; waited += 500) {
      const body = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent('up{job="canopy"}')}`).then((r) => r.json(), () => null) as { data?: { result?: { value: [number, string] }[] } } | null;
      up = body?.data?.result?.[0]?.value[1] ?? '';
      if (up !== '1') await new Promise((r) => setTimeout(r, 500));
    }
    t.equal(up, '1', 'Prometheus scrapes the walkthrough\'s broker');
    for (const name of ['wal', 'chunks_head', 'queries.active']) t.notOk(existsSync(join(view, 'data', name)), `Prometheus wrote no ${name} into Canopy's ./data`);
    t.ok(existsSync(join(view, 'prometheus-data', 'wal')), 'Prometheus keeps its data in ./prometheus-data');
  }
  await stopService(broker!);
  t.match(broker!.output(), /"msg":"stopped"/, 'the broker shuts down gracefully on SIGTERM (Ctrl-C sends the group SIGINT)');
});
