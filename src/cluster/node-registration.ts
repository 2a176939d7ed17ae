/**
 * Keeps this node registered in the cluster metadata: at start (and whenever its registration is
 * missing from the image, e.g. after a restart with a new incarnation) it proposes a
 * RegisterNodeRecord with its endpoints and rack, on the leader directly, elsewhere forwarded to
 * the leader, every `retryMs` until the image holds it. The metadata leader also writes the
 * ClusterRecord while the image has no cluster id (the first leader of a new cluster).
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { MetadataRecordType, type MetadataRecord } from '../protocol/generated/metadata-records.js';
import type { MetadataService } from './metadata-service.js';

export const REGISTRATION_RETRY_MS = 300;

export interface NodeEndpoints {
  readonly kafka: { readonly host: string; readonly port: number };
  readonly internal: { readonly host: string; readonly port: number };
  readonly rack: string | null;
}

export class NodeRegistration {
  readonly #metadata: MetadataService;
  readonly #nodeId: number;
  readonly #clusterId: string;
  readonly #endpoints: NodeEndpoints;
  readonly #logger: Logger;
  /** Tells this process's registration from an earlier one of the same node id. */
  readonly #incarnationId = randomBytes(16);
  readonly #timer: NodeJS.Timeout;
  #inFlight = false;
  #registered = false;

  constructor(o: { metadata: MetadataService; nodeId: number; clusterId: string; endpoints: NodeEndpoints; logger: Logger; retryMs?: number }) {
    this.#metadata = o.metadata;
    this.#nodeId = o.nodeId;
    this.#clusterId = o.clusterId;
    this.#endpoints = o.endpoints;
    this.#logger = o.logger;
    this.#timer = setInterval(() => this.#step(), o.retryMs ?? REGISTRATION_RETRY_MS).unref();
    this.#step();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #step(): void {
    if (this.#inFlight) return;
    const image = this.#metadata.image;
    const mine = image.nodes.get(this.#nodeId);
    const registered = mine !== undefined && mine.incarnationId.equals(this.#incarnationId);
    if (registered && !this.#registered) this.#logger.info({ nodeId: this.#nodeId, epoch: mine.epoch }, 'registered in the cluster metadata');
    this.#registered = registered;
    const records: MetadataRecord[] = [];
    if (this.#metadata.isLeader && image.clusterId === null) {
      records.push({ type: MetadataRecordType.Cluster, version: 0, data: { clusterId: this.#clusterId, metadataVersion: 1 } });
    }
    if (!registered) records.push(this.#registration(mine?.epoch ?? -1));
    if (records.length === 0) return;
    if (!this.#metadata.isLeader) {
      this.#metadata.forward(records);
      return;
    }
    this.#inFlight = true;
    this.#metadata.propose(records)
      .catch((err: unknown) => this.#logger.debug({ err: (err as Error).message }, 'metadata registration not committed yet: retrying'))
      .finally(() => { this.#inFlight = false; });
  }

  #registration(previousEpoch: number): MetadataRecord {
    const { kafka, internal, rack } = this.#endpoints;
    return {
      type: MetadataRecordType.RegisterNode,
      version: 0,
      data: {
        nodeId: this.#nodeId,
        // Above every earlier registration: the applied offset passed the one this node last made.
        nodeEpoch: Math.max(this.#metadata.appliedOffset, previousEpoch + 1),
        incarnationId: this.#incarnationId,
        rack,
        // Unfencing after catch-up comes with the partition groups; until then a node that
        // registers (it runs the metadata group) may be placed on.
        fenced: false,
        endpoints: [
          { name: 'kafka', host: kafka.host, port: kafka.port },
          { name: 'internal', host: internal.host, port: internal.port },
        ],
      },
    };
  }
}
