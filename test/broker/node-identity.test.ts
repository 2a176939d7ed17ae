import t from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateIdentity, NODE_FILE, NodeIdentityError } from '../../src/broker/node-identity.js';
import { runCli } from '../helpers/cli.js';

function tempDir(t: { teardown(fn: () => unknown): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-identity-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

t.test('the first start records the identity; later starts must match it', async (t) => {
  const dir = tempDir(t);
  const first = await loadOrCreateIdentity(dir, { nodeId: 2, clusterId: null });
  t.equal(first.nodeId, 2);
  t.match(first.clusterId, /^[A-Za-z0-9_-]{22}$/, 'Kafka-style cluster id');
  t.same(JSON.parse(readFileSync(join(dir, NODE_FILE), 'utf8')), first, 'kept in the data dir');
  t.same(await loadOrCreateIdentity(dir, { nodeId: 2, clusterId: null }), first, 'same identity on restart');
  t.same(await loadOrCreateIdentity(dir, { nodeId: 2, clusterId: first.clusterId }), first, 'the stored cluster id may be configured');

  const otherNode = await loadOrCreateIdentity(dir, { nodeId: 1, clusterId: null }).catch((e: unknown) => e);
  t.ok(otherNode instanceof NodeIdentityError);
  t.match((otherNode as NodeIdentityError).message, /belongs to node 2, but node id 1 is configured \(--node-id/);
  const otherCluster = await loadOrCreateIdentity(dir, { nodeId: 2, clusterId: 'another-cluster' }).catch((e: unknown) => e);
  t.ok(otherCluster instanceof NodeIdentityError);
  t.match((otherCluster as NodeIdentityError).message, new RegExp(`belongs to cluster ${first.clusterId}, but cluster id another-cluster is configured \\(--cluster-id`));
  t.same(JSON.parse(readFileSync(join(dir, NODE_FILE), 'utf8')), first, 'a refused start changes nothing');
});

t.test('a damaged identity file is refused, naming the file', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, NODE_FILE), '{"clus');
  const err = await loadOrCreateIdentity(dir, { nodeId: 0, clusterId: null }).catch((e: unknown) => e);
  t.ok(err instanceof NodeIdentityError);
  t.match((err as Error).message, /node\.json is not a valid node identity file/);
});

t.test('canopy start on a data dir of another node id exits 1, naming --node-id', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, NODE_FILE), JSON.stringify({ clusterId: 'AAAAAAAAAAAAAAAAAAAAAA', nodeId: 0 }));
  const run = await runCli(['start', '--node-id', '1', '--listen', '127.0.0.1:0', '--data-dir', dir, '--admin-listen', 'off']);
  t.equal(run.code, 1, 'refuses to start');
  t.match(run.stderr, /canopy start: data dir .* belongs to node 0, but node id 1 is configured \(--node-id \/ CANOPY_NODE_ID/);
  const fatalLine = run.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { level: string; msg: string }).find((l) => l.level === 'fatal');
  t.match(fatalLine, { msg: /belongs to node 0/ }, 'a JSON fatal log line too');
  const cluster = await runCli(['start', '--cluster-id', 'other', '--listen', '127.0.0.1:0', '--data-dir', dir, '--admin-listen', 'off']);
  t.equal(cluster.code, 1);
  t.match(cluster.stderr, /belongs to cluster AAAAAAAAAAAAAAAAAAAAAA, but cluster id other is configured/);
});
