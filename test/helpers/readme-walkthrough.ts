/**
 * The README's walkthrough: the code blocks marked with an HTML comment right above them, in
 * README order, and a throwaway directory that looks like the checkout to run them in.
 *
 *   <!-- walkthrough -->                                               runs to its end, exit 0
 *   <!-- walkthrough: runs until stopped, ready at "TEXT" -->          a server: ready once it prints TEXT
 *
 * A marker must be followed (blank lines aside) by a fenced block (```js, ```python, ```sh or
 * none) or an indented one (shell); anything else is an error, so a misplaced marker fails the test.
 */
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type WalkthroughLanguage = 'shell' | 'js' | 'python';

export interface WalkthroughBlock {
  /** 1-based line of the marker in the README, for messages. */
  line: number;
  language: WalkthroughLanguage;
  code: string;
  /** What a long-running block prints once it serves; null for a block that runs to its end. */
  readyText: string | null;
}

const MARKER = /^<!-- walkthrough(?:: runs until stopped, ready at "([^"]+)")? -->$/;
const FENCE_LANGUAGES: Record<string, WalkthroughLanguage> = { '': 'shell', sh: 'shell', bash: 'shell', js: 'js', python: 'python' };

export function walkthroughBlocks(readme: string): WalkthroughBlock[] {
  const lines = readme.split('\n');
  const blocks: WalkthroughBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('<!-- walkthrough')) continue;
    const marker = MARKER.exec(lines[i]!);
    if (marker === null) throw new Error(`README line ${i + 1}: unknown walkthrough marker ${lines[i]}`);
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    const first = lines[j] ?? '';
    const body: string[] = [];
    let language: WalkthroughLanguage | undefined;
    if (first.startsWith('```')) {
      language = FENCE_LANGUAGES[first.slice(3).trim()];
      if (language === undefined) throw new Error(`README line ${j + 1}: walkthrough block in unsupported language ${first}`);
      for (j++; j < lines.length && !lines[j]!.startsWith('```'); j++) body.push(lines[j]!);
    } else if (first.startsWith('    ')) {
      language = 'shell';
      for (; j < lines.length && (lines[j]!.startsWith('    ') || lines[j]!.trim() === ''); j++) body.push(lines[j]!.slice(4));
    } else {
      throw new Error(`README line ${i + 1}: a walkthrough marker not followed by a code block`);
    }
    blocks.push({ line: i + 1, language, code: `${body.join('\n').trimEnd()}\n`, readyText: marker[1] ?? null });
  }
  return blocks;
}

/**
 * A temp directory standing in for the checkout: every top-level entry of `repoRoot` symlinked
 * (dist/ too, even before it is built), except local state (data/, prometheus-data/, .git). The
 * files listed in `ownFiles` are left out, their parent folders made real, for the caller to
 * write (e.g. a config with other ports). What the walkthrough writes (./data) lands here.
 */
export function checkoutView(repoRoot: string, ownFiles: string[]): string {
  const view = mkdtempSync(join(tmpdir(), 'canopy-walkthrough-'));
  const realDirs = new Set(ownFiles.flatMap((file) => {
    const dirs: string[] = [];
    for (let d = dirname(file); d !== '.'; d = dirname(d)) dirs.push(d);
    return dirs;
  }));
  const mirror = (relative: string): void => {
    mkdirSync(join(view, relative), { recursive: true });
    const names = new Set(readdirSync(join(repoRoot, relative)));
    if (relative === '.') names.add('dist');
    for (const name of names) {
      const path = relative === '.' ? name : join(relative, name);
      if (['data', 'prometheus-data', '.git'].includes(path) || ownFiles.includes(path)) continue;
      if (realDirs.has(path)) mirror(path);
      else symlinkSync(join(repoRoot, path), join(view, path));
    }
  };
  mirror('.');
  return view;
}
