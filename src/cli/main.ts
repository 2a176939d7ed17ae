#!/usr/bin/env node
import { nodeVersion } from '../admin/node-version.js';

/**
 * The `canopy` command line: `canopy <command> [flags]`. Each command is one file under
 * cli/commands/ exporting `run(args): Promise<number>` (the exit code) and `summary`.
 */
const COMMANDS: Record<string, () => Promise<{ run(args: string[]): Promise<number>; summary: string }>> = {
  start: () => import('./commands/start.js'),
  topics: () => import('./commands/topics.js'),
  groups: () => import('./commands/groups.js'),
  cluster: () => import('./commands/cluster.js'),
  journal: () => import('./commands/journal.js'),
  tree: () => import('./commands/tree.js'),
  completion: () => import('./commands/completion.js'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    process.stdout.write(`canopy ${nodeVersion()}\n`);
    return 0;
  }
  // `canopy help topics` is `canopy topics --help`.
  if (name === 'help' && args[0] !== undefined && COMMANDS[args[0]]) return (await COMMANDS[args[0]]!()).run(['--help']);
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const write = (text: string) => (name === undefined ? process.stderr : process.stdout).write(text);
    write(`canopy ${nodeVersion()} — a Kafka-compatible broker\n\nusage: canopy <command> [flags]\n\ncommands:\n`);
    for (const [cmd, load] of Object.entries(COMMANDS)) write(`  ${cmd.padEnd(12)} ${(await load()).summary}\n`);
    write('\nRun "canopy <command> --help" for its options; "canopy --version" prints the version.\n');
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`canopy: unknown command "${name}" (try: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  return (await load()).run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    // Commands that keep serving (start) resolve only when done; exit with their code.
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`canopy: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
