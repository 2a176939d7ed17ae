import { Gauge, type Registry } from 'prom-client';
import { metricSpecs, type MetricSpec } from '../names.js';

/** One partition's numbers as the replication layer knows them at scrape time. */
export interface PartitionSample {
  readonly topic: string;
  readonly partition: number;
  readonly logStartOffset: number;
  readonly logEndOffset: number;
  readonly highWatermark: number;
  readonly sizeBytes: number;
}

/**
 * Per-partition gauges, pulled at scrape time: partitions are read where they live instead of being
 * copied into the registry on every append. Each scrape resets the gauges first, so a deleted
 * partition disappears from the exposition instead of freezing at its last value.
 */
export interface PartitionCollector {
  observe(source: () => Iterable<PartitionSample>): void;
}

export function createPartitionCollector(registry: Registry): PartitionCollector {
  let source: () => Iterable<PartitionSample> = () => [];
  const gauge = (s: MetricSpec, pick: (p: PartitionSample) => number) => new Gauge({
    name: s.name, help: s.help, labelNames: s.labels, registers: [registry],
    collect() {
      this.reset();
      for (const p of source()) this.set({ topic: p.topic, partition: String(p.partition) }, pick(p));
    },
  });
  gauge(metricSpecs.partitionLogStartOffset, (p) => p.logStartOffset);
  gauge(metricSpecs.partitionLogEndOffset, (p) => p.logEndOffset);
  gauge(metricSpecs.partitionHighWatermark, (p) => p.highWatermark);
  gauge(metricSpecs.partitionSize, (p) => p.sizeBytes);
  return { observe(next) { source = next; } };
}
