/**
 * `npm run generate`: regenerates src/protocol/generated/ from protocol/. Writes only files whose
 * text changed and removes generated files whose spec is gone. `--out DIR` writes elsewhere.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAll } from './generate.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const GENERATED_DIR = join(REPO_ROOT, 'src/protocol/generated');

function main(argv: string[]): void {
  const i = argv.indexOf('--out');
  const outDir = i >= 0 && argv[i + 1] ? resolve(argv[i + 1]!) : GENERATED_DIR;
  const files = generateAll(REPO_ROOT);
  mkdirSync(outDir, { recursive: true });
  let changed = 0;
  for (const [name, text] of files) {
    const path = join(outDir, name);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeFileSync(path, text);
    changed++;
  }
  let removed = 0;
  for (const name of readdirSync(outDir)) {
    if (name.endsWith('.ts') && !files.has(name)) {
      unlinkSync(join(outDir, name));
      removed++;
    }
  }
  console.log(`generated ${files.size} files into ${outDir} (${changed} changed, ${removed} removed)`);
}

main(process.argv.slice(2));
