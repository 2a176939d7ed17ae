import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readApiVersionsRequest, type ApiVersionsRequest } from '../protocol/generated/api-versions-request.js';
import { writeApiVersionsResponse, type ApiVersionsResponse, type ApiVersionsResponseApiKeys } from '../protocol/generated/api-versions-response.js';
import type { ApiHandler } from './handler.js';

/**
 * ApiVersions (key 18): the advertised ranges are computed from the handler registry, so nothing
 * is advertised that no handler serves. The response header is always v0 (KIP-511; server/
 * applies that rule). A request version above our max is answered by the server with
 * unsupportedApiVersionsResponse() encoded as v0, as Kafka does (PROTOCOL.md §5.3).
 */
export const API_VERSIONS_MAX_VERSION = 4;

/** Filled by registry.ts (which imports this file) to avoid an import cycle. */
let listApis: () => ApiVersionsResponseApiKeys[] = () => [];

export function setApiListSource(source: () => ApiVersionsResponseApiKeys[]): void {
  listApis = source;
}

function response(errorCode: number): ApiVersionsResponse {
  return {
    errorCode,
    apiKeys: listApis(),
    throttleTimeMs: 0,
    supportedFeatures: [],
    finalizedFeaturesEpoch: -1,
    finalizedFeatures: [],
    zkMigrationReady: false,
  };
}

/** The v0-shaped answer to an ApiVersions request whose version we do not support. */
export function unsupportedApiVersionsResponse(): ApiVersionsResponse {
  return response(ErrorCode.UNSUPPORTED_VERSION);
}

export const apiVersionsHandler: ApiHandler<ApiVersionsRequest, ApiVersionsResponse> = {
  apiKey: ApiKey.ApiVersions,
  minVersion: 0,
  maxVersion: API_VERSIONS_MAX_VERSION,
  readRequest: readApiVersionsRequest,
  writeResponse: writeApiVersionsResponse,
  async handle() {
    return response(ErrorCode.NONE);
  },
  errorResponse(_request, errorCode) {
    return response(errorCode);
  },
};
