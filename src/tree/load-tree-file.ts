/**
 * The root's `--tree` file, read and validated once at start: its learners' edge filters, compiled.
 * Any error is a ConfigError naming the file and each bad entry (the start exits 2). Topics are not
 * checked against the root's: they may be created (or auto-created) after the start.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/errors.js';
import { parseTreeConfig } from './tree-config.js';
import { edgeFiltersOf, NO_TREE, type EdgeFilterLookup } from './upstream-edge-filter.js';

export function loadTreeFile(path: string | null, decompressedBytesMax: number): EdgeFilterLookup {
  if (path === null) return NO_TREE;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError('CANOPY_ERR_CONFIG_FIELD', `treeConfig: cannot read ${path}: ${(err as Error).message}`);
  }
  const verdict = parseTreeConfig(text, path);
  if (!verdict.ok) throw new ConfigError('CANOPY_ERR_CONFIG_FIELD', `treeConfig (${path}): ${verdict.errors.join('; ')}`);
  return edgeFiltersOf(verdict.config, decompressedBytesMax);
}
