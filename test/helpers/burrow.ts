/**
 * ZooKeeper and Burrow (Debian packages) for the lag-monitor test, on loopback only:
 *
 *   const zk = await startZooKeeper(t);                         // free port, temp data dir
 *   const burrow = await startBurrow(t, { zookeeper: zk.address, bootstrap: broker.bootstrap });
 *   await burrowGet(burrow, '/v3/kafka/canopy/consumer');      // Burrow's HTTP API
 *
 * Burrow 1.2.1 keeps its own state in ZooKeeper, so it needs one even though it reads offsets
 * from the broker's `__consumer_offsets` topic. Both are started from generated configs in temp
 * dirs, waited for with bounded polls, and stopped by PID in t.teardown (SIGTERM, then SIGKILL
 * after STOP_MS_MAX); the temp dirs are removed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BURROW_BIN, ZOOKEEPER_JAR } from './debian-client.js';
import { waitUntil } from './group-interop.js';

/** The JVM start of ZooKeeper is slow on a loaded 2-core machine. */
const READY_MS_MAX = 90_000;
const STOP_MS_MAX = 15_000;
/** The cluster name in Burrow's config and URLs. */
export const BURROW_CLUSTER = 'canopy';

interface Teardownable {
  teardown(fn: () => unknown): void;
}

export interface Started {
  pid: number;
  address: string;
  output(): string;
}

/** A free loopback port (the OS picks it; both servers need the number in their config). */
function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

function startProcess(t: Teardownable, command: string, args: string[], cwd: string): { child: ChildProcess; output(): string } {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => void (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => void (out += d.toString()));
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid!, 'SIGTERM');
      const timer = setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGKILL');
      }, STOP_MS_MAX);
      await exited;
      clearTimeout(timer);
    }
    rmSync(cwd, { recursive: true, force: true });
  });
  return { child, output: () => out };
}

/**
 * ZooKeeper's "srvr" four-letter command names the server's mode once it serves requests ("ruok"
 * already answers while sessions are still refused).
 */
function zooKeeperServing(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = connect(port, '127.0.0.1');
    let reply = '';
    s.setTimeout(2000, () => s.destroy());
    s.on('connect', () => s.write('srvr'));
    s.on('data', (d) => void (reply += d.toString()));
    s.on('close', () => res(reply.includes('Mode: standalone')));
    s.on('error', () => res(false));
  });
}

export async function startZooKeeper(t: Teardownable): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-zk-'));
  const port = await freePort();
  writeFileSync(
    join(dir, 'zoo.cfg'),
    [`dataDir=${join(dir, 'data')}`, `clientPort=${port}`, 'clientPortAddress=127.0.0.1', 'tickTime=2000', 'admin.enableServer=false', '4lw.commands.whitelist=srvr', ''].join('\n'),
  );
  const p = startProcess(t, 'java', [`-Dzookeeper.log.dir=${dir}`, '-cp', ZOOKEEPER_JAR, 'org.apache.zookeeper.server.quorum.QuorumPeerMain', join(dir, 'zoo.cfg')], dir);
  const ready = await waitUntil(async () => p.child.exitCode !== null || (await zooKeeperServing(port)), READY_MS_MAX, 250);
  if (!ready || p.child.exitCode !== null) throw new Error(`ZooKeeper did not serve on 127.0.0.1:${port}: ${p.output()}`);
  return { pid: p.child.pid!, address: `127.0.0.1:${port}`, output: p.output };
}

/**
 * Burrow with one cluster and one "kafka" consumer module reading `__consumer_offsets` from the
 * start, refreshing broker offsets and topics every second, HTTP on a free loopback port.
 */
export async function startBurrow(t: Teardownable, options: { zookeeper: string; bootstrap: string }): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-burrow-'));
  const port = await freePort();
  const servers = JSON.stringify([options.bootstrap]);
  writeFileSync(
    join(dir, 'burrow.toml'),
    `[general]
pidfile="${join(dir, 'burrow.pid')}"

[logging]
level="info"

[zookeeper]
servers=${JSON.stringify([options.zookeeper])}
timeout=6
root-path="/burrow"

[client-profile.canopy]
client-id="burrow-test"
kafka-version="2.1.0"

[cluster.${BURROW_CLUSTER}]
class-name="kafka"
servers=${servers}
client-profile="canopy"
topic-refresh=1
offset-refresh=1

[consumer.${BURROW_CLUSTER}]
class-name="kafka"
cluster="${BURROW_CLUSTER}"
servers=${servers}
client-profile="canopy"
start-latest=false

[httpserver.default]
address="127.0.0.1:${port}"

[storage.default]
class-name="inmemory"
workers=2
intervals=10
expire-group=604800
min-distance=1
`,
  );
  const p = startProcess(t, BURROW_BIN, ['--config-dir', dir], dir);
  const address = `127.0.0.1:${port}`;
  const ready = await waitUntil(async () => p.child.exitCode !== null || (await fetch(`http://${address}/burrow/admin`).then((r) => r.ok, () => false)), READY_MS_MAX, 250);
  if (!ready || p.child.exitCode !== null) throw new Error(`Burrow did not serve on ${address}: ${p.output()}`);
  return { pid: p.child.pid!, address, output: p.output };
}

/** GET on Burrow's HTTP API, parsed. */
export async function burrowGet(burrow: Started, path: string): Promise<any> {
  const res = await fetch(`http://${burrow.address}${path}`);
  return res.json();
}
