/**
 * RaftPartitions refuses a placement that cannot be a set of Raft groups with an error naming the
 * topic and partition, opens nothing of it, and keeps serving the placement it had. One real node
 * (its own PeerTransport on 127.0.0.1 and temp data dir).
 */
import t from 'tap';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PARTITIONS_DIR } from '../../src/replication/partition-manager.js';
import { PartitionNodes, topicSettings, waitFor } from '../helpers/raft-partition-nodes.js';

const placementOf = (topics: Record<string, number[][]>) =>
  new Map(Object.entries(topics).map(([name, partitions]) => [name, { partitions, settings: topicSettings() }]));

t.test('a bad placement is refused, naming the problem; the previous one stays served', async (t) => {
  const c = await PartitionNodes.start(t, 1);
  const node = c.nodes[0]!;
  await c.apply(placementOf({ solo: [[0]] }));
  await waitFor('solo-0 led by the only voter', () => node.partitions.state('solo', 0)?.isLeader === true);

  const cases: Array<[Record<string, number[][]>, RegExp]> = [
    [{ '../escape': [[0]] }, /topic name "\.\.\/escape" is not a legal Kafka topic name/],
    [{ '..': [[0]] }, /topic name "\.\." is not a legal/],
    [{ dup: [[0, 0]] }, /dup-0 replicas \[0,0\] name a node twice/],
    [{ empty: [[0], []] }, /empty-1 has no replicas/],
    [{ neg: [[0, -1]] }, /neg-0 replicas \[0,-1\] must be Kafka node ids/],
  ];
  for (const [topics, message] of cases) {
    await t.rejects(node.partitions.applyPlacement(placementOf({ solo: [[0]], ...topics })), { message }, `refused: ${Object.keys(topics)[0]}`);
  }
  t.same(readdirSync(join(node.dataDir, PARTITIONS_DIR)), ['solo-0'], 'nothing of a refused placement was opened');
  t.notOk(existsSync(join(node.dataDir, 'escape-0')), 'no folder outside the partitions folder');
  const p = node.partitions.get('solo', 0)!;
  t.equal(node.partitions.state('solo', 0)!.leader, 0, 'the previous placement is still served');
  t.ok(p.highWatermark >= 0);
});
