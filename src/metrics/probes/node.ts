import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Gauge, type Registry } from 'prom-client';
import { metricSpecs } from '../names.js';

/** Resolution of the event-loop delay sampler; finer costs CPU for no useful detail. */
export const eventLoopSampleMs = 10;

export interface NodeIdentity {
  readonly nodeId: number;
  readonly clusterId: string;
  readonly version: string;
}

/**
 * Node-wide gauges: identity, readiness and event-loop delay. The event-loop histogram is reset at
 * each scrape, so the quantiles describe the last scrape interval (DESIGN: heartbeats and long-polls
 * must not starve behind bulk work, and this is how an operator sees it). `stop()` disables the
 * sampler (tests and shutdown).
 */
export interface NodeProbe {
  identify(identity: NodeIdentity): void;
  observeReady(ready: () => boolean): void;
  stop(): void;
}

export function createNodeProbe(registry: Registry): NodeProbe {
  let identity: NodeIdentity | undefined;
  let ready: () => boolean = () => false;
  const delay: IntervalHistogram = monitorEventLoopDelay({ resolution: eventLoopSampleMs });
  delay.enable();
  new Gauge({
    name: metricSpecs.brokerInfo.name, help: metricSpecs.brokerInfo.help,
    labelNames: metricSpecs.brokerInfo.labels, registers: [registry],
    collect() {
      this.reset();
      if (identity === undefined) return;
      this.set({ node_id: String(identity.nodeId), cluster_id: identity.clusterId, version: identity.version }, 1);
    },
  });
  new Gauge({
    name: metricSpecs.brokerReady.name, help: metricSpecs.brokerReady.help, registers: [registry],
    collect() { this.set(ready() ? 1 : 0); },
  });
  // Both gauges read one histogram; the max gauge is collected second (registration order) and
  // resets it, so both describe the same interval.
  const seconds = (ns: number) => (delay.count > 0 && Number.isFinite(ns) ? ns / 1e9 : 0);
  new Gauge({
    name: metricSpecs.eventLoopLagP99.name, help: metricSpecs.eventLoopLagP99.help, registers: [registry],
    collect() { this.set(seconds(delay.percentile(99))); },
  });
  new Gauge({
    name: metricSpecs.eventLoopLagMax.name, help: metricSpecs.eventLoopLagMax.help, registers: [registry],
    collect() {
      this.set(seconds(delay.max));
      delay.reset();
    },
  });
  return {
    identify(next) { identity = next; },
    observeReady(next) { ready = next; },
    stop() { delay.disable(); },
  };
}
