#!/usr/bin/env node
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
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write('usage: canopy <command> [flags]\n\ncommands:\n');
    for (const [cmd, load] of Object.entries(COMMANDS)) process.stdout.write(`  ${cmd.padEnd(12)} ${(await load()).summary}\n`);
    return name === undefined ? 1 : 0;
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
