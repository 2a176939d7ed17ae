import t from 'tap';
import { Kafka, logLevel } from 'kafkajs';
import { TestCluster, agreeOn, TEST_CLUSTER_ID } from '../helpers/cluster-nodes.js';

t.test('3 nodes elect a metadata leader and every node registers', async (t) => {
  const cluster = await TestCluster.create(t, 3);
  await Promise.all([0, 1, 2].map((id) => cluster.start(id)));
  const views = await cluster.waitForViews([0, 1, 2], 'one leader and 3 registered nodes everywhere', (v) => agreeOn(v, [0, 1, 2]));
  const v = views[0]!;
  t.equal(v.clusterId, TEST_CLUSTER_ID);
  t.ok(v.metadataTerm >= 1, 'the leader has a term');
  for (const n of v.nodes) {
    const node = cluster.nodes.get(n.nodeId)!;
    t.same(n.kafka, { host: '127.0.0.1', port: node.broker.port }, `node ${n.nodeId}'s Kafka endpoint is its listener`);
    t.same(n.internal, { host: '127.0.0.1', port: node.internalPort }, `node ${n.nodeId}'s internal endpoint`);
    t.equal(n.rack, `rack-${n.nodeId}`);
    t.equal(n.fenced, false);
  }

  // Kafka clients see the registered nodes as the cluster's brokers (Metadata), from any node.
  const admin = new Kafka({ brokers: [cluster.nodes.get(1)!.broker.bootstrap], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  t.teardown(() => admin.disconnect());
  const described = await admin.describeCluster();
  t.same(described.brokers.map((b) => [b.nodeId, b.port]).sort(), [0, 1, 2].map((id) => [id, cluster.nodes.get(id)!.broker.port]));
  t.equal(described.clusterId, TEST_CLUSTER_ID);
});

t.test('the metadata leader dies: the others elect a new one and keep the registrations; it rejoins', async (t) => {
  const cluster = await TestCluster.create(t, 3);
  await Promise.all([0, 1, 2].map((id) => cluster.start(id)));
  const [before] = await cluster.waitForViews([0, 1, 2], 'a first leader', (v) => agreeOn(v, [0, 1, 2]));
  const oldLeader = before!.metadataLeader;
  const dead = cluster.nodes.get(oldLeader)!;
  dead.broker.kill('SIGKILL');
  await dead.broker.exited;
  const others = [0, 1, 2].filter((id) => id !== oldLeader);
  const [after] = await cluster.waitForViews(others, 'a new leader among the survivors',
    (v) => agreeOn(v, [0, 1, 2]) && v[0]!.metadataLeader !== oldLeader);
  t.ok(after!.metadataTerm > before!.metadataTerm, `term ${after!.metadataTerm} > ${before!.metadataTerm}`);
  t.not(after!.metadataLeader, oldLeader);

  // The restarted node replays its log, catches up and registers again (new incarnation).
  const restarted = await cluster.start(oldLeader);
  const reRegistered = (v: { nodes: { nodeId: number; kafka: { port: number } | null }[] }) =>
    v.nodes.find((n) => n.nodeId === oldLeader)?.kafka?.port === restarted.broker.port;
  const views = await cluster.waitForViews([0, 1, 2], 'the restarted node caught up and registered again (new Kafka port)',
    (v) => agreeOn(v, [0, 1, 2]) && v.every(reRegistered));
  t.ok(views[0]!.metadataTerm >= after!.metadataTerm, 'the term never goes back');
  t.ok(views.every(reRegistered), 'every node sees its new registration');
});

t.test('a node of another cluster is refused by its peers and never registers', async (t) => {
  const cluster = await TestCluster.create(t, 3);
  await Promise.all([0, 1].map((id) => cluster.start(id)));
  await cluster.waitForViews([0, 1], 'two nodes registered', (v) => agreeOn(v, [0, 1]));
  await cluster.start(2, ['--cluster-id', 'another-cluster']);
  await cluster.nodes.get(0)!.broker.outputMatching(/another-cluster/);
  // Meanwhile the two keep their leader and never list node 2.
  const views = await Promise.all([0, 1].map((id) => cluster.view(id)));
  t.ok(agreeOn(views, [0, 1]), 'node 2 is not registered');
  const own = await cluster.view(2);
  t.equal(own.metadataLeader, -1, 'the stranger knows no leader');
  t.same(own.nodes, [], 'the stranger sees no registration');
});

t.test('bad --initial-voters values exit 2 naming the field', async (t) => {
  const { runCli } = await import('../helpers/cli.js');
  const base = ['start', '--listen', '127.0.0.1:0', '--admin-listen', 'off', '--cluster-id', 'c', '--node-id', '0', '--internal-listen', '127.0.0.1:9192'];
  const cases: [string, string[], RegExp][] = [
    ['duplicate ids', ['--initial-voters', '0@127.0.0.1:9192,0@127.0.0.1:9193'], /initialVoters.*node id 0 appears twice/],
    ['this node missing', ['--initial-voters', '1@127.0.0.1:9193,2@127.0.0.1:9194'], /initialVoters.*this node's id 0/],
    ['address differs', ['--initial-voters', '0@127.0.0.1:9999,1@127.0.0.1:9193'], /initialVoters.*differs from internalListen/],
    ['not ID@HOST:PORT', ['--initial-voters', 'zero@127.0.0.1:9192'], /initialVoters.*expected ID@HOST:PORT/],
  ];
  for (const [what, args, pattern] of cases) {
    const r = await runCli([...base, ...args]);
    t.equal(r.code, 2, `${what}: exit 2`);
    t.match(r.stderr, pattern, `${what}: names the field`);
  }
});
