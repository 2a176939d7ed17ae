import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The README's "## Operating Canopy" section (up to the next level-2 heading), or '' if absent. */
export function operatingSection(): string {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const start = readme.indexOf('\n## Operating Canopy');
  if (start < 0) return '';
  const next = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, next < 0 ? undefined : next);
}
