#!/usr/bin/env node
// `npm run cluster`: a local 3-node cluster (node ids 0, 1, 2) in cluster mode, for development.
// Kafka on BASE, BASE+3, BASE+6 (9092, 9095, 9098: the layout kafkajs' broker tests expect),
// internal listeners on BASE+100+id, admin APIs on BASE+552+id (9644, 9645, 9646), data under
// DIR/node-N. Each node's output is prefixed with its id. Ctrl-C (SIGINT) or SIGTERM stops the
// three nodes by PID (SIGTERM: a graceful shutdown) and exits once they have.
//
//   npm run cluster [-- --base-port 9092] [--data-dir ./data-cluster] [--source]
//
// --source runs src/ through tsx instead of building dist/ first (as `npm start` does).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const NODE_IDS = [0, 1, 2];
const CLUSTER_ID = 'canopy-local-cluster';

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      'base-port': { type: 'string', default: '9092' },
      'data-dir': { type: 'string', default: './data-cluster' },
      source: { type: 'boolean', default: false },
    },
  }));
} catch (err) {
  process.stderr.write(`npm run cluster: ${err.message}\n`);
  process.exit(2);
}
const base = Number(options['base-port']);
if (!Number.isInteger(base) || base < 1 || base + 552 + NODE_IDS.length > 65535) {
  process.stderr.write(`npm run cluster: --base-port must be an integer in [1, ${65535 - 552 - NODE_IDS.length}], got ${options['base-port']}\n`);
  process.exit(2);
}

let cli;
if (options.source) cli = ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts')];
else {
  const { buildIfStale } = await import('./build-if-stale.mjs');
  const status = buildIfStale({ quiet: true });
  if (status !== 0) process.exit(status);
  cli = [join(repoRoot, 'dist/cli/main.js')];
}

const internal = (id) => `127.0.0.1:${base + 100 + id}`;
const voters = NODE_IDS.map((id) => `${id}@${internal(id)}`).join(',');

/** Writes each complete line of `stream` to `out` with the node's prefix. */
function prefixLines(stream, out, prefix) {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    for (const line of lines) out.write(`${prefix}${line}\n`);
  });
  stream.on('end', () => { if (rest !== '') out.write(`${prefix}${rest}\n`); });
}

const children = NODE_IDS.map((id) => {
  const args = [
    ...cli, 'start', '--node-id', String(id), '--cluster-id', CLUSTER_ID,
    '--listen', `127.0.0.1:${base + 3 * id}`, '--internal-listen', internal(id), '--initial-voters', voters,
    '--admin-listen', `127.0.0.1:${base + 552 + id}`, '--data-dir', join(options['data-dir'], `node-${id}`),
    '--log-format', 'pretty',
  ];
  // A process group of its own: the terminal's Ctrl-C reaches this script only, which then stops
  // each node once (a second signal would make a node exit without its graceful shutdown).
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  prefixLines(child.stdout, process.stdout, `[node ${id}] `);
  prefixLines(child.stderr, process.stderr, `[node ${id}] `);
  const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
  return { id, child, exited };
});
process.stdout.write(`cluster: nodes ${NODE_IDS.join(', ')} (pids ${children.map((c) => c.child.pid).join(', ')}); Ctrl-C stops them\n`);

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`cluster: ${signal}: stopping the nodes\n`);
  for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

// A node that exits on its own (bad config, port in use) takes the others down too.
const results = await Promise.all(children.map(async ({ id, exited }) => {
  const result = await exited;
  if (!stopping) process.stderr.write(`cluster: node ${id} exited (${result}): stopping the others\n`);
  stop('node exit');
  return result;
}));
process.stdout.write(`cluster: stopped (${results.map((r, i) => `node ${i}: ${r}`).join(', ')})\n`);
process.exit(results.every((r) => r === 0) && stopping ? 0 : 1);
