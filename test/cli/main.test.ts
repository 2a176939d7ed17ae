import t from 'tap';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { CONFIG_FIELDS } from '../../src/config/load.js';

const version = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;

t.test('canopy --version and canopy version print the package.json version', async (t) => {
  for (const arg of ['--version', 'version']) {
    const res = await runCli([arg]);
    t.equal(res.code, 0, arg);
    t.equal(res.stdout, `canopy ${version}\n`, arg);
  }
});

t.test('canopy --help and canopy help list every command with its summary; no command is a usage error', async (t) => {
  for (const arg of ['--help', 'help']) {
    const res = await runCli([arg]);
    t.equal(res.code, 0, arg);
    for (const cmd of ['start', 'topics', 'groups', 'cluster', 'journal']) t.match(res.stdout, new RegExp(`^  ${cmd} +\\S`, 'm'), `${arg} lists ${cmd}`);
    t.match(res.stdout, /canopy <command> --help/);
  }
  const none = await runCli([]);
  t.equal(none.code, 2);
  t.match(none.stderr, /^  start /m, 'the list goes to stderr');
});

t.test('canopy start --help prints every flag with its variable and exits 0 without starting', async (t) => {
  for (const args of [['start', '--help'], ['help', 'start'], ['start', '--listen', '127.0.0.1:0', '-h']]) {
    const res = await runCli(args);
    t.equal(res.code, 0, args.join(' '));
    t.equal(res.stderr, '', args.join(' '));
    t.notMatch(res.stdout, /canopy listening/, 'does not start a broker');
    for (const f of CONFIG_FIELDS.filter((f) => f.flag !== '')) t.match(res.stdout, `${f.flag} `, `${args.join(' ')} documents ${f.flag}`);
    t.match(res.stdout, /--listen HOST:PORT .*\(env CANOPY_LISTEN\)/);
    t.match(res.stdout, /--config FILE/);
  }
});

t.test('help on the other commands', async (t) => {
  const res = await runCli(['help', 'topics']);
  t.equal(res.code, 0);
  t.match(res.stdout, /^Usage: canopy topics <command>/m);
});
