// Real-client bytes from kafka-python 2.0.2 (Debian python3-kafka, run with /usr/bin/python3):
// every request version of the group/admin/SASL APIs it implements, built with its own Request
// classes the way its consumer/admin code builds them. Each is read by the generated codec at that
// version: every byte must be consumed, the values must be the ones kafka-python was given, and
// re-encoding must reproduce kafka-python's bytes. Skipped when python3-kafka is not installed (a
// failure under CI=true); a script that fails with the package present is a failure, never a skip.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { Reader } from '../../../src/protocol/primitives/reader.js';
import { Writer } from '../../../src/protocol/primitives/writer.js';
import { apiSpecs } from '../../../src/protocol/generated/index.js';
import { plain } from '../../helpers/protocol-vector.js';
import { DEBIAN_PYTHON, haveClient } from '../../helpers/debian-client.js';

const PYTHON_TIMEOUT_MS = 60_000;

const SCRIPT = String.raw`
import json, binascii
from kafka.protocol.group import JoinGroupRequest, SyncGroupRequest, HeartbeatRequest, LeaveGroupRequest
from kafka.protocol.commit import OffsetCommitRequest, OffsetFetchRequest, GroupCoordinatorRequest
from kafka.protocol.admin import (DescribeGroupsRequest, ListGroupsRequest, CreateTopicsRequest, DeleteTopicsRequest,
    DescribeConfigsRequest, AlterConfigsRequest, CreatePartitionsRequest, DeleteGroupsRequest,
    SaslHandShakeRequest, SaslAuthenticateRequest)
from kafka.coordinator.protocol import ConsumerProtocolMemberMetadata, ConsumerProtocolMemberAssignment
_m = ConsumerProtocolMemberMetadata(0, ['t'], b'')
META = _m.encode()
_a = ConsumerProtocolMemberAssignment(0, [('t', [0, 1])], b'')
ASSIGN = _a.encode()
out = []
def add(name, req):
    # kafka-python's encode is a weak method: keep req referenced while encoding.
    data = req.encode()
    out.append({'name': name, 'version': req.API_VERSION, 'apiKey': req.API_KEY, 'hex': binascii.hexlify(data).decode()})
add('FindCoordinator', GroupCoordinatorRequest[0]('g'))
add('FindCoordinator', GroupCoordinatorRequest[1]('tx', 1))
add('JoinGroup', JoinGroupRequest[0]('g', 10000, '', 'consumer', [('range', META)]))
for v in (1, 2):
    add('JoinGroup', JoinGroupRequest[v]('g', 10000, 300000, '', 'consumer', [('range', META), ('roundrobin', META)]))
for v in (0, 1):
    add('SyncGroup', SyncGroupRequest[v]('g', 1, 'm-1', [('m-1', ASSIGN)]))
    add('Heartbeat', HeartbeatRequest[v]('g', 1, 'm-1'))
    add('LeaveGroup', LeaveGroupRequest[v]('g', 'm-1'))
add('OffsetCommit', OffsetCommitRequest[0]('g', [('t', [(0, 42, 'md')])]))
add('OffsetCommit', OffsetCommitRequest[1]('g', 1, 'm-1', [('t', [(0, 42, -1, 'md')])]))
for v in (2, 3):
    add('OffsetCommit', OffsetCommitRequest[v]('g', 1, 'm-1', -1, [('t', [(0, 42, 'md')])]))
for v in (0, 1, 2, 3):
    add('OffsetFetch', OffsetFetchRequest[v]('g', [('t', [0, 1])]))
for v in (2, 3):
    add('OffsetFetch', OffsetFetchRequest[v]('g', None))
for v in (0, 1, 2):
    add('DescribeGroups', DescribeGroupsRequest[v](['g1', 'g2']))
add('DescribeGroups', DescribeGroupsRequest[3](['g1', 'g2'], True))
for v in (0, 1, 2):
    add('ListGroups', ListGroupsRequest[v]())
add('CreateTopics', CreateTopicsRequest[0]([('t', 3, 1, [], [('cleanup.policy', 'compact')])], 30000))
for v in (1, 2, 3):
    add('CreateTopics', CreateTopicsRequest[v]([('t', -1, -1, [(0, [1])], [])], 30000, True))
for v in (0, 1, 2, 3):
    add('DeleteTopics', DeleteTopicsRequest[v](['a', 'b'], 30000))
add('DescribeConfigs', DescribeConfigsRequest[0]([(2, 't', ['retention.ms'])]))
for v in (1, 2):
    add('DescribeConfigs', DescribeConfigsRequest[v]([(2, 't', None)], True))
for v in (0, 1):
    add('AlterConfigs', AlterConfigsRequest[v]([(2, 't', [('retention.ms', '1000')])], False))
    add('CreatePartitions', CreatePartitionsRequest[v]([('t', (4, None)), ('u', (2, [[1]]))], 30000, False))
    add('DeleteGroups', DeleteGroupsRequest[v](['g1']))
    add('SaslHandshake', SaslHandShakeRequest[v]('PLAIN'))
    add('SaslAuthenticate', SaslAuthenticateRequest[v](b'\x00u\x00p'))
print(json.dumps(out))
`;

/** kafka-python's consumer protocol payloads built in SCRIPT (version 0, empty user data). */
const META = Buffer.from('0000' + '00000001' + '000174' + '00000000', 'hex');
const ASSIGN = Buffer.from('0000' + '00000001' + '000174' + '00000002' + '00000000' + '00000001' + '00000000', 'hex');

/** Values each request must decode to (a subset of the decoded message), by "Name vN". */
const EXPECTED: Record<string, Record<string, unknown>> = {
  'FindCoordinator v0': { key: 'g', keyType: 0 },
  'FindCoordinator v1': { key: 'tx', keyType: 1 },
  'JoinGroup v0': {
    groupId: 'g', sessionTimeoutMs: 10000, rebalanceTimeoutMs: -1, memberId: '', protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: META }],
  },
  'JoinGroup v1': {
    groupId: 'g', sessionTimeoutMs: 10000, rebalanceTimeoutMs: 300000, memberId: '', protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: META }, { name: 'roundrobin', metadata: META }],
  },
  'SyncGroup v0': { groupId: 'g', generationId: 1, memberId: 'm-1', assignments: [{ memberId: 'm-1', assignment: ASSIGN }] },
  'Heartbeat v0': { groupId: 'g', generationId: 1, memberId: 'm-1' },
  'LeaveGroup v0': { groupId: 'g', memberId: 'm-1', members: [] },
  'OffsetCommit v0': {
    groupId: 'g', generationIdOrMemberEpoch: -1, memberId: '',
    topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 42, committedLeaderEpoch: -1, commitTimestamp: -1, committedMetadata: 'md' }] }],
  },
  'OffsetCommit v1': {
    groupId: 'g', generationIdOrMemberEpoch: 1, memberId: 'm-1',
    topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 42, committedLeaderEpoch: -1, commitTimestamp: -1, committedMetadata: 'md' }] }],
  },
  'OffsetCommit v2': {
    groupId: 'g', generationIdOrMemberEpoch: 1, memberId: 'm-1', retentionTimeMs: -1,
    topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 42, committedLeaderEpoch: -1, commitTimestamp: -1, committedMetadata: 'md' }] }],
  },
  'OffsetFetch v0': { groupId: 'g', topics: [{ name: 't', partitionIndexes: [0, 1] }] },
  'OffsetFetch v2 all': { groupId: 'g', topics: null },
  'DescribeGroups v0': { groups: ['g1', 'g2'], includeAuthorizedOperations: false },
  'DescribeGroups v3': { groups: ['g1', 'g2'], includeAuthorizedOperations: true },
  'ListGroups v0': { statesFilter: [], typesFilter: [] },
  'CreateTopics v0': {
    topics: [{ name: 't', numPartitions: 3, replicationFactor: 1, assignments: [], configs: [{ name: 'cleanup.policy', value: 'compact' }] }],
    timeoutMs: 30000, validateOnly: false,
  },
  'CreateTopics v1': {
    topics: [{ name: 't', numPartitions: -1, replicationFactor: -1, assignments: [{ partitionIndex: 0, brokerIds: [1] }], configs: [] }],
    timeoutMs: 30000, validateOnly: true,
  },
  'DeleteTopics v0': { topicNames: ['a', 'b'], topics: [], timeoutMs: 30000 },
  'DescribeConfigs v0': { resources: [{ resourceType: 2, resourceName: 't', configurationKeys: ['retention.ms'] }], includeSynonyms: false },
  'DescribeConfigs v1': { resources: [{ resourceType: 2, resourceName: 't', configurationKeys: null }], includeSynonyms: true },
  'AlterConfigs v0': { resources: [{ resourceType: 2, resourceName: 't', configs: [{ name: 'retention.ms', value: '1000' }] }], validateOnly: false },
  'CreatePartitions v0': {
    topics: [{ name: 't', count: 4, assignments: null }, { name: 'u', count: 2, assignments: [{ brokerIds: [1] }] }],
    timeoutMs: 30000, validateOnly: false,
  },
  'DeleteGroups v0': { groupsNames: ['g1'] },
  'SaslHandshake v0': { mechanism: 'PLAIN' },
  'SaslAuthenticate v0': { authBytes: Buffer.from([0, 0x75, 0, 0x70]) },
};

/** Versions that carry the same fields as an earlier one share its expectation. */
function expectedFor(name: string, version: number, hexBytes: string): Record<string, unknown> | undefined {
  if (name === 'OffsetFetch' && version >= 2 && hexBytes.endsWith('ffffffff')) return EXPECTED['OffsetFetch v2 all'];
  for (let v = version; v >= 0; v--) {
    const e = EXPECTED[`${name} v${v}`];
    if (e) return e;
  }
  return undefined;
}

interface PyRequest { name: string; version: number; apiKey: number; hex: string }

t.test('kafka-python 2.0.2 request bytes', async (t) => {
  if (!haveClient(t, 'python3-kafka')) return;
  const py = spawnSync(DEBIAN_PYTHON, ['-c', SCRIPT], { encoding: 'utf8', timeout: PYTHON_TIMEOUT_MS });
  if (py.status !== 0) {
    t.fail(`kafka-python's script failed (status ${py.status}): ${py.stderr || String(py.error)}`);
    return;
  }
  const requests = JSON.parse(py.stdout) as PyRequest[];
  t.ok(requests.length >= 40, `${requests.length} requests from kafka-python`);
  for (const q of requests) {
    const label = `${q.name} v${q.version}`;
    const spec = apiSpecs.get(q.apiKey);
    if (!spec) throw new Error(`no generated codec for api key ${q.apiKey}`);
    t.equal(spec.name, q.name, `${label}: api key ${q.apiKey} is ${q.name}`);
    const bytes = Buffer.from(q.hex, 'hex');
    const r = new Reader(bytes);
    const decoded = spec.readRequest(r, q.version) as Record<string, unknown>;
    t.equal(r.remaining(), 0, `${label}: every byte is read`);
    const want = expectedFor(q.name, q.version, q.hex);
    if (!want) throw new Error(`no expectation for ${label}`);
    const got = Object.fromEntries(Object.keys(want).map((k) => [k, decoded[k]]));
    t.strictSame(plain(got), plain(want), `${label}: decoded values`);
    const w = new Writer();
    spec.writeRequest(w, q.version, decoded);
    t.equal(w.toBuffer().toString('hex'), q.hex, `${label}: re-encoding gives kafka-python's bytes`);
  }
});
