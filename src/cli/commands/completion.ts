import { CONFIG_FIELDS } from '../../config/load.js';
import { optionsOf, type Subcommand } from './support/dispatch.js';
import { stdio, type CliIo } from './support/io.js';

export const summary = 'print a shell completion script: source <(canopy completion bash), or zsh';

/** The command groups and their subcommands, loaded here so `main.ts` stays lazy for every other command. */
async function groups(): Promise<Record<string, Readonly<Record<string, Subcommand>>>> {
  return {
    topics: (await import('./topics.js')).subcommands,
    groups: (await import('./groups.js')).subcommands,
    cluster: (await import('./cluster.js')).subcommands,
    journal: (await import('./journal.js')).subcommands,
    tree: (await import('./tree.js')).subcommands,
  };
}

function flagsOf(sub: Subcommand): string {
  return Object.keys(optionsOf(sub)).map((name) => `--${name}`).sort().join(' ');
}

/**
 * A bash completion function built from the command tables, so it cannot drift from them: the
 * command, then the subcommand, then that subcommand's flags. zsh loads it through bashcompinit.
 */
async function bashScript(): Promise<string> {
  const table = await groups();
  const top = ['start', ...Object.keys(table), 'completion', 'help'];
  const startFlags = ['--config', ...CONFIG_FIELDS.filter((f) => f.flag !== '').map((f) => f.flag), '--help'].join(' ');
  const cases = Object.entries(table).flatMap(([group, subs]) => [
    `    "${group} ") words="${Object.keys(subs).join(' ')}" ;;`,
    ...Object.entries(subs).map(([name, sub]) => `    "${group} ${name}") words="${flagsOf(sub)}" ;;`),
  ]);
  return [
    '# canopy bash completion: source <(canopy completion bash)',
    '_canopy() {',
    '  local cur="${COMP_WORDS[COMP_CWORD]}" words=""',
    '  if [ "$COMP_CWORD" -eq 1 ]; then',
    `    words="${top.join(' ')} --help --version"`,
    '  else',
    '    local path="${COMP_WORDS[1]} "',
    '    [ "$COMP_CWORD" -gt 2 ] && path="${COMP_WORDS[1]} ${COMP_WORDS[2]}"',
    '    case "$path" in',
    `    "start "*) words="${startFlags}" ;;`,
    '    "completion ") words="bash zsh" ;;',
    ...cases,
    '    esac',
    '  fi',
    '  COMPREPLY=($(compgen -W "$words" -- "$cur"))',
    '}',
    'complete -F _canopy canopy',
    '',
  ].join('\n');
}

/** `canopy completion bash|zsh`. */
export async function run(args: string[], io: CliIo = stdio()): Promise<number> {
  const [shell, ...rest] = args;
  if ((shell !== 'bash' && shell !== 'zsh') || rest.length > 0) {
    (shell === '--help' || shell === '-h' ? io.out : io.err)(
      'Usage: canopy completion bash|zsh\n\n  bash: source <(canopy completion bash)   (or save it under /etc/bash_completion.d/)\n  zsh:  source <(canopy completion zsh)    (in ~/.zshrc)');
    return shell === '--help' || shell === '-h' ? 0 : 2;
  }
  const script = await bashScript();
  io.write(shell === 'zsh' ? `autoload -U +X bashcompinit && bashcompinit\n${script}` : script);
  return 0;
}
