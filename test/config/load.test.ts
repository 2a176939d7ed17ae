import t, { type Test } from 'tap';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, CONFIG_FIELDS } from '../../src/config/load.js';
import { ConfigError } from '../../src/config/errors.js';
import { DEFAULT_LIMITS } from '../../src/config/limits.js';

/** t.throws matches patterns, not predicates: check the thrown error with a predicate instead. */
function throwsWith(t: Test, fn: () => unknown, ok: (err: unknown) => boolean): void {
  try {
    fn();
    t.fail('expected a throw');
  } catch (err) {
    t.ok(ok(err), String(err));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'canopy-config-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

t.test('no config at all: defaults of the issue', async (t) => {
  const { config } = loadConfig({ argv: [], env: {} });
  t.same(config.listen, { host: '127.0.0.1', port: 9092 });
  t.equal(config.dataDir, './data');
  t.equal(config.autoCreateTopics, true);
  t.equal(config.defaultPartitions, 1);
  t.equal(config.fsync, 'always');
  t.equal(config.advertisedListener, null);
  t.same(config.limits, DEFAULT_LIMITS);
});

t.test('precedence: file < env < flags', async (t) => {
  const path = file('a.yaml', 'listen: 127.0.0.1:1000\ndataDir: /from-file\nnodeId: 3\ndefaultPartitions: 4\nlimits:\n  frameBytesMax: 2000000\n');
  const { config, configFile } = loadConfig({
    argv: ['--config', path, '--listen', '127.0.0.1:19092'],
    env: { CANOPY_DATA_DIR: '/from-env', CANOPY_LISTEN: '127.0.0.1:2000' },
  });
  t.equal(configFile, path);
  t.same(config.listen, { host: '127.0.0.1', port: 19092 });
  t.equal(config.dataDir, '/from-env');
  t.equal(config.nodeId, 3);
  t.equal(config.defaultPartitions, 4);
  t.equal(config.limits.frameBytesMax, 2000000);
  t.equal(config.limits.connectionsMax, DEFAULT_LIMITS.connectionsMax);
});

t.test('CANOPY_CONFIG names the file; JSON works; --flag=value form', async (t) => {
  const path = file('b.json', JSON.stringify({ autoCreateTopics: false, topicDefaults: { 'retention.ms': 1000 } }));
  const { config } = loadConfig({ argv: ['--data-dir=./data-b', '--advertised-listener', 'kafka.local:9093'], env: { CANOPY_CONFIG: path } });
  t.equal(config.autoCreateTopics, false);
  t.same(config.topicDefaults, { 'retention.ms': '1000' });
  t.equal(config.dataDir, './data-b');
  t.same(config.advertisedListener, { host: 'kafka.local', port: 9093 });
});

t.test('errors name the field and the source', async (t) => {
  const unknown = file('c.yaml', 'listen: 127.0.0.1:1\nlisten_port: 5\n');
  throwsWith(t, () => loadConfig({ argv: ['--config', unknown], env: {} }), (err: unknown) => err instanceof ConfigError && err.code === 'CANOPY_ERR_CONFIG_UNKNOWN_KEY' && err.message.includes('listen_port') && err.message.includes(unknown));
  const wrongType = file('d.yaml', 'nodeId: abc\n');
  throwsWith(t, () => loadConfig({ argv: ['--config', wrongType], env: {} }), (err: unknown) => err instanceof ConfigError && err.code === 'CANOPY_ERR_CONFIG_FIELD' && err.message.includes('nodeId') && err.message.includes(wrongType));
  throwsWith(t, () => loadConfig({ argv: [], env: { CANOPY_LISTEN: 'nope' } }), (err: unknown) => err instanceof ConfigError && err.message.includes('CANOPY_LISTEN') && err.message.includes('listen'));
  throwsWith(t, () => loadConfig({ argv: ['--fsync', 'sometimes'], env: {} }), (err: unknown) => err instanceof ConfigError && err.message.includes('--fsync'));
  throwsWith(t, () => loadConfig({ argv: ['--bogus', '1'], env: {} }), (err: unknown) => err instanceof ConfigError && err.code === 'CANOPY_ERR_CONFIG_FLAG');
  throwsWith(t, () => loadConfig({ argv: ['--listen'], env: {} }), (err: unknown) => err instanceof ConfigError && err.code === 'CANOPY_ERR_CONFIG_FLAG');
  const badLimit = file('e.yaml', 'limits:\n  frameBytesMax: 10\n');
  throwsWith(t, () => loadConfig({ argv: ['--config', badLimit], env: {} }), (err: unknown) => err instanceof ConfigError && err.code === 'CANOPY_ERR_CONFIG_LIMITS');
  const unknownLimit = file('f.yaml', 'limits:\n  framesMax: 10\n');
  throwsWith(t, () => loadConfig({ argv: ['--config', unknownLimit], env: {} }), (err: unknown) => err instanceof ConfigError && err.message.includes('limits.framesMax'));
  throwsWith(t, () => loadConfig({ argv: ['--config', join(dir, 'missing.yaml')], env: {} }), (err: unknown) => err instanceof ConfigError && err.code === 'CANOPY_ERR_CONFIG_FILE');
});

t.test('every field has a doc line and a flag or is file-only', async (t) => {
  for (const f of CONFIG_FIELDS) t.ok(f.doc.length > 10, `${f.key} documented`);
});

t.test('limits.connectionsPerAddressMax: file < CANOPY_CONNECTIONS_PER_ADDRESS_MAX < flag; relations checked', async (t) => {
  const path = file('per-address.yaml', 'limits:\n  connectionsPerAddressMax: 10\n  frameBytesMax: 2000000\n');
  t.equal(loadConfig({ argv: ['--config', path], env: {} }).config.limits.connectionsPerAddressMax, 10);
  const fromEnv = loadConfig({ argv: ['--config', path], env: { CANOPY_CONNECTIONS_PER_ADDRESS_MAX: '20' } }).config.limits;
  t.equal(fromEnv.connectionsPerAddressMax, 20);
  t.equal(fromEnv.frameBytesMax, 2000000, 'the variable sets one bound and keeps the file\'s others');
  t.equal(loadConfig({ argv: ['--config', path, '--connections-per-address-max', '30'], env: { CANOPY_CONNECTIONS_PER_ADDRESS_MAX: '20' } }).config.limits.connectionsPerAddressMax, 30);
  throwsWith(t, () => loadConfig({ argv: ['--connections-per-address-max', '0'], env: {} }),
    (e) => e instanceof ConfigError && /limits\.connectionsPerAddressMax \(flag --connections-per-address-max\): 0 is outside/.test(e.message));
  const fewer = file('fewer.yaml', 'limits:\n  connectionsMax: 100\n');
  t.equal(loadConfig({ argv: ['--config', fewer], env: {} }).config.limits.connectionsMax, 100, 'a config lowering connectionsMax alone still loads (the per-address bound is then moot)');
  const small = file('small-pool.yaml', 'limits:\n  requestBytesBufferedMax: 1000\n');
  throwsWith(t, () => loadConfig({ argv: ['--config', small], env: {} }),
    (e) => e instanceof ConfigError && /requestBytesBufferedMax must be at least limits.frameBytesMax/.test(e.message));
});

t.test('adminAllowedHosts: a list in the file, comma-separated in CANOPY_ADMIN_ALLOWED_HOSTS; bad names named', async (t) => {
  t.same(loadConfig({ argv: [], env: {} }).config.adminAllowedHosts, []);
  const path = file('hosts.yaml', 'adminAllowedHosts:\n  - canopy\n  - metrics.example:8080\n');
  t.same(loadConfig({ argv: ['--config', path], env: {} }).config.adminAllowedHosts, ['canopy', 'metrics.example:8080']);
  t.same(loadConfig({ argv: ['--config', path], env: { CANOPY_ADMIN_ALLOWED_HOSTS: ' a.example , b.example:1 ' } }).config.adminAllowedHosts, ['a.example', 'b.example:1']);
  throwsWith(t, () => loadConfig({ argv: ['--admin-allowed-hosts', 'ok.example,http://x/'], env: {} }),
    (e) => e instanceof ConfigError && /adminAllowedHosts \(flag --admin-allowed-hosts\): "http:\/\/x\/" is not a host name/.test(e.message));
});

t.test('topicDefaults are checked at load: unknown names with a did-you-mean, bad values named', async (t) => {
  const good = file('td-good.yaml', 'topicDefaults:\n  retention.ms: 86400000\n  cleanup.policy: delete\n');
  t.same(loadConfig({ argv: ['--config', good], env: {} }).config.topicDefaults, { 'retention.ms': '86400000', 'cleanup.policy': 'delete' });
  const typo = file('td-typo.yaml', 'topicDefaults:\n  retention.mss: 1000\n');
  throwsWith(t, () => loadConfig({ argv: ['--config', typo], env: {} }),
    (e) => e instanceof ConfigError && e.code === 'CANOPY_ERR_CONFIG_UNKNOWN_KEY' && e.message.includes(`unknown key "topicDefaults.retention.mss" in ${typo} (did you mean "retention.ms"?)`));
  const bad = file('td-bad.yaml', 'topicDefaults:\n  segment.bytes: big\n');
  throwsWith(t, () => loadConfig({ argv: ['--config', bad], env: {} }),
    (e) => e instanceof ConfigError && e.code === 'CANOPY_ERR_CONFIG_FIELD' && e.message.includes(`topicDefaults.segment.bytes (${bad}): must be an integer, got "big"`));
});

t.test('unknown CANOPY_* variables are refused with a did-you-mean; the non-config ones are known', async (t) => {
  throwsWith(t, () => loadConfig({ argv: [], env: { CANOPY_LISTN: '127.0.0.1:1' } }),
    (e) => e instanceof ConfigError && e.code === 'CANOPY_ERR_CONFIG_UNKNOWN_KEY' && e.message.includes('unknown environment variable CANOPY_LISTN (did you mean "CANOPY_LISTEN"?)'));
  throwsWith(t, () => loadConfig({ argv: [], env: { CANOPY_WHATEVER_ELSE: '1' } }),
    (e) => e instanceof ConfigError && e.message.includes('unknown environment variable CANOPY_WHATEVER_ELSE (known:'));
  const others = { CANOPY_CONFIG: '', CANOPY_ADMIN_URL: 'http://127.0.0.1:9644', CANOPY_BOOTSTRAP: '127.0.0.1:9092', CANOPY_TEST_RUNTIME: 'tsx', CANOPY_FUZZ_SEED: '1', CANOPY_BENCH_DIR: '/tmp', CANOPY_BENCH_ROUNDS: '1', CANOPY_BENCH_APPEND_ONLY: '1', CANOPY_PROFILE_NULL_WRITES: '1', PATH: '/bin' };
  t.equal(loadConfig({ argv: [], env: others }).config.nodeId, 0, 'variables read by the CLI and the tests do not stop the broker');
});

t.test('flags only: positional arguments are refused, unknown flags get a did-you-mean', async (t) => {
  throwsWith(t, () => loadConfig({ argv: ['--listen', '127.0.0.1:1', 'extra'], env: {} }),
    (e) => e instanceof ConfigError && e.code === 'CANOPY_ERR_CONFIG_FLAG' && e.message.includes('unexpected argument "extra": only flags are accepted'));
  throwsWith(t, () => loadConfig({ argv: ['data-dir', './d'], env: {} }),
    (e) => e instanceof ConfigError && e.message.includes('unexpected argument "data-dir": only flags are accepted (did you mean "--data-dir"?)'));
  throwsWith(t, () => loadConfig({ argv: ['--fsnyc', 'always'], env: {} }),
    (e) => e instanceof ConfigError && e.code === 'CANOPY_ERR_CONFIG_FLAG' && e.message.includes('unknown flag --fsnyc (did you mean "--fsync"?)'));
  const typo = file('typo-key.yaml', 'fsynk: always\n');
  throwsWith(t, () => loadConfig({ argv: ['--config', typo], env: {} }),
    (e) => e instanceof ConfigError && e.message.includes(`unknown key "fsynk" in ${typo} (did you mean "fsync"?)`));
});

t.test('cluster mode: initialVoters parsed, checked against nodeId, internalListen and clusterId', async (t) => {
  const voters = '0@127.0.0.1:9192,1@127.0.0.1:9193,2@127.0.0.1:9194';
  const flags = ['--node-id', '1', '--internal-listen', '127.0.0.1:9193', '--cluster-id', 'c1', '--rack', 'r1'];
  const { config } = loadConfig({ argv: [...flags, '--initial-voters', voters], env: {} });
  t.same(config.initialVoters, [{ nodeId: 0, host: '127.0.0.1', port: 9192 }, { nodeId: 1, host: '127.0.0.1', port: 9193 }, { nodeId: 2, host: '127.0.0.1', port: 9194 }]);
  t.same(config.internalListen, { host: '127.0.0.1', port: 9193 });
  t.equal(config.rack, 'r1');
  t.equal(loadConfig({ argv: [], env: {} }).config.initialVoters, null, 'a single node by default');
  const fromFile = loadConfig({ argv: [...flags, '--config', file('voters.yaml', `initialVoters: [0@127.0.0.1:9192, 1@127.0.0.1:9193]\n`)], env: {} });
  t.equal(fromFile.config.initialVoters?.length, 2, 'a list in the file');
  const fromEnv = loadConfig({ argv: flags, env: { CANOPY_INITIAL_VOTERS: voters } });
  t.equal(fromEnv.config.initialVoters?.length, 3, 'CANOPY_INITIAL_VOTERS');

  const refused = (argv: string[], pattern: RegExp) => throwsWith(t, () => loadConfig({ argv, env: {} }), (e) => e instanceof ConfigError && pattern.test(e.message));
  refused([...flags, '--initial-voters', '0@127.0.0.1:9192,0@127.0.0.1:9193'], /initialVoters \(flag --initial-voters\): node id 0 appears twice/);
  refused([...flags, '--initial-voters', '0@127.0.0.1:9192,2@127.0.0.1:9192'], /initialVoters .*address 127\.0\.0\.1:9192 appears twice/);
  refused([...flags, '--initial-voters', '0@127.0.0.1:9192,2@127.0.0.1:9194'], /initialVoters: this node's id 1/);
  refused([...flags, '--initial-voters', '0@127.0.0.1:9192,1@127.0.0.1:9999'], /initialVoters: node 1's address 127\.0\.0\.1:9999 differs from internalListen/);
  refused([...flags, '--initial-voters', '0@127.0.0.1:9192,1@127.0.0.1:0'], /initialVoters .*port 0/);
  refused([...flags, '--initial-voters', '-1@127.0.0.1:9192'], /initialVoters .*expected ID@HOST:PORT/);
  refused([...flags, '--initial-voters', '0@nowhere'], /initialVoters .*expected HOST:PORT/);
  refused(['--node-id', '1', '--cluster-id', 'c1', '--initial-voters', voters], /internalListen: required with initialVoters/);
  refused(['--node-id', '1', '--internal-listen', '127.0.0.1:9193', '--initial-voters', voters], /clusterId: required with initialVoters/);
  refused([...flags, '--initial-voters', voters, '--role', 'learner', '--upstream', '127.0.0.1:9192'], /initialVoters: a learner is not a voter/);
});
