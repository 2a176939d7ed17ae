import { Counter, type Registry } from 'prom-client';
import { metricSpecs } from '../names.js';

/**
 * Bytes and records per topic, observed by the Produce and Fetch handlers. Bytes are record-batch
 * bytes (what the journal stores), not frame bytes, so in and out compare directly.
 */
export interface TrafficProbe {
  produced(topic: string, bytes: number, records: number): void;
  fetched(topic: string, bytes: number): void;
}

export function createTrafficProbe(registry: Registry): TrafficProbe {
  const counter = (s: { name: string; help: string; labels: readonly string[] }) =>
    new Counter({ name: s.name, help: s.help, labelNames: s.labels, registers: [registry] });
  const bytesIn = counter(metricSpecs.topicBytesIn);
  const bytesOut = counter(metricSpecs.topicBytesOut);
  const recordsIn = counter(metricSpecs.topicRecordsIn);
  return {
    produced(topic, bytes, records) {
      bytesIn.inc({ topic }, bytes);
      recordsIn.inc({ topic }, records);
    },
    fetched(topic, bytes) {
      bytesOut.inc({ topic }, bytes);
    },
  };
}
