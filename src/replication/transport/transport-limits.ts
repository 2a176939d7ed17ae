/**
 * Every bound of the peer transport, with why it has the value it has. A node passes overrides
 * (tests use small ones); `checkTransportLimits` refuses values that contradict each other.
 */
export interface TransportLimits {
  /** Raft messages queued for one peer before the oldest gives way (Raft retransmits what is lost). */
  readonly queueMessagesMax: number;
  /** Bytes (entry data + a fixed charge per message) queued for one peer before the oldest gives way. */
  readonly queueBytesMax: number;
  /** A frame is closed once it holds this many bytes; one frame per peer per turn below it. */
  readonly frameBytesTarget: number;
  /** Largest frame accepted on the internal listener, checked before it is buffered. */
  readonly frameBytesMax: number;
  /** First wait before reconnecting to a peer; doubles per failure up to backoffMsMax. */
  readonly backoffMsMin: number;
  readonly backoffMsMax: number;
  /** Time for a connection to be opened and its PeerHello answered, either side. */
  readonly handshakeTimeoutMs: number;
  /** Inbound connections at once; more than a few per peer means something is wrong. */
  readonly inboundConnectionsMax: number;
}

export const DEFAULT_TRANSPORT_LIMITS: TransportLimits = {
  // 1,000 groups × a heartbeat and an append each, with room for a few turns of backlog.
  queueMessagesMax: 100_000,
  // A few seconds of a busy follower's appends; beyond that the follower is better served by a
  // fresh probe from Raft than by old data.
  queueBytesMax: 64 * 1024 * 1024,
  frameBytesTarget: 1024 * 1024,
  // Equal to the Kafka listener's frame bound: one entry is one produced batch, which fits in it.
  frameBytesMax: 100 * 1024 * 1024,
  backoffMsMin: 50,
  // Short enough that a restarted peer is reached well within an election timeout's few seconds.
  backoffMsMax: 2_000,
  handshakeTimeoutMs: 5_000,
  inboundConnectionsMax: 64,
};

export function resolveTransportLimits(overrides: Partial<TransportLimits> = {}): TransportLimits {
  const limits = { ...DEFAULT_TRANSPORT_LIMITS, ...overrides };
  const problems: string[] = [];
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value <= 0) problems.push(`${name} must be a positive integer, got ${value}`);
  }
  if (limits.backoffMsMax < limits.backoffMsMin) problems.push('backoffMsMax must be at least backoffMsMin');
  if (limits.frameBytesMax < limits.frameBytesTarget) problems.push('frameBytesMax must be at least frameBytesTarget');
  if (limits.queueBytesMax < limits.frameBytesTarget) problems.push('queueBytesMax must be at least frameBytesTarget');
  if (problems.length > 0) throw new Error(`peer transport limits: ${problems.join('; ')}`);
  return limits;
}
