// Placement of new partitions: property tests over many random clusters (seeded), plus the
// replication-factor errors and determinism.
import t from 'tap';
import { placePartitions, type PlacementNode } from '../../src/cluster/placement.js';
import { Rng } from '../helpers/protocol-random.js';

const CLUSTERS = 1000;

function randomNodes(rng: Rng, racks: number): PlacementNode[] {
  const count = rng.int(1, 12);
  const ids = new Set<number>();
  while (ids.size < count) ids.add(rng.int(0, 40));
  return [...ids].map((id, i) => ({ id, rack: racks > 0 ? `rack-${i % racks}` : null }));
}

function spread(counts: Map<number, number>, nodes: readonly PlacementNode[]): number {
  const values = nodes.map((x) => counts.get(x.id) ?? 0);
  return Math.max(...values) - Math.min(...values);
}

function count(assignments: ReadonlyArray<readonly number[]>): { leaders: Map<number, number>; replicas: Map<number, number> } {
  const leaders = new Map<number, number>();
  const replicas = new Map<number, number>();
  for (const a of assignments) {
    leaders.set(a[0]!, (leaders.get(a[0]!) ?? 0) + 1);
    for (const id of a) replicas.set(id, (replicas.get(id) ?? 0) + 1);
  }
  return { leaders, replicas };
}

/** Creates topics one after another on one cluster, as CreateTopics would. */
function createTopics(rng: Rng, nodes: PlacementNode[], topics: number, rf?: number): number[][] {
  const all: number[][] = [];
  for (let i = 0; i < topics; i++) {
    const out = placePartitions({ nodes, existing: all, partitionCount: rng.int(1, 24), replicationFactor: rf, startIndex: rng.int(0, 1000) });
    if (!out.ok) throw new Error(out.error.message);
    all.push(...out.value.assignments.map((a) => [...a]));
  }
  return all;
}

t.test(`no racks: leaders and replicas within 1 of even, no node twice (${CLUSTERS} random clusters)`, async (t) => {
  const rng = new Rng(1);
  let checked = 0;
  for (let c = 0; c < CLUSTERS; c++) {
    const nodes = randomNodes(rng, 0);
    const rf = rng.chance(0.5) ? undefined : rng.int(1, nodes.length);
    const all = createTopics(rng, nodes, rng.int(1, 6), rf);
    const expectedRf = rf ?? Math.min(3, nodes.length);
    const bad = all.find((a) => a.length !== expectedRf || new Set(a).size !== a.length || a.some((id) => !nodes.some((x) => x.id === id)));
    if (bad) t.fail(`cluster ${c}: bad replicas ${JSON.stringify(bad)}`);
    const { leaders, replicas } = count(all);
    if (spread(leaders, nodes) > 1 || spread(replicas, nodes) > 1) {
      t.fail(`cluster ${c} (${nodes.length} nodes, rf ${expectedRf}): leaders ${JSON.stringify([...leaders])}, replicas ${JSON.stringify([...replicas])}`);
    }
    checked++;
  }
  t.equal(checked, CLUSTERS);
});

t.test(`racks: every partition spans min(rf, racks) racks; leaders within 1 of even; balanced racks keep replicas within 2 (${CLUSTERS} clusters)`, async (t) => {
  const rng = new Rng(2);
  let balancedChecked = 0;
  for (let c = 0; c < CLUSTERS; c++) {
    const racks = rng.int(1, 4);
    const nodes = randomNodes(rng, racks);
    const rackCount = new Set(nodes.map((x) => x.rack)).size;
    const all = createTopics(rng, nodes, rng.int(1, 5));
    const rackOf = new Map(nodes.map((x) => [x.id, x.rack]));
    for (const a of all) {
      const spanned = new Set(a.map((id) => rackOf.get(id))).size;
      if (spanned !== Math.min(a.length, rackCount)) t.fail(`cluster ${c}: partition ${JSON.stringify(a)} spans ${spanned} of ${rackCount} racks`);
    }
    const { leaders, replicas } = count(all);
    if (spread(leaders, nodes) > 1) t.fail(`cluster ${c}: leaders ${JSON.stringify([...leaders])}`);
    // Rack diversity comes first, so with racks the replica counts are only near even: within 2
    // when the racks have equal sizes (checked), unbounded when one rack is small.
    const sizes = new Map<string | null, number>();
    for (const x of nodes) sizes.set(x.rack, (sizes.get(x.rack) ?? 0) + 1);
    if (new Set(sizes.values()).size === 1 && Math.min(3, nodes.length) <= rackCount) {
      balancedChecked++;
      if (spread(replicas, nodes) > 2) t.fail(`cluster ${c} (balanced racks): replicas ${JSON.stringify([...replicas])}`);
    }
  }
  t.ok(balancedChecked > 20, `${balancedChecked} clusters with balanced racks checked for replica spread`);
});

t.test('replication factor: default min(3, nodes); too large or no nodes is INVALID_REPLICATION_FACTOR', async (t) => {
  const nodes = [{ id: 0, rack: null }, { id: 1, rack: null }];
  const two = placePartitions({ nodes, existing: [], partitionCount: 4, startIndex: 0 });
  t.ok(two.ok && two.value.replicationFactor === 2, 'two nodes: rf 2');
  const one = placePartitions({ nodes: [{ id: 5, rack: null }], existing: [], partitionCount: 2, startIndex: 7 });
  t.strictSame(one.ok ? one.value.assignments : null, [[5], [5]], 'one node: every partition on it');
  const cases: Array<[Parameters<typeof placePartitions>[0], string, RegExp]> = [
    [{ nodes, existing: [], partitionCount: 1, replicationFactor: 3, startIndex: 0 }, 'INVALID_REPLICATION_FACTOR', /replication factor 3 is larger than the 2 live nodes \[0,1\]/],
    [{ nodes: [], existing: [], partitionCount: 1, startIndex: 0 }, 'INVALID_REPLICATION_FACTOR', /no live node/],
    [{ nodes, existing: [], partitionCount: 1, replicationFactor: 0, startIndex: 0 }, 'INVALID_REPLICATION_FACTOR', /at least 1/],
    [{ nodes, existing: [], partitionCount: 0, startIndex: 0 }, 'INVALID_PARTITIONS', /partition count 0/],
  ];
  for (const [req, code, message] of cases) {
    const out = placePartitions(req);
    t.notOk(out.ok);
    if (!out.ok) {
      t.equal(out.error.code, code);
      t.match(out.error.message, message);
    }
  }
});

t.test('deterministic for a given input; the start index rotates where leaders begin', async (t) => {
  const nodes = [0, 1, 2, 3, 4].map((id) => ({ id, rack: null }));
  const run = (startIndex: number): unknown => {
    const out = placePartitions({ nodes, existing: [[0, 1, 2]], partitionCount: 7, startIndex });
    return out.ok ? out.value.assignments : out.error;
  };
  t.strictSame(run(3), run(3));
  t.strictSame(run(3), run(8), 'the start index is taken modulo the nodes');
  const firstLeaders = new Set([0, 1, 2, 3, 4].map((s) => (placePartitions({ nodes, existing: [], partitionCount: 1, startIndex: s }) as unknown as { value: { assignments: number[][] } }).value.assignments[0]![0]));
  t.equal(firstLeaders.size, 5, 'each start index puts the first leader on another node');
  const five = placePartitions({ nodes, existing: [], partitionCount: 5, startIndex: 0 });
  t.strictSame(five.ok && five.value.assignments.map((a) => a[0]).sort(), [0, 1, 2, 3, 4], 'five partitions on five nodes: each node leads one');
  const loaded = placePartitions({ nodes, existing: [[0, 1, 2], [1, 2, 0]], partitionCount: 1, startIndex: 0 });
  t.ok(loaded.ok && ![0, 1].includes(loaded.value.assignments[0]![0]!), 'a new leader avoids the nodes that already lead');
});
