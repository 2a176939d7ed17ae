/**
 * A learner node's pull loop: one LearnerLink to the first upstream that answers, long-polling
 * LearnerFetch with every held partition's next offset and last epoch, storing what comes back in
 * the partitions' LearnerReplicas. The upstream's topic list (partition counts, configs) is asked
 * for on connect and every `describeEveryMs`, and handed to `ensureTopics` (the broker creates them
 * locally). When the upstream fails, stalls past the wait plus `answerMarginMs`, or names another
 * cluster, the loop moves to the next address of the list (wrapping), waiting a doubling backoff.
 */
import { ErrorCode } from '../protocol/generated/error-codes.js';
import type { LearnerFetchRequest, LearnerFetchRequestLearnerTopic } from '../protocol/generated/learner-fetch-request.js';
import type { LearnerFetchResponse, LearnerFetchResponseLearnerPartitionData } from '../protocol/generated/learner-fetch-response.js';
import type { LearnerReplica } from './learner-replica.js';
import { LearnerLink, LearnerLinkError } from './transport/learner-link.js';
import type { PeerAddress } from './transport/peer-link.js';
import type { TransportLogger } from './transport/transport-logger.js';

/** What the upstream says of one topic: enough to create it here with the same shape. */
export interface UpstreamTopic {
  name: string;
  partitionCount: number;
  configs: Record<string, string>;
}

export interface LearnerPullOptions {
  readonly learnerName: string;
  /** The upstream, then its fallbacks, in order. */
  readonly upstreams: readonly PeerAddress[];
  /** Topics to copy; empty = every topic the upstream holds. */
  readonly topics: readonly string[];
  /** Creates (or grows) the described topics locally; their partitions then have LearnerReplicas. */
  ensureTopics(topics: readonly UpstreamTopic[]): Promise<void>;
  replicaOf(topic: string, index: number): LearnerReplica | undefined;
  readonly logger: TransportLogger;
  readonly limits?: Partial<LearnerPullLimits>;
}

export interface LearnerPullLimits {
  /** The upstream's long-poll: how long it may hold a LearnerFetch with nothing new. */
  maxWaitMs: number;
  /** Beyond maxWaitMs, how long an answer may take before the upstream counts as stalled. */
  answerMarginMs: number;
  maxBytes: number;
  connectTimeoutMs: number;
  backoffMsMin: number;
  backoffMsMax: number;
  /** How often the upstream's topic list is asked again (new topics, added partitions). */
  describeEveryMs: number;
  frameBytesMax: number;
}

export const DEFAULT_LEARNER_PULL_LIMITS: LearnerPullLimits = {
  maxWaitMs: 500,
  answerMarginMs: 5_000,
  maxBytes: 8 * 1024 * 1024,
  connectTimeoutMs: 5_000,
  backoffMsMin: 50,
  backoffMsMax: 2_000,
  describeEveryMs: 5_000,
  // The upstream's answer holds at most maxBytes plus one oversized batch (KIP-74).
  frameBytesMax: 100 * 1024 * 1024,
};

export class LearnerPull {
  readonly #o: LearnerPullOptions;
  readonly #limits: LearnerPullLimits;
  readonly #stop = new AbortController();
  #link: LearnerLink | null = null;
  /** The upstream's topics as last described: name → partition count. */
  #topics = new Map<string, number>();
  /** The cluster of the first upstream that answered; others are refused. */
  #clusterId: string | null = null;
  #running: Promise<void> | null = null;

  constructor(options: LearnerPullOptions) {
    this.#o = options;
    this.#limits = { ...DEFAULT_LEARNER_PULL_LIMITS, ...options.limits };
  }

  start(): void {
    this.#running ??= this.#run();
  }

  async stop(): Promise<void> {
    this.#stop.abort();
    this.#link?.close();
    await this.#running;
  }

  async #run(): Promise<void> {
    const { upstreams, logger, learnerName } = this.#o;
    let next = 0;
    let backoffMs = this.#limits.backoffMsMin;
    while (!this.#stop.signal.aborted) {
      const address = upstreams[next]!;
      try {
        this.#link = await LearnerLink.open(address, { timeoutMs: this.#limits.connectTimeoutMs, frameBytesMax: this.#limits.frameBytesMax });
        await this.#describe();
        logger.info({ learner: learnerName, upstream: `${address.host}:${address.port}`, topics: [...this.#topics.keys()] }, 'learner pulling from upstream');
        backoffMs = this.#limits.backoffMsMin;
        await this.#pull();
      } catch (err) {
        this.#link?.close();
        this.#link = null;
        if (this.#stop.signal.aborted) break;
        // A storage error while storing is logged the same way: the copy stays as it was (the
        // journal cut back any partial write) and the next attempt starts again from its end.
        next = (next + 1) % upstreams.length;
        const level = err instanceof LearnerLinkError ? 'warn' : 'error';
        logger[level]({ learner: learnerName, upstream: `${address.host}:${address.port}`, next: `${upstreams[next]!.host}:${upstreams[next]!.port}`, backoffMs, reason: (err as Error).message }, 'learner lost its upstream; trying the next');
        await sleep(backoffMs, this.#stop.signal);
        backoffMs = Math.min(backoffMs * 2, this.#limits.backoffMsMax);
      }
    }
  }

  async #pull(): Promise<void> {
    let describedAtMs = Date.now();
    while (!this.#stop.signal.aborted) {
      if (Date.now() - describedAtMs >= this.#limits.describeEveryMs) {
        await this.#describe();
        describedAtMs = Date.now();
      }
      const topics = this.#fetchTopics();
      if (topics.length === 0) {
        // Nothing to copy yet: ask again for the topic list later rather than spin.
        await sleep(Math.min(this.#limits.describeEveryMs, this.#limits.maxWaitMs), this.#stop.signal);
        describedAtMs = 0;
        continue;
      }
      const response = await this.#send({ learnerName: this.#o.learnerName, maxWaitMs: this.#limits.maxWaitMs, maxBytes: this.#limits.maxBytes, topics });
      await Promise.all(response.topics.flatMap((t) => t.partitions.map((p) => this.#apply(t.name, p))));
    }
  }

  async #describe(): Promise<void> {
    const response = await this.#send({ learnerName: this.#o.learnerName, maxWaitMs: 0, maxBytes: 0, topics: this.#o.topics.map((name) => ({ name, partitions: [] })) });
    const found = response.topics.filter((t) => t.errorCode === ErrorCode.NONE);
    for (const t of response.topics) {
      if (t.errorCode !== ErrorCode.NONE) this.#o.logger.warn({ learner: this.#o.learnerName, topic: t.name, errorCode: t.errorCode }, 'upstream does not hold this learner topic (yet)');
    }
    await this.#o.ensureTopics(found.map((t) => ({ name: t.name, partitionCount: t.partitionCount, configs: Object.fromEntries(t.configs.map((c) => [c.name, c.value])) })));
    this.#topics = new Map(found.map((t) => [t.name, t.partitionCount]));
  }

  async #send(request: LearnerFetchRequest): Promise<LearnerFetchResponse> {
    const link = this.#link;
    if (link === null) throw new LearnerLinkError('no upstream connection');
    const response = await link.fetch(request, request.maxWaitMs + this.#limits.answerMarginMs);
    this.#clusterId ??= response.clusterId;
    if (response.clusterId !== this.#clusterId) throw new LearnerLinkError(`upstream is in cluster ${JSON.stringify(response.clusterId)}, not ${JSON.stringify(this.#clusterId)}`);
    if (response.errorCode !== ErrorCode.NONE) throw new LearnerLinkError(`upstream refused LearnerFetch (error ${response.errorCode}): ${response.errorMessage ?? ''}`);
    return response;
  }

  #fetchTopics(): LearnerFetchRequestLearnerTopic[] {
    const out: LearnerFetchRequestLearnerTopic[] = [];
    for (const [name, count] of this.#topics) {
      const partitions: LearnerFetchRequestLearnerTopic['partitions'] = [];
      for (let i = 0; i < count; i++) {
        const replica = this.#o.replicaOf(name, i);
        if (replica !== undefined) partitions.push({ partitionIndex: i, fetchOffset: replica.logEndOffset, lastFetchedEpoch: replica.lastEpoch });
      }
      if (partitions.length > 0) out.push({ name, partitions });
    }
    return out;
  }

  async #apply(topic: string, p: LearnerFetchResponseLearnerPartitionData): Promise<void> {
    const replica = this.#o.replicaOf(topic, p.partitionIndex);
    if (replica === undefined) return;
    const log = { learner: this.#o.learnerName, topic, partition: p.partitionIndex };
    if (p.errorCode === ErrorCode.OFFSET_OUT_OF_RANGE && p.logStartOffset > replica.logEndOffset) {
      this.#o.logger.warn({ ...log, logEndOffset: replica.logEndOffset, upstreamLogStart: p.logStartOffset }, 'upstream no longer holds our next offset: restarting the copy at its log start');
      await replica.resetTo(p.logStartOffset);
      return;
    }
    if (p.errorCode !== ErrorCode.NONE) return; // retried with the next LearnerFetch
    if (p.divergingEndOffset >= 0) {
      this.#o.logger.warn({ ...log, logEndOffset: replica.logEndOffset, epoch: p.divergingEpoch, truncateTo: p.divergingEndOffset }, 'learner diverged from its upstream: truncating');
      await replica.truncateTo(p.divergingEndOffset);
      return;
    }
    if (p.records !== null && p.records.length > 0) await replica.store(p.records, p.highWatermark);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
