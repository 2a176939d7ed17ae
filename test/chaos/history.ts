/**
 * The history of a chaos run: one JSON object per line, in the order the harness saw things.
 * Producers log send / ack / error, consumers log poll, the sampler logs hw (ListOffsets), the
 * nemesis logs fault. `t` is milliseconds since the run started. The checker reads only this file,
 * so a run can be checked again, or a hand-made history checked, without a broker.
 *
 * Values are unique per run (`<client>-<n>`), so a value names one send.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

export type HistoryEvent =
  | { type: 'send'; t: number; client: string; value: string }
  | { type: 'ack'; t: number; client: string; value: string; partition: number; offset: number }
  | { type: 'error'; t: number; client: string; value: string; error: string }
  /** One record a consumer read; `final` marks the read from the start after healing. */
  | { type: 'poll'; t: number; client: string; partition: number; offset: number; value: string; final?: boolean }
  | { type: 'hw'; t: number; partition: number; hw: number }
  | { type: 'fault'; t: number; target: string; fault: string; detail?: string }
  | { type: 'note'; t: number; text: string };

/** Distributes Omit over the union, so each event keeps its own fields. */
export type Unstamped<E> = E extends unknown ? Omit<E, 't'> : never;

/** Appends events with a synchronous write each, so a crash of the harness loses none logged. */
export class HistoryWriter {
  private readonly fd: number;
  private readonly startMs = Date.now();
  private closed = false;
  /** Events written so far, by type (for the run summary). */
  readonly counts = new Map<HistoryEvent['type'], number>();

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  log(event: Unstamped<HistoryEvent>): void {
    if (this.closed) return;
    const stamped = { t: Date.now() - this.startMs, ...event };
    writeSync(this.fd, JSON.stringify(stamped) + '\n');
    this.counts.set(event.type, (this.counts.get(event.type) ?? 0) + 1);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

export function parseHistory(text: string): HistoryEvent[] {
  return text.split('\n').filter((l) => l.trim().length > 0).map((l, i) => {
    try {
      return JSON.parse(l) as HistoryEvent;
    } catch {
      throw new Error(`history line ${i + 1} is not JSON: ${l.slice(0, 200)}`);
    }
  });
}

export function readHistory(path: string): HistoryEvent[] {
  return parseHistory(readFileSync(path, 'utf8'));
}
