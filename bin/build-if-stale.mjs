#!/usr/bin/env node
// `npm start`'s prestart, and bin/canopy.js's first step in a checkout: compile TypeScript only
// when dist/ is missing or older than its inputs (a full tsc run takes ~17 s on a small machine).
// Plain JavaScript: it runs before dist/ exists.
import { readdirSync, realpathSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(import.meta.dirname, '..');
// Written only after tsc succeeds: a failed build (tsc still emits) leaves dist/ stale.
const stamp = join(root, 'dist', '.build-stamp');

/** The newest file under dir (recursively) as [mtimeMs, path]. */
function newest(dir) {
  let best = [0, dir];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    const found = entry.isDirectory() ? newest(p) : [statSync(p).mtimeMs, p];
    if (found[0] > best[0]) best = found;
  }
  return best;
}

function staleReason() {
  let builtMs;
  try {
    builtMs = statSync(stamp).mtimeMs;
  } catch {
    return 'dist/ has not been built here yet';
  }
  const inputs = [newest(join(root, 'src')), ...readdirSync(root)
    .filter((n) => /^(tsconfig.*\.json|package\.json|package-lock\.json)$/.test(n))
    .map((n) => [statSync(join(root, n)).mtimeMs, join(root, n)])];
  const changed = inputs.find(([mtimeMs]) => mtimeMs > builtMs);
  return changed ? `${relative(root, changed[1])} changed since the last build` : null;
}

/**
 * Builds dist/ when stale; returns the exit status (0 when current or built). `quiet` leaves out
 * the "current" line, for the CLI, whose stdout may be JSON: tsc's own output goes to stderr.
 */
export function buildIfStale({ quiet = false } = {}) {
  const reason = staleReason();
  if (reason === null) {
    if (!quiet) process.stderr.write('canopy: dist is current, skipping tsc\n');
    return 0;
  }
  process.stderr.write(`canopy: building (${reason})\n`);
  // The stamp gets the build's start time, so an edit made while tsc runs rebuilds next time.
  const startedS = Date.now() / 1000;
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) return build.status ?? 1;
  writeFileSync(stamp, 'written by bin/build-if-stale.mjs after a successful build\n');
  utimesSync(stamp, startedS, startedS);
  return 0;
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const status = buildIfStale();
  if (status !== 0) process.exit(status);
}
