import { Gauge, type Registry } from 'prom-client';
import { metricSpecs } from '../names.js';

/** The data dir's file system as statfs reports it; null when it cannot be read. */
export interface DiskSample {
  /** Bytes the broker's user may still write (statfs bavail × bsize). */
  readonly freeBytes: number;
  readonly capacityBytes: number;
}

/**
 * Free space of the data dir, read at scrape time: a full disk stops every append (the journal
 * answers KAFKA_STORAGE_ERROR), so operators need to see it coming. The reading itself is done
 * by the caller (cli/ passes a statfs of the data dir), metrics/ does no file I/O.
 */
export interface DiskCollector {
  observe(read: () => Promise<DiskSample | null>): void;
}

export function createDiskCollector(registry: Registry): DiskCollector {
  let read: () => Promise<DiskSample | null> = async () => null;
  const gauge = (spec: typeof metricSpecs.dataDirFree, value: (s: DiskSample) => number) => new Gauge({
    name: spec.name, help: spec.help, registers: [registry],
    async collect() {
      this.reset();
      const sample = await read();
      if (sample !== null) this.set(value(sample));
    },
  });
  gauge(metricSpecs.dataDirFree, (s) => s.freeBytes);
  gauge(metricSpecs.dataDirCapacity, (s) => s.capacityBytes);
  return { observe(next) { read = next; } };
}
