/**
 * The records the coordinator writes to its internal `__consumer_offsets` partitions, following
 * Kafka's idea of that topic: every record is keyed by what it describes, so the latest record per
 * key is the state, a null value (tombstone) deletes it, and replaying a partition from its start
 * rebuilds every group it holds. Nothing here depends on where the bytes live, so replicating the
 * partitions with Raft later changes nothing in this file.
 *
 *   key (big-endian)                                          value
 *   int16 1 | string group | string topic | int32 partition  offset:  int16 1 | int64 offset |
 *                                                              int32 leaderEpoch | string metadata |
 *                                                              int64 commitTimestampMs
 *   int16 2 | string group                                    group:   int16 1 | group snapshot
 *                                                              (see writeGroupValue)
 *
 * string = int16 length + UTF-8 (-1 = null); bytes = int32 length + bytes. Unknown key versions are
 * skipped on replay so a newer writer does not break an older reader.
 */
import { readInt64, writeInt64 } from '../util/int64.js';
import type { GroupSnapshot, GroupState } from './group.js';

export const KEY_VERSION_OFFSET = 1;
export const KEY_VERSION_GROUP = 2;
const VALUE_VERSION = 1;

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

class Writer {
  #parts: Buffer[] = [];
  int16(v: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(v);
    this.#parts.push(b);
    return this;
  }
  int32(v: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    this.#parts.push(b);
    return this;
  }
  int64(v: number): this {
    const b = Buffer.alloc(8);
    writeInt64(b, 0, v);
    this.#parts.push(b);
    return this;
  }
  string(v: string | null): this {
    if (v === null) return this.int16(-1);
    const s = Buffer.from(v, 'utf8');
    this.int16(s.length);
    this.#parts.push(s);
    return this;
  }
  bytes(v: Buffer): this {
    this.int32(v.length);
    this.#parts.push(v);
    return this;
  }
  done(): Buffer {
    return Buffer.concat(this.#parts);
  }
}

/** Reads what Writer wrote; throws RangeError on a short buffer (a corrupt record). */
class Reader {
  #pos = 0;
  constructor(readonly buf: Buffer) {}
  int16(): number {
    const v = this.buf.readInt16BE(this.#pos);
    this.#pos += 2;
    return v;
  }
  int32(): number {
    const v = this.buf.readInt32BE(this.#pos);
    this.#pos += 4;
    return v;
  }
  int64(): number {
    if (this.#pos + 8 > this.buf.length) throw new RangeError('short int64');
    const v = readInt64(this.buf, this.#pos);
    this.#pos += 8;
    return v;
  }
  string(): string | null {
    const n = this.int16();
    if (n < 0) return null;
    if (this.#pos + n > this.buf.length) throw new RangeError('short string');
    const v = this.buf.toString('utf8', this.#pos, this.#pos + n);
    this.#pos += n;
    return v;
  }
  bytes(): Buffer {
    const n = this.int32();
    if (n < 0 || this.#pos + n > this.buf.length) throw new RangeError('short bytes');
    const v = Buffer.from(this.buf.subarray(this.#pos, this.#pos + n));
    this.#pos += n;
    return v;
  }
}

export function offsetKey(groupId: string, topic: string, partition: number): Buffer {
  return new Writer().int16(KEY_VERSION_OFFSET).string(groupId).string(topic).int32(partition).done();
}

export function groupKey(groupId: string): Buffer {
  return new Writer().int16(KEY_VERSION_GROUP).string(groupId).done();
}

export function decodeKey(key: Buffer): DecodedKey {
  const r = new Reader(key);
  const version = r.int16();
  if (version === KEY_VERSION_OFFSET) {
    return { kind: 'offset', groupId: r.string() ?? '', topic: r.string() ?? '', partition: r.int32() };
  }
  if (version === KEY_VERSION_GROUP) return { kind: 'group', groupId: r.string() ?? '' };
  return { kind: 'unknown' };
}

export function offsetValue(o: CommittedOffset): Buffer {
  return new Writer().int16(VALUE_VERSION).int64(o.offset).int32(o.leaderEpoch).string(o.metadata).int64(o.commitTimestampMs).done();
}

export function decodeOffsetValue(value: Buffer): CommittedOffset {
  const r = new Reader(value);
  r.int16();
  return { offset: r.int64(), leaderEpoch: r.int32(), metadata: r.string() ?? '', commitTimestampMs: r.int64() };
}

export function groupValue(s: GroupSnapshot): Buffer {
  const w = new Writer()
    .int16(VALUE_VERSION)
    .string(s.protocolType)
    .string(s.protocolName)
    .int32(s.generationId)
    .string(s.leaderId)
    .string(s.state)
    .int64(s.stateTimestampMs)
    .int32(s.members.length);
  for (const m of s.members) {
    w.string(m.memberId).string(m.groupInstanceId).string(m.clientId).string(m.clientHost);
    w.int32(m.sessionTimeoutMs).int32(m.rebalanceTimeoutMs).int32(m.protocols.length);
    for (const p of m.protocols) w.string(p.name).bytes(p.metadata);
    w.bytes(m.assignment);
  }
  return w.done();
}

export function decodeGroupValue(groupId: string, value: Buffer): GroupSnapshot {
  const r = new Reader(value);
  r.int16();
  const protocolType = r.string();
  const protocolName = r.string();
  const generationId = r.int32();
  const leaderId = r.string();
  const state = (r.string() ?? 'Empty') as GroupState;
  const stateTimestampMs = r.int64();
  const memberCount = r.int32();
  const members: GroupSnapshot['members'] = [];
  for (let i = 0; i < memberCount; i++) {
    const memberId = r.string() ?? '';
    const groupInstanceId = r.string();
    const clientId = r.string() ?? '';
    const clientHost = r.string() ?? '';
    const sessionTimeoutMs = r.int32();
    const rebalanceTimeoutMs = r.int32();
    const protocolCount = r.int32();
    const protocols: { name: string; metadata: Buffer }[] = [];
    for (let j = 0; j < protocolCount; j++) protocols.push({ name: r.string() ?? '', metadata: r.bytes() });
    members.push({ memberId, groupInstanceId, clientId, clientHost, sessionTimeoutMs, rebalanceTimeoutMs, protocols, assignment: r.bytes() });
  }
  return { groupId, protocolType, protocolName, generationId, leaderId, state, stateTimestampMs, members };
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
