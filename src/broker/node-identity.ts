import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileAtomic } from '../util/atomic-file.js';

/** Where a data dir records whose it is (Kafka keeps the same facts in meta.properties). */
export const NODE_FILE = 'node.json';

export interface NodeIdentity { clusterId: string; nodeId: number }

/**
 * The data dir belongs to another cluster or another node id than configured (or its identity
 * file is damaged). Starting anyway
 * would serve one node's partitions under another's name (in a cluster: two nodes claiming the
 * same replicas), so the start-up refuses and names the setting.
 */
export class NodeIdentityError extends Error {
  constructor(message: string, readonly setting: 'nodeId' | 'clusterId' | 'dataDir') {
    super(message);
    this.name = 'NodeIdentityError';
  }
}

/**
 * Reads the data dir's identity, or writes one on first start: the configured cluster id, or
 * Kafka's form (16 random bytes in URL-safe base64, 22 characters), and the configured node id.
 * Throws NodeIdentityError when the stored identity disagrees with the configured one or the file
 * cannot be parsed.
 */
export async function loadOrCreateIdentity(dataDir: string, configured: { nodeId: number; clusterId: string | null }): Promise<NodeIdentity> {
  const path = join(dataDir, NODE_FILE);
  const stored = await readIdentity(path);
  if (stored !== null) {
    if (configured.clusterId !== null && stored.clusterId !== configured.clusterId) {
      throw new NodeIdentityError(`data dir ${dataDir} belongs to cluster ${stored.clusterId}, but cluster id ${configured.clusterId} is configured (--cluster-id / CANOPY_CLUSTER_ID)`, 'clusterId');
    }
    if (stored.nodeId !== configured.nodeId) {
      throw new NodeIdentityError(`data dir ${dataDir} belongs to node ${stored.nodeId}, but node id ${configured.nodeId} is configured (--node-id / CANOPY_NODE_ID; each node needs its own data dir)`, 'nodeId');
    }
    return stored;
  }
  const identity = { clusterId: configured.clusterId ?? randomBytes(16).toString('base64url'), nodeId: configured.nodeId };
  await writeFileAtomic(path, JSON.stringify(identity));
  return identity;
}

async function readIdentity(path: string): Promise<NodeIdentity | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { parsed = null; }
  const p = parsed as Partial<NodeIdentity> | null;
  if (p === null || typeof p.clusterId !== 'string' || p.clusterId === '') {
    throw new NodeIdentityError(`${path} is not a valid node identity file (expected {"clusterId": "...", "nodeId": N}); restore it or move the data dir aside`, 'dataDir');
  }
  // Data dirs written before the node id was checked all belong to node 0, the only default.
  const nodeId = Number.isSafeInteger(p.nodeId) && (p.nodeId as number) >= 0 ? (p.nodeId as number) : 0;
  return { clusterId: p.clusterId, nodeId };
}
