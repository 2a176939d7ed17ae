import { readFileSync } from 'node:fs';
import type { Limits } from '../config/limits.js';
import { ConfigError } from '../config/errors.js';

/**
 * Descriptors kept outside the journal's handle budget: stdio, the Kafka and admin listeners, the
 * data-dir lock, small files written atomically, directory fsyncs and the partitions being opened
 * at start-up (PARTITION_OPEN_CONCURRENCY). Client connections take their descriptors from what
 * the journal leaves, which is why the derived journal budget is only half of the rest.
 */
export const FD_RESERVE = 128;
/** Fewer journal handles than this would reopen files on nearly every read and append. */
export const JOURNAL_FILES_OPEN_MIN = 16;
/** A derived budget never goes above this: more open files buy nothing once the hot set fits. */
export const JOURNAL_FILES_OPEN_DERIVED_MAX = 4096;

/** The process's soft "Max open files" (`ulimit -n`) from /proc/self/limits; null when unknown. */
export function readFdSoftLimit(limitsText?: string): number | null {
  let text = limitsText;
  if (text === undefined) {
    try {
      text = readFileSync('/proc/self/limits', 'utf8');
    } catch {
      return null;
    }
  }
  const m = /^Max open files\s+(\S+)\s+/m.exec(text);
  if (m === null || m[1] === 'unlimited') return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * How many segment files the journal may keep open (journal/file-handles.ts): limits.journalFilesOpenMax
 * when set, else half of what the fd limit leaves after FD_RESERVE. Partitions no longer hold
 * descriptors of their own, so partitionsMax is bounded by memory, not by the fd limit; what must
 * fit is the handle budget plus the reserve. Throws a ConfigError naming the fields otherwise.
 */
export function journalFilesOpenMax(limits: Limits, fdSoftLimit: number | null): number {
  const configured = limits.journalFilesOpenMax;
  if (fdSoftLimit === null) return configured > 0 ? configured : JOURNAL_FILES_OPEN_DERIVED_MAX;
  const fix = `raise the limit (ulimit -n, or LimitNOFILE / --ulimit nofile) or lower limits.journalFilesOpenMax`;
  if (configured > 0) {
    if (configured + FD_RESERVE > fdSoftLimit) {
      throw new ConfigError('CANOPY_ERR_CONFIG_LIMITS', `limits.journalFilesOpenMax ${configured} plus ${FD_RESERVE} descriptors the broker keeps for itself exceeds the process's open file limit ${fdSoftLimit}: ${fix}`);
    }
    return configured;
  }
  const derived = Math.min(JOURNAL_FILES_OPEN_DERIVED_MAX, Math.floor((fdSoftLimit - FD_RESERVE) / 2));
  if (derived < JOURNAL_FILES_OPEN_MIN) {
    throw new ConfigError('CANOPY_ERR_CONFIG_LIMITS', `the process's open file limit ${fdSoftLimit} is too low for limits.partitionsMax ${limits.partitionsMax}: the journal needs at least ${JOURNAL_FILES_OPEN_MIN} file handles (shared by all partitions) and the broker ${FD_RESERVE} more descriptors, so at least ${FD_RESERVE + 2 * JOURNAL_FILES_OPEN_MIN}; ${fix}`);
  }
  return derived;
}

/**
 * Client connections the fd limit leaves room for: what remains after FD_RESERVE and the journal's
 * handle budget, capped by limits.connectionsMax. Without this cap, connections take the
 * descriptors the journal and the atomic state-file writes need (an append or a leader-epoch
 * write then fails with EMFILE while clients are merely connected). Unknown limit: as configured.
 */
export function connectionsMaxWithin(limits: Limits, fdSoftLimit: number | null, journalFilesOpen: number): number {
  if (fdSoftLimit === null) return limits.connectionsMax;
  return Math.max(1, Math.min(limits.connectionsMax, fdSoftLimit - FD_RESERVE - journalFilesOpen));
}
