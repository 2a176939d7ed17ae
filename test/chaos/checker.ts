/**
 * checkHistory(events): what a chaos run's history says went wrong. Observations of an offset
 * are acks (the producer was told "offset O") and polls (a consumer read O); the final read is
 * the consumers' read from the start after every fault healed.
 *
 * - lost: acknowledged, yet not in the final read.
 * - duplicates: one value at two offsets (in any reads or acks).
 * - inconsistent: one (partition, offset) observed holding two values.
 * - unseen: read during the run (so it was visible), yet not in the final read; an acked
 *   value counts as lost only, not twice.
 * - hwRegressions: a ListOffsets high watermark lower than an earlier sample of its partition.
 *
 * Sends neither acked nor failed are `indeterminate`: they may or may not be in the log, and are
 * not anomalies either way. A history without a final read is itself reported (`noFinalRead`),
 * since nothing could then be called lost.
 */
import type { HistoryEvent } from './history.js';

export interface Anomalies {
  lost: { value: string; partition: number; offset: number }[];
  duplicates: { value: string; at: string[] }[];
  inconsistent: { partition: number; offset: number; values: string[] }[];
  unseen: { value: string; partition: number; offset: number }[];
  hwRegressions: { partition: number; from: number; to: number; t: number }[];
}

export interface CheckResult extends Anomalies {
  sent: number;
  acked: number;
  failed: number;
  indeterminate: number;
  finalRead: number;
  faults: number;
  noFinalRead: boolean;
  ok: boolean;
}

const key = (partition: number, offset: number) => `${partition}@${offset}`;

/** Adds `item` to the set kept under `k`. */
function addTo<K, V>(map: Map<K, Set<V>>, k: K, item: V): void {
  let set = map.get(k);
  if (set === undefined) map.set(k, (set = new Set()));
  set.add(item);
}

export function checkHistory(events: readonly HistoryEvent[]): CheckResult {
  const sent = new Set<string>();
  const acked = new Map<string, { partition: number; offset: number }>();
  const failed = new Set<string>();
  const valuesAt = new Map<string, Set<string>>();
  const offsetsOf = new Map<string, Set<string>>();
  const readDuringRun = new Map<string, { partition: number; offset: number }>();
  const finalValues = new Set<string>();
  const hwLast = new Map<number, number>();
  const hwRegressions: Anomalies['hwRegressions'] = [];
  let faults = 0;
  let finalRead = 0;

  const observe = (value: string, partition: number, offset: number) => {
    addTo(valuesAt, key(partition, offset), value);
    addTo(offsetsOf, value, key(partition, offset));
  };

  for (const e of events) {
    switch (e.type) {
      case 'send': sent.add(e.value); break;
      case 'ack':
        acked.set(e.value, { partition: e.partition, offset: e.offset });
        observe(e.value, e.partition, e.offset);
        break;
      case 'error': failed.add(e.value); break;
      case 'poll':
        observe(e.value, e.partition, e.offset);
        if (e.final === true) {
          finalValues.add(e.value);
          finalRead++;
        } else {
          readDuringRun.set(e.value, { partition: e.partition, offset: e.offset });
        }
        break;
      case 'hw': {
        const last = hwLast.get(e.partition);
        if (last !== undefined && e.hw < last) hwRegressions.push({ partition: e.partition, from: last, to: e.hw, t: e.t });
        hwLast.set(e.partition, Math.max(last ?? e.hw, e.hw));
        break;
      }
      case 'fault': faults++; break;
      case 'note': break;
    }
  }

  const noFinalRead = finalRead === 0 && sent.size > 0;
  const lost = [...acked].filter(([v]) => !finalValues.has(v)).map(([value, at]) => ({ value, ...at }));
  const unseen = [...readDuringRun].filter(([v]) => !finalValues.has(v) && !acked.has(v)).map(([value, at]) => ({ value, ...at }));
  const duplicates = [...offsetsOf].filter(([, at]) => at.size > 1).map(([value, at]) => ({ value, at: [...at].sort() }));
  const inconsistent = [...valuesAt].filter(([, vs]) => vs.size > 1).map(([k, vs]) => {
    const [partition, offset] = k.split('@').map(Number) as [number, number];
    return { partition, offset, values: [...vs].sort() };
  });
  // An acked value also reported failed was acked after a retry: not indeterminate.
  const indeterminate = [...sent].filter((v) => !acked.has(v) && !failed.has(v)).length;
  const ok = !noFinalRead && lost.length + duplicates.length + inconsistent.length + unseen.length + hwRegressions.length === 0;
  return {
    sent: sent.size, acked: acked.size, failed: [...failed].filter((v) => !acked.has(v)).length, indeterminate,
    finalRead, faults, noFinalRead, lost, duplicates, inconsistent, unseen, hwRegressions, ok,
  };
}

/** The result as the table rows a run prints (and TESTING.md records). */
export function resultRows(r: CheckResult): [string, string][] {
  return [
    ['sent', String(r.sent)],
    ['acknowledged', String(r.acked)],
    ['failed (error, never acked)', String(r.failed)],
    ['indeterminate (no answer)', String(r.indeterminate)],
    ['read in the final read', String(r.finalRead)],
    ['faults injected', String(r.faults)],
    ['lost acknowledged', String(r.lost.length)],
    ['duplicates', String(r.duplicates.length)],
    ['offset with two values', String(r.inconsistent.length)],
    ['seen, then gone after healing', String(r.unseen.length)],
    ['high watermark went back', String(r.hwRegressions.length)],
    ['verdict', r.ok ? 'ok' : r.noFinalRead ? 'FAIL (no final read)' : 'FAIL'],
  ];
}

export function formatTable(rows: [string, string][]): string {
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n');
}
