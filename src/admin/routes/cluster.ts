import type { FastifyInstance } from 'fastify';
import { hostPort } from '../schemas.js';
import type { AdminViews } from '../views.js';

const hostPortOrNull = { anyOf: [hostPort, { type: 'null' }] } as const;

const nodeSchema = {
  type: 'object',
  properties: {
    nodeId: { type: 'integer' }, clusterId: { type: 'string' }, version: { type: 'string' },
    advertised: hostPort, dataDir: { type: 'string' }, startedAtMs: { type: 'integer' },
    uptimeSeconds: { type: 'number' }, ready: { type: 'boolean' },
    checks: { type: 'object', additionalProperties: { type: 'boolean' } },
    // Cluster mode: the node's registration in the cluster metadata.
    kafka: hostPortOrNull, internal: hostPortOrNull, rack: { type: ['string', 'null'] }, fenced: { type: 'boolean' },
  },
} as const;

/**
 * `/v1/cluster` (the cluster as this node sees it: nodes, topic and partition counts, totals) and
 * `/v1/node` (this node). A single node lists itself; in cluster mode the nodes are the ones
 * registered in the cluster metadata as this node applied it, with the metadata leader and term
 * (`controllerId` = the metadata leader, -1 while none is known). Topic counts stay this node's.
 */
export async function clusterRoutes(app: FastifyInstance, opts: { views: AdminViews }): Promise<void> {
  // Views are read per request (never at registration): they may not be attached yet.
  const describeNode = () => {
    const node = opts.views.node;
    const readiness = node.readiness();
    return {
      nodeId: node.nodeId, clusterId: node.clusterId, version: node.version, advertised: node.advertised,
      dataDir: node.dataDir, startedAtMs: node.startedAtMs, uptimeSeconds: (Date.now() - node.startedAtMs) / 1000,
      ready: readiness.ready, checks: readiness.checks,
    };
  };

  app.get('/v1/node', {
    schema: { summary: 'This node: id, version, address, uptime, readiness', tags: ['cluster'], response: { 200: nodeSchema } },
  }, async () => describeNode());

  app.get('/v1/cluster', {
    schema: {
      summary: 'Cluster overview: nodes, topics, partitions and stored bytes',
      tags: ['cluster'],
      response: {
        200: {
          type: 'object',
          properties: {
            clusterId: { type: 'string' },
            controllerId: { type: 'integer' },
            metadataLeader: { type: 'integer' },
            metadataTerm: { type: 'integer' },
            nodes: { type: 'array', items: nodeSchema },
            topics: { type: 'integer' },
            partitions: { type: 'integer' },
            sizeBytes: { type: 'integer' },
          },
        },
      },
    },
  }, async () => {
    const { node, topics } = opts.views;
    const self = describeNode();
    let partitions = 0;
    let sizeBytes = 0;
    for (const summary of topics.list()) {
      const description = topics.describe(summary.name);
      for (const p of description?.partitions ?? []) {
        partitions += 1;
        sizeBytes += p.sizeBytes;
      }
    }
    const counts = { topics: topics.list().length, partitions, sizeBytes };
    const metadata = opts.views.metadata;
    if (metadata === undefined) return { clusterId: node.clusterId, controllerId: node.nodeId, nodes: [self], ...counts };
    const leader = metadata.leader();
    // Only this node's own row carries version, uptime and readiness (others are known by their registration).
    const nodes = metadata.nodes().map((n) => (n.nodeId === node.nodeId ? { ...self, ...n } : { ...n, advertised: n.kafka ?? undefined }));
    return {
      clusterId: node.clusterId, controllerId: leader.nodeId, metadataLeader: leader.nodeId, metadataTerm: leader.term, nodes, ...counts,
    };
  });
}
