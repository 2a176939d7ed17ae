// Real-client bytes for the flexible versions: every request version of the group/admin/SASL APIs
// that @platformatic/kafka 1.35 implements is encoded by its own createRequest, then read by the
// generated codec at that version. The read must consume every byte and equal the message the
// client was given; re-encoding must reproduce the client's bytes exactly.
import t from 'tap';
import * as plt from '@platformatic/kafka';
import { Reader } from '../../../src/protocol/primitives/reader.js';
import { Writer } from '../../../src/protocol/primitives/writer.js';
import { apiSpecs, ApiKey, ZERO_UUID } from '../../../src/protocol/generated/index.js';
import { plain } from '../../helpers/protocol-vector.js';

interface PltApiModule {
  createRequest(...args: unknown[]): { buffer: Buffer };
}
type Msg = Record<string, unknown>;

interface Case {
  module: string;
  apiKey: number;
  version: number;
  /** The complete message as our codec reads it at this version. */
  message: Msg;
  /** createRequest's positional arguments, taken from the message. */
  args(m: Msg): unknown[];
}

const SUBSCRIPTION = Buffer.from('000100000001000174ffffffff00000000', 'hex');
const TOPIC_ID = Buffer.from('00112233445566778899aabbccddeeff', 'hex');

const joinGroup = (version: number, reason: string | null): Case => ({
  module: `joinGroupV${version}`, apiKey: ApiKey.JoinGroup, version,
  message: {
    groupId: 'g', sessionTimeoutMs: 60000, rebalanceTimeoutMs: 102000, memberId: 'm-1', groupInstanceId: 'i-1',
    protocolType: 'consumer', protocols: [{ name: 'roundrobin', metadata: SUBSCRIPTION }], reason,
  },
  args: (m) => [m.groupId, m.sessionTimeoutMs, m.rebalanceTimeoutMs, m.memberId, m.groupInstanceId, m.protocolType, m.protocols, m.reason],
});

const syncGroup = (version: number, type: string | null, name: string | null): Case => ({
  module: `syncGroupV${version}`, apiKey: ApiKey.SyncGroup, version,
  message: {
    groupId: 'g', generationId: 4, memberId: 'm-1', groupInstanceId: null, protocolType: type, protocolName: name,
    assignments: [{ memberId: 'm-1', assignment: Buffer.from('0001', 'hex') }],
  },
  args: (m) => [m.groupId, m.generationId, m.memberId, m.groupInstanceId, m.protocolType, m.protocolName, m.assignments],
});

const offsetCommit = (version: number): Case => ({
  module: `offsetCommitV${version}`, apiKey: ApiKey.OffsetCommit, version,
  message: {
    groupId: 'g', generationIdOrMemberEpoch: 4, memberId: 'm-1', groupInstanceId: null, retentionTimeMs: -1,
    topics: [{ name: 't', partitions: [{ partitionIndex: 2, committedOffset: 1234567890123, committedLeaderEpoch: 3, commitTimestamp: -1, committedMetadata: 'meta' }] }],
  },
  // platformatic takes int64 values as BigInt.
  args: (m) => [m.groupId, m.generationIdOrMemberEpoch, m.memberId, m.groupInstanceId, (m.topics as Msg[]).map((tp) => ({
    ...tp, partitions: (tp.partitions as Msg[]).map((p) => ({ ...p, committedOffset: BigInt(p.committedOffset as number) })),
  }))],
});

const offsetFetch = (version: number): Case => ({
  module: `offsetFetchV${version}`, apiKey: ApiKey.OffsetFetch, version,
  message: {
    groupId: '', topics: [], requireStable: true,
    groups: [{
      groupId: 'g', memberId: version >= 9 ? 'm-1' : null, memberEpoch: version >= 9 ? 5 : -1,
      topics: [{ name: 't', partitionIndexes: [0, 1] }],
    }],
  },
  args: (m) => [m.groups, m.requireStable],
});

const findCoordinator = (version: number): Case => ({
  module: `findCoordinatorV${version}`, apiKey: ApiKey.FindCoordinator, version,
  message: { key: '', keyType: 0, coordinatorKeys: ['g1', 'g2'] },
  args: (m) => [m.keyType, m.coordinatorKeys],
});

const cases: Case[] = [
  ...[6, 7].map((v) => joinGroup(v, null)),
  ...[8, 9].map((v) => joinGroup(v, 'rebalance')),
  syncGroup(4, null, null),
  syncGroup(5, 'consumer', 'roundrobin'),
  {
    module: 'heartbeatV4', apiKey: ApiKey.Heartbeat, version: 4,
    message: { groupId: 'g', generationId: 4, memberId: 'm-1', groupInstanceId: 'i-1' },
    args: (m) => [m.groupId, m.generationId, m.memberId, m.groupInstanceId],
  },
  {
    module: 'leaveGroupV4', apiKey: ApiKey.LeaveGroup, version: 4,
    message: { groupId: 'g', memberId: '', members: [{ memberId: 'm-1', groupInstanceId: null, reason: null }] },
    args: (m) => [m.groupId, m.members],
  },
  {
    module: 'leaveGroupV5', apiKey: ApiKey.LeaveGroup, version: 5,
    message: { groupId: 'g', memberId: '', members: [{ memberId: 'm-1', groupInstanceId: 'i-1', reason: 'shutdown' }] },
    args: (m) => [m.groupId, m.members],
  },
  offsetCommit(8), offsetCommit(9),
  offsetFetch(8), offsetFetch(9),
  findCoordinator(4), findCoordinator(5), findCoordinator(6),
  {
    module: 'describeGroupsV5', apiKey: ApiKey.DescribeGroups, version: 5,
    message: { groups: ['g1', 'g2'], includeAuthorizedOperations: true },
    args: (m) => [m.groups, m.includeAuthorizedOperations],
  },
  {
    module: 'listGroupsV4', apiKey: ApiKey.ListGroups, version: 4,
    message: { statesFilter: ['Stable'], typesFilter: [] },
    args: (m) => [m.statesFilter, m.typesFilter],
  },
  {
    module: 'listGroupsV5', apiKey: ApiKey.ListGroups, version: 5,
    message: { statesFilter: ['Stable', 'Empty'], typesFilter: ['classic'] },
    args: (m) => [m.statesFilter, m.typesFilter],
  },
  {
    module: 'deleteGroupsV2', apiKey: ApiKey.DeleteGroups, version: 2,
    message: { groupsNames: ['g1', 'g2'] },
    args: (m) => [m.groupsNames],
  },
  {
    module: 'offsetDeleteV0', apiKey: ApiKey.OffsetDelete, version: 0,
    message: { groupId: 'g', topics: [{ name: 't', partitions: [{ partitionIndex: 0 }, { partitionIndex: 3 }] }] },
    args: (m) => [m.groupId, m.topics],
  },
  {
    module: 'createTopicsV7', apiKey: ApiKey.CreateTopics, version: 7,
    message: {
      topics: [
        { name: 'a', numPartitions: 3, replicationFactor: 1, assignments: [], configs: [{ name: 'retention.ms', value: '1000' }, { name: 'x', value: null }] },
        { name: 'b', numPartitions: -1, replicationFactor: -1, assignments: [{ partitionIndex: 0, brokerIds: [1, 2] }], configs: [] },
      ],
      timeoutMs: 30000, validateOnly: false,
    },
    args: (m) => [m.topics, m.timeoutMs, m.validateOnly],
  },
  {
    module: 'deleteTopicsV6', apiKey: ApiKey.DeleteTopics, version: 6,
    message: { topics: [{ name: 'a', topicId: ZERO_UUID }, { name: null, topicId: TOPIC_ID }], topicNames: [], timeoutMs: 30000 },
    // platformatic takes uuids as hex strings.
    args: (m) => [(m.topics as Msg[]).map((tp) => ({ name: tp.name, topicId: (tp.topicId as Buffer).toString('hex') })), m.timeoutMs],
  },
  {
    module: 'deleteRecordsV2', apiKey: ApiKey.DeleteRecords, version: 2,
    message: { topics: [{ name: 't', partitions: [{ partitionIndex: 1, offset: 99 }] }], timeoutMs: 30000 },
    args: (m) => [[{ name: 't', partitions: [{ partitionIndex: 1, offset: 99n }] }], m.timeoutMs],
  },
  ...[3, 4, 5].map((version): Case => ({
    module: `initProducerIdV${version}`, apiKey: ApiKey.InitProducerId, version,
    message: { transactionalId: version === 5 ? 'tx' : null, transactionTimeoutMs: 60000, producerId: -1, producerEpoch: -1 },
    args: (m) => [m.transactionalId, m.transactionTimeoutMs, BigInt(m.producerId as number), m.producerEpoch],
  })),
  {
    module: 'offsetForLeaderEpochV4', apiKey: ApiKey.OffsetForLeaderEpoch, version: 4,
    message: { replicaId: -2, topics: [{ topic: 't', partitions: [{ partition: 0, currentLeaderEpoch: 5, leaderEpoch: 4 }] }] },
    // platformatic names the topic field `name` and the partition field `partitionIndex`.
    args: (m) => [m.replicaId, (m.topics as Msg[]).map((tp) => ({
      name: tp.topic,
      partitions: (tp.partitions as Msg[]).map((p) => ({ partitionIndex: p.partition, currentLeaderEpoch: p.currentLeaderEpoch, leaderEpoch: p.leaderEpoch })),
    }))],
  },
  {
    module: 'describeConfigsV4', apiKey: ApiKey.DescribeConfigs, version: 4,
    message: { resources: [{ resourceType: 2, resourceName: 't', configurationKeys: ['retention.ms'] }], includeSynonyms: true, includeDocumentation: true },
    args: (m) => [m.resources, m.includeSynonyms, m.includeDocumentation],
  },
  {
    module: 'alterConfigsV2', apiKey: ApiKey.AlterConfigs, version: 2,
    message: { resources: [{ resourceType: 2, resourceName: 't', configs: [{ name: 'retention.ms', value: '1000' }] }], validateOnly: true },
    args: (m) => [m.resources, m.validateOnly],
  },
  {
    module: 'incrementalAlterConfigsV1', apiKey: ApiKey.IncrementalAlterConfigs, version: 1,
    message: { resources: [{ resourceType: 4, resourceName: '1', configs: [{ name: 'log.retention.ms', configOperation: 1, value: null }] }], validateOnly: false },
    args: (m) => [m.resources, m.validateOnly],
  },
  ...[2, 3].map((version): Case => ({
    module: `createPartitionsV${version}`, apiKey: ApiKey.CreatePartitions, version,
    message: { topics: [{ name: 't', count: 6, assignments: [{ brokerIds: [1] }, { brokerIds: [2] }] }], timeoutMs: 30000, validateOnly: false },
    args: (m) => [m.topics, m.timeoutMs, m.validateOnly],
  })),
  {
    module: 'describeClusterV0', apiKey: ApiKey.DescribeCluster, version: 0,
    message: { includeClusterAuthorizedOperations: true, endpointType: 1 },
    args: (m) => [m.includeClusterAuthorizedOperations, m.endpointType],
  },
  {
    module: 'describeClusterV1', apiKey: ApiKey.DescribeCluster, version: 1,
    message: { includeClusterAuthorizedOperations: false, endpointType: 2 },
    args: (m) => [m.includeClusterAuthorizedOperations, m.endpointType],
  },
  {
    module: 'saslHandshakeV1', apiKey: ApiKey.SaslHandshake, version: 1,
    message: { mechanism: 'SCRAM-SHA-512' },
    args: (m) => [m.mechanism],
  },
  {
    module: 'saslAuthenticateV2', apiKey: ApiKey.SaslAuthenticate, version: 2,
    message: { authBytes: Buffer.from('\0user\0secret') },
    args: (m) => [m.authBytes],
  },
];

for (const c of cases) {
  t.test(`${c.module}: @platformatic/kafka request bytes`, async (t) => {
    const mod = (plt as unknown as Record<string, PltApiModule | undefined>)[c.module];
    if (!mod) throw new Error(`@platformatic/kafka has no ${c.module}`);
    const spec = apiSpecs.get(c.apiKey);
    if (!spec) throw new Error(`no generated codec for api key ${c.apiKey}`);
    const bytes = Buffer.from(mod.createRequest(...c.args(c.message)).buffer);
    const r = new Reader(bytes);
    const decoded = spec.readRequest(r, c.version);
    t.equal(r.remaining(), 0, 'every byte the client wrote is read');
    t.strictSame(plain(decoded), plain(c.message), 'decodes to the message the client was given');
    const w = new Writer();
    spec.writeRequest(w, c.version, decoded);
    t.equal(w.toBuffer().toString('hex'), bytes.toString('hex'), "re-encoding gives the client's bytes");
  });
}
