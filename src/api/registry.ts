import type { ApiHandler } from './handler.js';

// server/ knows api/ only through this file: the handler shapes and the ApiVersions fallback.
export type { ApiHandler, RequestContext, RequestHeader } from './handler.js';
export type { Broker } from './broker.js';
export { unsupportedApiVersionsResponse } from './api-versions.js';
/** Canopy's internal APIs, served on the internal listener (not the Kafka one). */
export { handleLearnerFetch, type LearnerFetchSource } from './internal/learner-fetch.js';
import { apiVersionsHandler, setApiListSource } from './api-versions.js';
import { metadataHandler } from './metadata.js';
import { produceHandler } from './produce.js';
import { fetchHandler } from './fetch.js';
import { listOffsetsHandler } from './list-offsets.js';
import { initProducerIdHandler } from './init-producer-id.js';
import { offsetCommitHandler } from './offset-commit.js';
import { offsetFetchHandler } from './offset-fetch.js';
import { findCoordinatorHandler } from './find-coordinator.js';
import { joinGroupHandler } from './join-group.js';
import { heartbeatHandler } from './heartbeat.js';
import { leaveGroupHandler } from './leave-group.js';
import { syncGroupHandler } from './sync-group.js';
import { describeGroupsHandler } from './describe-groups.js';
import { listGroupsHandler } from './list-groups.js';
import { deleteGroupsHandler } from './delete-groups.js';
import { offsetDeleteHandler } from './offset-delete.js';
import { createTopicsHandler } from './create-topics.js';
import { deleteTopicsHandler } from './delete-topics.js';
import { deleteRecordsHandler } from './delete-records.js';
import { offsetForLeaderEpochHandler } from './offset-for-leader-epoch.js';
import { describeConfigsHandler } from './describe-configs.js';
import { alterConfigsHandler } from './alter-configs.js';
import { createPartitionsHandler } from './create-partitions.js';
import { incrementalAlterConfigsHandler } from './incremental-alter-configs.js';
import { describeClusterHandler } from './describe-cluster.js';

/**
 * Every API this broker serves, one handler file each. ApiVersions (api-versions.ts) is computed
 * from this list, so a version is advertised only when a handler here serves it. Engineers adding
 * an API add its handler here (keep the list sorted by API key).
 */
export const handlers: ApiHandler[] = [
  produceHandler,
  fetchHandler,
  listOffsetsHandler,
  initProducerIdHandler,
  metadataHandler,
  offsetCommitHandler,
  offsetFetchHandler,
  findCoordinatorHandler,
  joinGroupHandler,
  heartbeatHandler,
  leaveGroupHandler,
  syncGroupHandler,
  describeGroupsHandler,
  listGroupsHandler,
  apiVersionsHandler,
  createTopicsHandler,
  deleteTopicsHandler,
  deleteRecordsHandler,
  offsetForLeaderEpochHandler,
  describeConfigsHandler,
  alterConfigsHandler,
  createPartitionsHandler,
  deleteGroupsHandler,
  incrementalAlterConfigsHandler,
  offsetDeleteHandler,
  describeClusterHandler,
];

/** Lookup by API key, rebuilt if the list changed. */
export function handlerFor(apiKey: number): ApiHandler | undefined {
  return byKey().get(apiKey);
}

let cache: Map<number, ApiHandler> | undefined;
function byKey(): Map<number, ApiHandler> {
  if (!cache || cache.size !== handlers.length) cache = new Map(handlers.map((h) => [h.apiKey, h]));
  return cache;
}

/** The advertised API list (ApiVersions and the README table). */
export function advertisedApis(): Array<{ apiKey: number; minVersion: number; maxVersion: number }> {
  return [...handlers]
    .sort((a, b) => a.apiKey - b.apiKey)
    .map((h) => ({ apiKey: h.apiKey, minVersion: h.minVersion, maxVersion: h.maxVersion }));
}

setApiListSource(advertisedApis);
