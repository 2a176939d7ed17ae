import type { JournalProbe } from './journal.js';

/**
 * The part of the journal's FileLayer/JournalFile this wrapper needs, declared structurally so
 * metrics/ does not import journal/ (layer rule): anything with `open(path, create)` returning a
 * file with `writeAll` and `datasync`.
 */
interface TimedFile {
  writeAll(buffers: Buffer[], position: number): Promise<void>;
  datasync(): Promise<void>;
}
interface OpeningLayer<F extends TimedFile> {
  open(path: string, create: boolean): Promise<F>;
}

const secondsSince = (startNs: bigint) => Number(process.hrtime.bigint() - startNs) / 1e9;

/**
 * Wraps the journal's file layer so every segment write (`writeAll`, one per group commit run)
 * and every `datasync` is timed into the journal probe. The journal passes this layer through its
 * existing `deps.fs` seam, so its own code carries no metrics. Failed calls are timed too: a slow
 * failing disk is exactly what the histogram should show.
 */
export function observeJournalFiles<F extends TimedFile, L extends OpeningLayer<F>>(layer: L, probe: JournalProbe): L {
  const wrapFile = (file: F): F => new Proxy(file, {
    get(target, property) {
      if (property === 'writeAll') {
        return async (buffers: Buffer[], position: number) => {
          const started = process.hrtime.bigint();
          try {
            await target.writeAll(buffers, position);
          } finally {
            probe.appendDone(secondsSince(started));
          }
        };
      }
      if (property === 'datasync') {
        return async () => {
          const started = process.hrtime.bigint();
          try {
            await target.datasync();
          } finally {
            probe.fsyncDone(secondsSince(started));
          }
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return new Proxy(layer, {
    get(target, property) {
      if (property === 'open') return async (path: string, create: boolean) => wrapFile(await target.open(path, create));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
