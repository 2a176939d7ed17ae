import { Gauge, Histogram, type Registry } from 'prom-client';
import { durationBucketsSeconds, metricSpecs } from '../names.js';

/**
 * The journal's probe. `appendDone`/`fsyncDone` are pushed by the journal as they happen; the cache
 * hit ratio is pulled at scrape time from whatever `observeCache` was given (the page cache), so the
 * journal does no extra work per read.
 */
export interface JournalProbe {
  appendDone(seconds: number): void;
  fsyncDone(seconds: number): void;
  /** Give the scrape a way to read the cache hit ratio (0..1). A later call replaces the source. */
  observeCache(hitRatio: () => number): void;
}

export function createJournalProbe(registry: Registry): JournalProbe {
  const histogram = (s: { name: string; help: string }) => new Histogram({
    name: s.name, help: s.help, buckets: [...durationBucketsSeconds], registers: [registry],
  });
  const append = histogram(metricSpecs.journalAppendDuration);
  const fsync = histogram(metricSpecs.journalFsyncDuration);
  let hitRatio: () => number = () => 0;
  new Gauge({
    name: metricSpecs.journalCacheHitRatio.name, help: metricSpecs.journalCacheHitRatio.help,
    registers: [registry],
    collect() {
      const ratio = hitRatio();
      this.set(Number.isFinite(ratio) ? ratio : 0);
    },
  });
  return {
    appendDone(seconds) { append.observe(seconds); },
    fsyncDone(seconds) { fsync.observe(seconds); },
    observeCache(source) { hitRatio = source; },
  };
}
