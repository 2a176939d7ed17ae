/**
 * The Canopy internal APIs the internal listener serves (replication/transport/internal-listener.ts
 * decodes the frames; the node's CLI wires the two). Re-exported so cli/ reaches api/ through
 * server/, as it reaches the Kafka handlers.
 */
export { handleLearnerFetch, type LearnerFetchSource } from '../api/registry.js';
