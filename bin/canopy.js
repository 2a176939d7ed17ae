#!/usr/bin/env node
// The `canopy` command (package.json "bin"; `npm link` puts it on PATH, the image links it into
// /usr/local/bin). In a checkout (src/ next to bin/) it first builds dist/ when stale, as
// `npm start` does, so `./bin/canopy.js` works in a fresh clone; the image ships dist/ only.
import { existsSync } from 'node:fs';

if (existsSync(new URL('../src/cli/main.ts', import.meta.url))) {
  const { buildIfStale } = await import('./build-if-stale.mjs');
  const status = buildIfStale({ quiet: true });
  if (status !== 0) process.exit(status);
}
await import('../dist/cli/main.js');
