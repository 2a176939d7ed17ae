import { Gauge, type Registry } from 'prom-client';
import { metricSpecs } from '../names.js';

/** One group's lag picture at scrape time. */
export interface GroupLagSample {
  readonly group: string;
  readonly members: number;
  /** Committed partitions only: a partition with no committed offset has no defined lag. */
  readonly partitions: readonly { readonly topic: string; readonly partition: number; readonly lag: number; readonly lagSeconds: number | null }[];
}

/** Consumer-group gauges, pulled at scrape time from the group coordinator (reset each scrape). */
export interface GroupCollector {
  observe(source: () => Iterable<GroupLagSample> | Promise<Iterable<GroupLagSample>>): void;
}

export function createGroupCollector(registry: Registry): GroupCollector {
  let read: () => Iterable<GroupLagSample> | Promise<Iterable<GroupLagSample>> = () => [];
  // One read per scrape: the registry collects all gauges at once, and lag in seconds reads a
  // record per lagging partition, so the gauges share the read in flight.
  let inFlight: Promise<Iterable<GroupLagSample>> | null = null;
  const source = (): Promise<Iterable<GroupLagSample>> => {
    inFlight ??= Promise.resolve(read()).finally(() => { inFlight = null; });
    return inFlight;
  };
  type PartitionSample = GroupLagSample['partitions'][number];
  const perPartition = (spec: typeof metricSpecs.groupLag, value: (p: PartitionSample) => number | null) => new Gauge({
    name: spec.name, help: spec.help, labelNames: spec.labels, registers: [registry],
    async collect() {
      const groups = await source();
      this.reset();
      for (const g of groups) {
        for (const p of g.partitions) {
          const v = value(p);
          if (v !== null) this.set({ group: g.group, topic: p.topic, partition: String(p.partition) }, v);
        }
      }
    },
  });
  perPartition(metricSpecs.groupLagSeconds, (p) => p.lagSeconds);
  perPartition(metricSpecs.groupLag, (p) => p.lag);
  new Gauge({
    name: metricSpecs.groupMembers.name, help: metricSpecs.groupMembers.help,
    labelNames: metricSpecs.groupMembers.labels, registers: [registry],
    async collect() {
      const groups = await source();
      this.reset();
      for (const g of groups) this.set({ group: g.group }, g.members);
    },
  });
  return { observe(next) { read = next; } };
}
