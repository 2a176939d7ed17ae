import { Gauge, type Registry } from 'prom-client';
import { metricSpecs } from '../names.js';

/** One group's lag picture at scrape time. */
export interface GroupLagSample {
  readonly group: string;
  readonly members: number;
  /** Committed partitions only: a partition with no committed offset has no defined lag. */
  readonly partitions: readonly { readonly topic: string; readonly partition: number; readonly lag: number }[];
}

/** Consumer-group gauges, pulled at scrape time from the group coordinator (reset each scrape). */
export interface GroupCollector {
  observe(source: () => Iterable<GroupLagSample> | Promise<Iterable<GroupLagSample>>): void;
}

export function createGroupCollector(registry: Registry): GroupCollector {
  let source: () => Iterable<GroupLagSample> | Promise<Iterable<GroupLagSample>> = () => [];
  new Gauge({
    name: metricSpecs.groupLag.name, help: metricSpecs.groupLag.help,
    labelNames: metricSpecs.groupLag.labels, registers: [registry],
    async collect() {
      const groups = await source();
      this.reset();
      for (const g of groups) {
        for (const p of g.partitions) {
          this.set({ group: g.group, topic: p.topic, partition: String(p.partition) }, p.lag);
        }
      }
    },
  });
  new Gauge({
    name: metricSpecs.groupMembers.name, help: metricSpecs.groupMembers.help,
    labelNames: metricSpecs.groupMembers.labels, registers: [registry],
    async collect() {
      const groups = await source();
      this.reset();
      for (const g of groups) this.set({ group: g.group }, g.members);
    },
  });
  return { observe(next) { source = next; } };
}
