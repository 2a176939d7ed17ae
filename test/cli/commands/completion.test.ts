import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli.js';

/** Bound for one bash run. */
const shellMsMax = 20_000;

t.test('canopy completion bash: a script bash sources that completes commands, subcommands and flags', async (t) => {
  const printed = await runCli(['completion', 'bash']);
  t.equal(printed.code, 0, printed.stderr);
  const dir = mkdtempSync(join(tmpdir(), 'canopy-completion-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const script = join(dir, 'canopy.bash');
  writeFileSync(script, printed.stdout);
  // What bash offers for a partial command line, as the shell would ask on <TAB>.
  const complete = (...words: string[]) => `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _canopy; echo "\${COMPREPLY[*]}"`;
  const bash = spawnSync('bash', ['-c', [
    `source ${script}`, 'complete -p canopy',
    complete('canopy', 'to'), complete('canopy', 'topics', 'pro'), complete('canopy', 'topics', 'consume', '--of'),
    complete('canopy', 'groups', 'reset-offsets', '--ex'), complete('canopy', 'topics', 'produce', '--'), complete('canopy', 'start', '--data'), complete('canopy', 'completion', ''),
  ].join('\n')], { encoding: 'utf8', timeout: shellMsMax });
  t.equal(bash.status, 0, bash.stderr);
  t.same(bash.stdout.split('\n'), [
    'complete -F _canopy canopy', 'topics', 'produce', '--offset', '--execute', '--bootstrap --header --help --json --key-separator --partition', '--data-dir', 'bash zsh', '',
  ]);
  const usage = await runCli(['completion', 'fish']);
  t.equal(usage.code, 2);
  t.match(usage.stderr, /Usage: canopy completion bash\|zsh/);
});
