import { Counter, Histogram, type Registry } from 'prom-client';
import { durationBucketsSeconds, metricSpecs } from '../names.js';
import { kafkaApiName } from '../kafka-api-names.js';

/** How a Kafka request ended, as the server's dispatch sees it. */
export type RequestOutcome = 'ok' | 'error' | 'unsupported';

/** The `version` label of a request whose API or version the broker does not serve. */
export const UNSUPPORTED_VERSION = 'unsupported';

/**
 * The server's probe: one call per request, once its response is encoded (or none is due, as for
 * acks=0). `error` means the connection was closed over the request (malformed, or a handler bug
 * without an error response); `unsupported` an API key or version the broker does not serve.
 * Kafka error codes inside an encoded response (per partition or top level) still count as `ok`
 * here, and each one in `canopy_api_errors_total` (errorsAnswered).
 * Labels come from closed sets: `api` from the known API names (else `unknown`), and `version` is
 * the request version only when the broker serves it (`ok`/`error`), else `unsupported`, so a
 * client sending arbitrary keys and versions cannot grow the number of series.
 */
export interface ApiProbe {
  requestDone(apiKey: number, version: number, outcome: RequestOutcome, seconds: number): void;
  /**
   * `count` answers of one response carried `error` (a name from protocol/errors.json or
   * UNKNOWN_ERROR_CODE; the caller maps codes, metrics/ does not import protocol/).
   */
  errorsAnswered(apiKey: number, error: string, count: number): void;
}

export function createApiProbe(registry: Registry): ApiProbe {
  const requests = new Counter({
    name: metricSpecs.apiRequests.name, help: metricSpecs.apiRequests.help,
    labelNames: metricSpecs.apiRequests.labels, registers: [registry],
  });
  const duration = new Histogram({
    name: metricSpecs.apiRequestDuration.name, help: metricSpecs.apiRequestDuration.help,
    labelNames: metricSpecs.apiRequestDuration.labels, buckets: [...durationBucketsSeconds],
    registers: [registry],
  });
  const errors = new Counter({
    name: metricSpecs.apiErrors.name, help: metricSpecs.apiErrors.help,
    labelNames: metricSpecs.apiErrors.labels, registers: [registry],
  });
  return {
    errorsAnswered(apiKey, error, count) {
      errors.inc({ api: kafkaApiName(apiKey), error }, count);
    },
    requestDone(apiKey, version, outcome, seconds) {
      const api = kafkaApiName(apiKey);
      requests.inc({ api, version: outcome === 'unsupported' ? UNSUPPORTED_VERSION : String(version), outcome });
      duration.observe({ api, outcome }, seconds);
    },
  };
}
