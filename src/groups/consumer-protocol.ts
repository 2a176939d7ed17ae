/**
 * Reads the two payloads of the "consumer" protocol type that the coordinator otherwise relays
 * as opaque bytes: ConsumerProtocolSubscription (JoinGroup metadata: which topics a member wants;
 * OffsetDelete refuses subscribed topics) and ConsumerProtocolAssignment (SyncGroup assignment:
 * which partitions a member owns; describe/lag report them). Both are non-flexible structures
 * that start with an int16 version; only the leading fields every version shares are read:
 *
 *   Subscription: int16 version | int32 n | n × string topic | ...
 *   Assignment:   int16 version | int32 n | n × (string topic | int32 m | m × int32 partition) | ...
 *
 * Malformed bytes (a client using some other encoding) give an empty result, never an exception.
 */
export interface AssignedTopic {
  topic: string;
  partitions: number[];
}

/** Caps what a malformed length may make us allocate. */
const ARRAY_LENGTH_MAX = 100_000;

function readString(buf: Buffer, pos: number): [string, number] {
  const n = buf.readInt16BE(pos);
  if (n < 0 || pos + 2 + n > buf.length) throw new RangeError('bad string');
  return [buf.toString('utf8', pos + 2, pos + 2 + n), pos + 2 + n];
}

function readCount(buf: Buffer, pos: number): number {
  const n = buf.readInt32BE(pos);
  if (n < 0 || n > ARRAY_LENGTH_MAX) throw new RangeError('bad array length');
  return n;
}

export function subscribedTopics(metadata: Buffer): string[] {
  try {
    let pos = 2;
    const n = readCount(metadata, pos);
    pos += 4;
    const topics: string[] = [];
    for (let i = 0; i < n; i++) {
      const [topic, next] = readString(metadata, pos);
      topics.push(topic);
      pos = next;
    }
    return topics;
  } catch {
    return [];
  }
}

export function assignedPartitions(assignment: Buffer): AssignedTopic[] {
  try {
    if (assignment.length < 6) return [];
    let pos = 2;
    const n = readCount(assignment, pos);
    pos += 4;
    const out: AssignedTopic[] = [];
    for (let i = 0; i < n; i++) {
      const [topic, next] = readString(assignment, pos);
      pos = next;
      const m = readCount(assignment, pos);
      pos += 4;
      const partitions: number[] = [];
      for (let j = 0; j < m; j++, pos += 4) partitions.push(assignment.readInt32BE(pos));
      out.push({ topic, partitions });
    }
    return out;
  } catch {
    return [];
  }
}
