/**
 * The records the coordinator writes to its internal `__consumer_offsets` partitions, in Kafka's
 * own layouts (the specs in protocol/kafka/OffsetCommit{Key,Value}.json and
 * GroupMetadata{Key,Value}.json), so tools that read the topic (Burrow, Kafka's formatters)
 * understand them. Every record is keyed by what it describes, so the latest record per key is the
 * state, a null value (tombstone) deletes it, and replaying a partition from its start rebuilds
 * every group it holds. Nothing here depends on where the bytes live.
 *
 *   key                                                   value (what Canopy writes)
 *   int16 1 | OffsetCommitKey v1 (group, topic, partition)  int16 3 | OffsetCommitValue v3
 *   int16 2 | GroupMetadataKey v2 (group)                   int16 3 | GroupMetadataValue v3
 *
 * Reading accepts every version of Kafka's specs except value version 1, which in Canopy's log is
 * always the layout Canopy used before (log-records-legacy.ts). Unknown key versions are skipped
 * on replay so a newer writer does not break an older reader.
 */
import { Reader } from '../protocol/primitives/reader.js';
import { Writer } from '../protocol/primitives/writer.js';
import { readOffsetCommitKey, writeOffsetCommitKey } from '../protocol/generated/offset-commit-key.js';
import { readOffsetCommitValue, writeOffsetCommitValue } from '../protocol/generated/offset-commit-value.js';
import { readGroupMetadataKey, writeGroupMetadataKey } from '../protocol/generated/group-metadata-key.js';
import { readGroupMetadataValue, writeGroupMetadataValue } from '../protocol/generated/group-metadata-value.js';
import type { GroupSnapshot } from './group.js';
import { decodeLegacyGroupValue, decodeLegacyOffsetValue, LEGACY_VALUE_VERSION } from './log-records-legacy.js';

/** Kafka writes OffsetCommitKey version 1 (0 is the same layout). */
export const KEY_VERSION_OFFSET = 1;
export const KEY_VERSION_GROUP = 2;
/** Kafka 2.3+ (non-flexible) value versions; Burrow and Kafka's tools read them. */
export const OFFSET_VALUE_VERSION = 3;
export const GROUP_VALUE_VERSION = 3;

export interface CommittedOffset {
  offset: number;
  leaderEpoch: number;
  metadata: string;
  commitTimestampMs: number;
}

export type DecodedKey =
  | { kind: 'offset'; groupId: string; topic: string; partition: number }
  | { kind: 'group'; groupId: string }
  | { kind: 'unknown' };

/** int16 version followed by the spec's fields at that version, as Kafka lays out both keys and values. */
function versioned(version: number, write: (w: Writer) => void): Buffer {
  const w = new Writer();
  w.writeInt16(version);
  write(w);
  return w.toBuffer();
}

export function offsetKey(groupId: string, topic: string, partition: number): Buffer {
  return versioned(KEY_VERSION_OFFSET, (w) => writeOffsetCommitKey(w, KEY_VERSION_OFFSET, { group: groupId, topic, partition }));
}

export function groupKey(groupId: string): Buffer {
  return versioned(KEY_VERSION_GROUP, (w) => writeGroupMetadataKey(w, KEY_VERSION_GROUP, { group: groupId }));
}

export function decodeKey(key: Buffer): DecodedKey {
  const r = new Reader(key);
  const version = r.readInt16();
  if (version === 0 || version === KEY_VERSION_OFFSET) {
    const k = readOffsetCommitKey(r, version);
    return { kind: 'offset', groupId: k.group, topic: k.topic, partition: k.partition };
  }
  if (version === KEY_VERSION_GROUP) return { kind: 'group', groupId: readGroupMetadataKey(r, version).group };
  return { kind: 'unknown' };
}

export function offsetValue(o: CommittedOffset): Buffer {
  return versioned(OFFSET_VALUE_VERSION, (w) =>
    writeOffsetCommitValue(w, OFFSET_VALUE_VERSION, {
      offset: o.offset,
      leaderEpoch: o.leaderEpoch,
      metadata: o.metadata,
      commitTimestamp: o.commitTimestampMs,
      expireTimestamp: -1,
    }),
  );
}

export function decodeOffsetValue(value: Buffer): CommittedOffset {
  const r = new Reader(value);
  const version = r.readInt16();
  if (version === LEGACY_VALUE_VERSION) return decodeLegacyOffsetValue(value);
  const v = readOffsetCommitValue(r, version);
  return { offset: v.offset, leaderEpoch: v.leaderEpoch, metadata: v.metadata, commitTimestampMs: v.commitTimestamp };
}

/**
 * Kafka's value holds each member's metadata for the chosen protocol only (its subscription), not
 * the state: Canopy persists a group when it becomes Stable (members) or Empty (none), which is
 * what decodeGroupValue infers back, as Kafka does on load.
 */
export function groupValue(s: GroupSnapshot): Buffer {
  return versioned(GROUP_VALUE_VERSION, (w) =>
    writeGroupMetadataValue(w, GROUP_VALUE_VERSION, {
      protocolType: s.protocolType ?? '',
      generation: s.generationId,
      protocol: s.protocolName,
      leader: s.leaderId,
      currentStateTimestamp: s.stateTimestampMs,
      members: s.members.map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        rebalanceTimeout: m.rebalanceTimeoutMs,
        sessionTimeout: m.sessionTimeoutMs,
        subscription: m.protocols.find((p) => p.name === s.protocolName)?.metadata ?? Buffer.alloc(0),
        assignment: m.assignment,
      })),
    }),
  );
}

export function decodeGroupValue(groupId: string, value: Buffer): GroupSnapshot {
  const r = new Reader(value);
  const version = r.readInt16();
  if (version === LEGACY_VALUE_VERSION) return decodeLegacyGroupValue(groupId, value);
  const v = readGroupMetadataValue(r, version);
  const protocolName = v.protocol;
  return {
    groupId,
    protocolType: v.protocolType === '' ? null : v.protocolType,
    protocolName,
    generationId: v.generation,
    leaderId: v.leader,
    state: v.members.length === 0 ? 'Empty' : 'Stable',
    stateTimestampMs: v.currentStateTimestamp,
    members: v.members.map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      sessionTimeoutMs: m.sessionTimeout,
      // Before version 1 Kafka used the session timeout as the rebalance timeout.
      rebalanceTimeoutMs: version >= 1 ? m.rebalanceTimeout : m.sessionTimeout,
      // Copies: the decoded bytes are slices of the whole replayed batch.
      protocols: protocolName === null ? [] : [{ name: protocolName, metadata: Buffer.from(m.subscription) }],
      assignment: Buffer.from(m.assignment),
    })),
  };
}

/**
 * Java's String.hashCode, so a group lands on the same `__consumer_offsets` partition as in Kafka
 * (abs(hash) % partitionCount). Stable across restarts and versions, which is all we need.
 */
export function groupPartition(groupId: string, partitionCount: number): number {
  let h = 0;
  for (let i = 0; i < groupId.length; i++) h = (Math.imul(h, 31) + groupId.charCodeAt(i)) | 0;
  return (h & 0x7fffffff) % partitionCount;
}
