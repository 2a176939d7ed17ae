import t from 'tap';
import { commonOptions, integerOption, keyValuePairs, parse } from '../../../../src/cli/commands/support/args.js';
import { adminUrl, DEFAULT_ADMIN_URL } from '../../../../src/cli/commands/support/admin-client.js';
import { CliError, EXIT_USAGE } from '../../../../src/cli/commands/support/io.js';

/** The CliError `fn` throws (tap's throws() typing wants Error-shaped patterns only). */
function thrown(fn: () => unknown): CliError | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof CliError ? err : undefined;
  }
  return undefined;
}

t.test('key=value pairs', async (t) => {
  t.same(keyValuePairs(['a=1', 'b=x=y', 'c='], '--config'), { a: '1', b: 'x=y', c: '' });
  t.same(keyValuePairs(undefined, '--config'), {});
  t.match(thrown(() => keyValuePairs(['=1'], '--config')), { message: /--config expects key=value, got "=1"/, exitCode: EXIT_USAGE });
  t.match(thrown(() => keyValuePairs(['novalue'], '--set')), { exitCode: EXIT_USAGE });
});

t.test('integer options', async (t) => {
  t.equal(integerOption('12', '--partitions', 1), 12);
  t.equal(integerOption(undefined, '--partitions'), undefined);
  for (const bad of ['0', '-1', '1.5', 'x', '99999999999999999999']) {
    t.match(thrown(() => integerOption(bad, '--partitions', 1)), { exitCode: EXIT_USAGE }, bad);
  }
});

t.test('strict parsing turns unknown options into usage errors with a hint', async (t) => {
  const { values, positionals } = parse(['x', '--json'], { ...commonOptions }, 'hint');
  t.equal(values.json, true);
  t.same(positionals, ['x']);
  t.match(thrown(() => parse(['--nope'], { ...commonOptions }, 'see --help')), { message: /Unknown option '--nope'[\s\S]*see --help/, exitCode: EXIT_USAGE });
});

t.test('admin URL: flag over environment over default; invalid is a usage error', async (t) => {
  t.equal(adminUrl(undefined, {}), DEFAULT_ADMIN_URL);
  t.equal(adminUrl(undefined, { CANOPY_ADMIN_URL: 'http://10.0.0.1:9644/' }), 'http://10.0.0.1:9644');
  t.equal(adminUrl('http://h:1', { CANOPY_ADMIN_URL: 'http://10.0.0.1:9644' }), 'http://h:1');
  t.equal(adminUrl('localhost:9645', {}), 'http://localhost:9645', 'host:port means http');
  t.equal(adminUrl(undefined, { CANOPY_ADMIN_URL: '10.0.0.1:9644' }), 'http://10.0.0.1:9644');
  t.match(thrown(() => adminUrl('::', {})), { exitCode: EXIT_USAGE });
});
