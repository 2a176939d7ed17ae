import { Counter, Gauge, type Registry } from 'prom-client';
import { metricSpecs } from '../names.js';

/** The Kafka listener's probe: call `opened` on accept and `closed` exactly once per socket close. */
export interface ConnectionProbe {
  opened(): void;
  closed(): void;
}

export function createConnectionProbe(registry: Registry): ConnectionProbe {
  const active = new Gauge({
    name: metricSpecs.connectionsActive.name, help: metricSpecs.connectionsActive.help,
    registers: [registry],
  });
  const accepted = new Counter({
    name: metricSpecs.connectionsAccepted.name, help: metricSpecs.connectionsAccepted.help,
    registers: [registry],
  });
  return {
    opened() {
      active.inc();
      accepted.inc();
    },
    closed() {
      active.dec();
    },
  };
}
