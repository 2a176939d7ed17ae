import type { ApiHandler } from './handler.js';

/**
 * Every API this broker serves, one handler file each. ApiVersions (api-versions.ts) is computed
 * from this list, so a version is advertised only when a handler here serves it. Engineers adding
 * an API add its handler here (keep the list sorted by API key).
 */
export const handlers: ApiHandler[] = [];

/** Lookup by API key, built once. */
export function handlerFor(apiKey: number): ApiHandler | undefined {
  return byKey().get(apiKey);
}

let cache: Map<number, ApiHandler> | undefined;
function byKey(): Map<number, ApiHandler> {
  if (!cache || cache.size !== handlers.length) cache = new Map(handlers.map((h) => [h.apiKey, h]));
  return cache;
}
