/**
 * Reads the `__consumer_offsets` values that Canopy wrote before it used Kafka's layouts, so data
 * dirs from those versions still load. Both carry value version 1 (which Kafka's readers take for
 * their own version 1 and misread), and Canopy never wrote Kafka's version 1, so in Canopy's log a
 * value version 1 is always one of these:
 *
 *   offset value: int16 1 | int64 offset | int32 leaderEpoch | string metadata | int64 commitTimestampMs
 *                 (Kafka's OffsetCommitValue v3 fields under the wrong version number)
 *   group value:  int16 1 | string protocolType | string protocolName | int32 generation |
 *                 string leader | string state | int64 stateTimestampMs | int32 n | n × member
 *   member:       string memberId | string instanceId | string clientId | string clientHost |
 *                 int32 sessionTimeoutMs | int32 rebalanceTimeoutMs | int32 p |
 *                 p × (string protocol | bytes metadata) | bytes assignment
 *
 * string = int16 length + UTF-8 (-1 = null); bytes = int32 length + bytes. Nothing writes these.
 */
import { readInt64 } from '../util/int64.js';
import type { GroupSnapshot, GroupState } from './group.js';
import type { CommittedOffset } from './log-records.js';

/** The value version Canopy's own layouts carried. */
export const LEGACY_VALUE_VERSION = 1;

/** Big-endian reader of the legacy layouts; throws RangeError on a short buffer (a corrupt record). */
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

export function decodeLegacyOffsetValue(value: Buffer): CommittedOffset {
  const r = new Reader(value);
  r.int16();
  return { offset: r.int64(), leaderEpoch: r.int32(), metadata: r.string() ?? '', commitTimestampMs: r.int64() };
}

export function decodeLegacyGroupValue(groupId: string, value: Buffer): GroupSnapshot {
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
