/**
 * Tests that need a Debian-packaged client (kcat, python3-confluent-kafka, python3-kafka, the Go
 * libraries Sarama and kafka-go with golang-go, Burrow, ZooKeeper) call
 * `haveClient(t, which)` first. When the client is absent the test is skipped with a message
 * naming the package to install, except under CI=true, where a missing client is a failure.
 *
 *   if (!haveClient(t, 'kcat')) return;
 */
import { spawnSync } from 'node:child_process';

export type DebianClient =
  | 'kcat'
  | 'python3-confluent-kafka'
  | 'python3-kafka'
  | 'golang-go'
  | 'golang-github-shopify-sarama-dev'
  | 'golang-github-segmentio-kafka-go-dev'
  | 'burrow'
  | 'zookeeper';

/** Where Debian's Go library packages put their sources (GOPATH mode). */
export const DEBIAN_GOPATH = '/usr/share/gocode';
export const BURROW_BIN = '/usr/bin/Burrow';
export const ZOOKEEPER_JAR = '/usr/share/java/zookeeper.jar';

/** Debian's python, which sees the Debian packages (the pyenv `python3` on PATH does not). */
export const DEBIAN_PYTHON = '/usr/bin/python3';

const probes: Record<DebianClient, { command: string; args: string[] }> = {
  kcat: { command: 'kcat', args: ['-V'] },
  'python3-confluent-kafka': { command: DEBIAN_PYTHON, args: ['-c', 'import confluent_kafka'] },
  'python3-kafka': { command: DEBIAN_PYTHON, args: ['-c', 'import kafka'] },
  'golang-go': { command: 'go', args: ['version'] },
  'golang-github-shopify-sarama-dev': { command: 'test', args: ['-d', `${DEBIAN_GOPATH}/src/github.com/Shopify/sarama`] },
  'golang-github-segmentio-kafka-go-dev': { command: 'test', args: ['-d', `${DEBIAN_GOPATH}/src/github.com/segmentio/kafka-go`] },
  burrow: { command: 'test', args: ['-x', BURROW_BIN] },
  zookeeper: { command: 'test', args: ['-r', ZOOKEEPER_JAR] },
};

const cache = new Map<DebianClient, boolean>();

export function clientPresent(which: DebianClient): boolean {
  let ok = cache.get(which);
  if (ok === undefined) {
    const probe = probes[which];
    const r = spawnSync(probe.command, probe.args, { stdio: 'ignore', timeout: 10_000 });
    ok = r.status === 0;
    cache.set(which, ok);
  }
  return ok;
}

/** The slice of tap's Test used here; tap's skip/fail are overloaded, hence the loose signature. */
export interface SkippableTest {
  skip(...args: any[]): unknown;
  fail(...args: any[]): unknown;
}

export function haveClient(t: SkippableTest, which: DebianClient): boolean {
  if (clientPresent(which)) return true;
  const message = `needs the Debian package ${which} (apt-get install ${which})`;
  if (process.env.CI === 'true') t.fail(`${message}; CI=true, so a missing client is a failure`);
  else t.skip(message);
  return false;
}
