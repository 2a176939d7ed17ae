import { Counter, Histogram, type Registry } from 'prom-client';
import { durationBucketsSeconds, metricSpecs } from '../names.js';
import { kafkaApiName } from '../kafka-api-names.js';

/** How a Kafka request ended, as the server's dispatch sees it. */
export type RequestOutcome = 'ok' | 'error' | 'unsupported' | 'dropped';

/**
 * The server's probe: one call per request, after the response is queued (or the request is
 * dropped). `error` means the handler threw or answered with a top-level error; per-partition
 * error codes inside an otherwise good response still count as `ok`.
 */
export interface ApiProbe {
  requestDone(apiKey: number, version: number, outcome: RequestOutcome, seconds: number): void;
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
  return {
    requestDone(apiKey, version, outcome, seconds) {
      const api = kafkaApiName(apiKey);
      requests.inc({ api, version: String(version), outcome });
      duration.observe({ api, outcome }, seconds);
    },
  };
}
