/**
 * Every metric Canopy exports, in one table: name (with its unit suffix), type, labels and help.
 *
 * Why one table: grafana/ dashboards, the README's metric list and the probes all refer to these
 * names, and test/metrics + test/grafana check that the three agree (STYLE habit 12). A probe never
 * spells a metric name inline; it takes it from here.
 *
 * Units follow Prometheus conventions: `_seconds`, `_bytes`, `_total` for counters, `_ratio` for
 * 0..1 gauges; offsets are plain counts of records (no unit suffix, as Kafka's own names).
 */
export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface MetricSpec {
  readonly name: string;
  readonly type: MetricType;
  readonly labels: readonly string[];
  readonly help: string;
}

function spec(name: string, type: MetricType, labels: readonly string[], help: string): MetricSpec {
  return { name, type, labels, help };
}

export const metricSpecs = {
  apiRequests: spec('canopy_api_requests_total', 'counter', ['api', 'version', 'outcome'],
    'Kafka API requests handled, by API name (unknown: a key with no name), request version (unsupported: an API or version the broker does not serve) and outcome (ok; error: the connection was closed over it; unsupported).'),
  apiRequestDuration: spec('canopy_api_request_duration_seconds', 'histogram', ['api', 'outcome'],
    'Time from a Kafka request being decoded to its response being queued, by API and outcome.'),
  apiErrors: spec('canopy_api_errors_total', 'counter', ['api', 'error'],
    'Kafka error codes answered, by API and error name (protocol/errors.json; UNKNOWN_ERROR_CODE otherwise): one per top-level, topic, partition or member answer that is not NONE, so a Produce whose partitions were refused counts once per refused partition.'),
  topicBytesIn: spec('canopy_topic_bytes_in_total', 'counter', ['topic'],
    'Record-batch bytes appended by Produce requests, by topic.'),
  topicBytesOut: spec('canopy_topic_bytes_out_total', 'counter', ['topic'],
    'Record-batch bytes returned by Fetch responses, by topic.'),
  topicRecordsIn: spec('canopy_topic_records_in_total', 'counter', ['topic'],
    'Records appended by Produce requests, by topic.'),
  connectionsActive: spec('canopy_connections_active', 'gauge', [],
    'Kafka client connections currently open.'),
  connectionsAccepted: spec('canopy_connections_accepted_total', 'counter', [],
    'Kafka client connections accepted since start.'),
  partitionLogStartOffset: spec('canopy_partition_log_start_offset', 'gauge', ['topic', 'partition'],
    'First offset still stored in the partition (advances with retention).'),
  partitionLogEndOffset: spec('canopy_partition_log_end_offset', 'gauge', ['topic', 'partition'],
    'Offset the next appended record will get.'),
  partitionHighWatermark: spec('canopy_partition_high_watermark', 'gauge', ['topic', 'partition'],
    'Committed offset: consumers read below it.'),
  partitionSize: spec('canopy_partition_size_bytes', 'gauge', ['topic', 'partition'],
    'Bytes of log segments stored for the partition.'),
  dataDirFree: spec('canopy_data_dir_free_bytes', 'gauge', [],
    'Bytes the broker may still write on the data dir\'s file system (statfs available blocks), read at scrape time.'),
  dataDirCapacity: spec('canopy_data_dir_capacity_bytes', 'gauge', [],
    'Size of the data dir\'s file system in bytes, read at scrape time.'),
  journalAppendDuration: spec('canopy_journal_append_duration_seconds', 'histogram', [],
    'Time of one journal segment write (a group-commit run of batches; fsync not included).'),
  journalFsyncDuration: spec('canopy_journal_fsync_duration_seconds', 'histogram', [],
    'Time of one journal fsync.'),
  journalCacheHitRatio: spec('canopy_journal_cache_hit_ratio', 'gauge', [],
    'Fraction of journal reads served from the page cache since start (0..1).'),
  groupLag: spec('canopy_consumer_group_lag', 'gauge', ['group', 'topic', 'partition'],
    'Records between the high watermark and the group\'s committed offset.'),
  groupLagSeconds: spec('canopy_consumer_group_lag_seconds', 'gauge', ['group', 'topic', 'partition'],
    'Age of the oldest record the group has not consumed: now minus the timestamp of the first record at or after the committed offset; 0 when caught up.'),
  groupMembers: spec('canopy_consumer_group_members', 'gauge', ['group'],
    'Members currently in the consumer group.'),
  eventLoopLagP99: spec('canopy_event_loop_lag_p99_seconds', 'gauge', [],
    '99th percentile of event-loop delay over the last scrape interval.'),
  eventLoopLagMax: spec('canopy_event_loop_lag_max_seconds', 'gauge', [],
    'Largest event-loop delay over the last scrape interval.'),
  brokerInfo: spec('canopy_broker_info', 'gauge', ['node_id', 'cluster_id', 'version'],
    'Always 1; labels identify the node.'),
  brokerReady: spec('canopy_broker_ready', 'gauge', [],
    '1 once the journal is recovered and the Kafka listener accepts, else 0.'),
} as const satisfies Record<string, MetricSpec>;

export type MetricKey = keyof typeof metricSpecs;

/**
 * The peer transport's metrics (src/replication/transport/, probe `probes/peers.ts`). Kept out of
 * `metricSpecs` until the node start-up runs the transport (issue #10): `metricSpecs` is what a node
 * exports, and the README table and the dashboards are checked against it.
 */
export const peerMetricSpecs = {
  peerFramesSent: spec('canopy_peer_frames_sent_total', 'counter', ['peer'],
    'Frames sent to a peer node on its internal listener (one per peer per event-loop turn carries every Raft group), by peer node id.'),
  peerBytesSent: spec('canopy_peer_bytes_sent_total', 'counter', ['peer'],
    'Bytes of those frames, by peer node id.'),
  peerFramesReceived: spec('canopy_peer_frames_received_total', 'counter', ['peer'],
    'Frames received from a peer node on the internal listener, by peer node id.'),
  peerBytesReceived: spec('canopy_peer_bytes_received_total', 'counter', ['peer'],
    'Bytes of those frames, by peer node id.'),
  peerMessagesDropped: spec('canopy_peer_messages_dropped_total', 'counter', ['peer', 'reason'],
    'Raft messages dropped (Raft retransmits), by peer node id (unknown: no such peer) and reason (queue-full: the oldest queued message gave way; unknown-group: received for a group this node does not have; unknown-peer; unencodable: a value the codec refuses).'),
  peerReconnects: spec('canopy_peer_reconnects_total', 'counter', ['peer'],
    'Connection attempts to a peer after a failed or lost connection, by peer node id.'),
  peersConnected: spec('canopy_peers_connected', 'gauge', [],
    'Peer nodes this node has an outbound internal connection to, past the handshake.'),
} as const satisfies Record<string, MetricSpec>;


/**
 * Process metrics come from prom-client's default collectors (documented in README); these are the
 * ones dashboards rely on.
 */
export const processMetricNames = [
  'process_cpu_user_seconds_total',
  'process_cpu_system_seconds_total',
  'process_cpu_seconds_total',
  'process_start_time_seconds',
  'process_resident_memory_bytes',
  'process_open_fds',
  'process_max_fds',
  'nodejs_heap_size_used_bytes',
  'nodejs_heap_size_total_bytes',
  'nodejs_eventloop_lag_seconds',
] as const;

/**
 * prom-client default metrics that break Prometheus naming rules (gauges named `_total`, which
 * `promtool check metrics` rejects). They are removed from the registry; the same facts are in
 * `nodejs_active_handles` / `nodejs_active_requests` / `nodejs_active_resources`.
 */
export const processMetricsDropped = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
] as const;

/** Latency buckets in seconds: 50 µs to 2.5 s, enough for both an fsync and a long Fetch wait. */
export const durationBucketsSeconds: readonly number[] = [
  0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
];
