import { readFile } from 'node:fs/promises';
import { parseTreeConfig } from '../../tree/tree-config.js';
import { runGroup, type Subcommand } from './support/dispatch.js';
import { CliError, EXIT_USAGE, stdio, type CliIo } from './support/io.js';

export const subcommands: Record<string, Subcommand> = {
  validate: {
    summary: 'Check a learner tree config (YAML or JSON) offline: names, upstreams, cycles, filters, topics',
    usage: 'FILE [--topics a,b]',
    help: [['--topics a,b', 'the cluster\'s topics: every topic the config names must be one of them']],
    options: { topics: { type: 'string' } },
    positionals: ['FILE'],
    async run({ positionals, values, json, io }) {
      const file = positionals[0]!;
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, EXIT_USAGE);
      }
      const topics = values['topics'];
      const knownTopics = typeof topics === 'string' ? topics.split(',').map((s) => s.trim()).filter((s) => s !== '') : undefined;
      const verdict = parseTreeConfig(text, file, { knownTopics });
      if (!verdict.ok) {
        if (json) io.out(JSON.stringify({ valid: false, errors: verdict.errors }, null, 2));
        throw new CliError(`${file} is not a valid tree config:\n${verdict.errors.map((e) => `  ${e}`).join('\n')}`, EXIT_USAGE);
      }
      const learners = verdict.config.learners;
      if (json) return io.out(JSON.stringify({ valid: true, learners: learners.map((l) => l.name) }, null, 2));
      io.out(`${file}: valid, ${learners.length} learner${learners.length === 1 ? '' : 's'}${learners.length > 0 ? ` (${learners.map((l) => `${l.name} ← ${l.upstream}`).join(', ')})` : ''}`);
    },
  },
};

export const summary = 'the learner tree config (validate it; applying it comes with learners)';

/** `canopy tree …`; `io` defaults to the process's stdout/stderr/env. */
export function run(args: string[], io: CliIo = stdio()): Promise<number> {
  return runGroup('tree', 'the learner tree config', subcommands, args, io);
}
