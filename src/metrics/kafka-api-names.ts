/**
 * Kafka API key → name, for the `api` label of request metrics. Names are the public protocol's
 * message names without the Request/Response suffix. A key missing here is labelled `unknown`:
 * label values must come from a closed set, or a client sending random API keys would create a
 * series per key (unbounded memory in the broker and in Prometheus).
 */
const apiNames: ReadonlyMap<number, string> = new Map([
  [0, 'Produce'], [1, 'Fetch'], [2, 'ListOffsets'], [3, 'Metadata'], [8, 'OffsetCommit'],
  [9, 'OffsetFetch'], [10, 'FindCoordinator'], [11, 'JoinGroup'], [12, 'Heartbeat'],
  [13, 'LeaveGroup'], [14, 'SyncGroup'], [15, 'DescribeGroups'], [16, 'ListGroups'],
  [17, 'SaslHandshake'], [18, 'ApiVersions'], [19, 'CreateTopics'], [20, 'DeleteTopics'],
  [21, 'DeleteRecords'], [22, 'InitProducerId'], [23, 'OffsetForLeaderEpoch'],
  [24, 'AddPartitionsToTxn'], [25, 'AddOffsetsToTxn'], [26, 'EndTxn'], [27, 'WriteTxnMarkers'],
  [28, 'TxnOffsetCommit'], [29, 'DescribeAcls'], [30, 'CreateAcls'], [31, 'DeleteAcls'],
  [32, 'DescribeConfigs'], [33, 'AlterConfigs'], [35, 'DescribeLogDirs'], [36, 'SaslAuthenticate'],
  [37, 'CreatePartitions'], [42, 'DeleteGroups'], [43, 'ElectLeaders'],
  [44, 'IncrementalAlterConfigs'], [47, 'OffsetDelete'], [60, 'DescribeCluster'],
  [61, 'DescribeProducers'], [68, 'ConsumerGroupHeartbeat'], [69, 'ConsumerGroupDescribe'],
]);

/** The `api` label of a key that has no name here. */
export const UNKNOWN_API = 'unknown';

export function kafkaApiName(apiKey: number): string {
  return apiNames.get(apiKey) ?? UNKNOWN_API;
}
