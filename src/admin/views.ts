/**
 * What the admin API needs from the broker, declared by the admin layer (the consumer of an
 * interface defines it, STYLE 3.3 habit 5). `broker-views.ts` builds these from a running `Broker`;
 * the routes know nothing else, so they can be tested against any node object that satisfies them.
 *
 * Mutating calls return an `AdminResult` instead of throwing: a missing topic or a bad config
 * value is an expected outcome with a stable code (errors.ts), not an exception.
 */
import type { AdminErrorCode } from './errors.js';

export type AdminResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: AdminErrorCode; readonly message: string };

export interface HostPortView { readonly host: string; readonly port: number }

export interface ReadinessReport {
  readonly ready: boolean;
  /** Named checks, e.g. { journalRecovered: true, kafkaListening: false }. */
  readonly checks: Readonly<Record<string, boolean>>;
}

export interface NodeView {
  readonly nodeId: number;
  readonly clusterId: string;
  readonly version: string;
  /** Where clients connect (Metadata's address). */
  readonly advertised: HostPortView;
  readonly dataDir: string;
  readonly startedAtMs: number;
  readiness(): ReadinessReport;
}

export interface PartitionView {
  readonly partition: number;
  readonly leader: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly logStartOffset: number;
  readonly logEndOffset: number;
  readonly highWatermark: number;
  readonly sizeBytes: number;
  /** Null while the partition serves; why it is offline (damaged journal: file, byte, offset) otherwise. Offsets are then -1. */
  readonly offline: string | null;
}

export interface TopicSummaryView {
  readonly name: string;
  readonly partitions: number;
  readonly internal: boolean;
}

export interface TopicDescriptionView {
  readonly name: string;
  readonly internal: boolean;
  readonly partitions: readonly PartitionView[];
  /** Effective configs (topic overrides over broker defaults), Kafka's names. */
  readonly configs: Readonly<Record<string, string>>;
  /** Where each effective config comes from: a topic override, the broker's topicDefaults, or the built-in default. */
  readonly configSources: Readonly<Record<string, 'topic' | 'broker' | 'default'>>;
}

export interface TopicCreateRequest {
  readonly name: string;
  /** Absent: the broker's default partition count. */
  readonly partitions?: number;
  readonly configs: Readonly<Record<string, string>>;
}

export interface TopicsView {
  list(): readonly TopicSummaryView[];
  describe(name: string): TopicDescriptionView | undefined;
  create(request: TopicCreateRequest): Promise<AdminResult<TopicDescriptionView>>;
  delete(name: string): Promise<AdminResult<null>>;
  /** Grows the topic to `count` partitions in total (only up, as Kafka's CreatePartitions). */
  addPartitions(name: string, count: number): Promise<AdminResult<TopicDescriptionView>>;
  /** Sets `set` and removes `remove` (back to the default); returns the effective configs. */
  alterConfigs(name: string, set: Readonly<Record<string, string>>, remove: readonly string[]):
    Promise<AdminResult<Readonly<Record<string, string>>>>;
}

export interface GroupSummaryView {
  readonly groupId: string;
  readonly state: string;
  readonly protocolType: string;
  readonly members: number;
}

export interface GroupMemberView {
  readonly memberId: string;
  readonly clientId: string;
  readonly clientHost: string;
  readonly assignments: readonly { readonly topic: string; readonly partitions: readonly number[] }[];
}

/** A partition the group committed to or is assigned; null = unknown (nothing committed, partition gone). */
export interface GroupOffsetView {
  readonly topic: string;
  readonly partition: number;
  readonly committedOffset: number | null;
  readonly highWatermark: number | null;
  /** highWatermark − committedOffset, never negative; null when either is unknown. */
  readonly lag: number | null;
  /** The member the partition is assigned to in the current generation. */
  readonly memberId: string | null;
}

export interface GroupDescriptionView {
  readonly groupId: string;
  readonly state: string;
  readonly protocolType: string;
  readonly protocol: string;
  readonly members: readonly GroupMemberView[];
  readonly offsets: readonly GroupOffsetView[];
}

export type OffsetResetTarget =
  | { readonly kind: 'earliest' }
  | { readonly kind: 'latest' }
  | { readonly kind: 'timestamp'; readonly timestampMs: number }
  | { readonly kind: 'offset'; readonly offset: number };

export interface OffsetResetRequest {
  /** Absent: every topic the group has committed offsets for. */
  readonly topic?: string;
  /** Absent: every partition of the topic(s). */
  readonly partitions?: readonly number[];
  readonly target: OffsetResetTarget;
  readonly dryRun: boolean;
}

export interface OffsetResetView {
  readonly topic: string;
  readonly partition: number;
  /** null when the group had no committed offset for the partition. */
  readonly previousOffset: number | null;
  readonly newOffset: number;
}

export interface GroupsView {
  list(): Promise<readonly GroupSummaryView[]>;
  describe(groupId: string): Promise<GroupDescriptionView | undefined>;
  /** Refused with CANOPY_ERR_GROUP_NOT_EMPTY while the group has members. */
  delete(groupId: string): Promise<AdminResult<null>>;
  /** Refused with CANOPY_ERR_GROUP_NOT_EMPTY while the group has members (dry runs too, as Kafka). */
  resetOffsets(groupId: string, request: OffsetResetRequest): Promise<AdminResult<readonly OffsetResetView[]>>;
}

/** A node registered in the cluster metadata. */
export interface RegisteredNodeView {
  readonly nodeId: number;
  readonly kafka: HostPortView | null;
  readonly internal: HostPortView | null;
  readonly rack: string | null;
  readonly fenced: boolean;
}

/** The cluster metadata (cluster mode): registered nodes and the metadata group's leader and term. */
export interface MetadataView {
  nodes(): readonly RegisteredNodeView[];
  leader(): { readonly nodeId: number; readonly term: number };
}

/** Everything the admin app reads; `groups` is absent until the group coordinator runs. */
export interface AdminViews {
  readonly node: NodeView;
  readonly topics: TopicsView;
  readonly groups?: GroupsView;
  /** Absent on a single node (no metadata group). */
  readonly metadata?: MetadataView | undefined;
}
