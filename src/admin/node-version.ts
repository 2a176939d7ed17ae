import { readFileSync } from 'node:fs';

/**
 * The package version, read once from package.json two folders up: src/admin/ and dist/admin/
 * both sit two levels below the package root (also inside the Docker image, which copies both).
 */
export function nodeVersion(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
