/**
 * What can be checked of the Docker files without a Docker engine: the Dockerfile copies files
 * that exist (and are not excluded by .dockerignore), builds the entry point npm start uses, runs
 * as non-root with a /data volume and a HEALTHCHECK on a real route, and its environment is
 * accepted by the config loader; the compose file mounts files that exist and its services point
 * at each other consistently. The admin API (no authentication yet) stays on loopback in both
 * unless explicitly opted in, and what scrapes or probes it sends a Host the broker answers.
 */
import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { createHostCheck } from '../../src/admin/allowed-hosts.js';
import { startAdminNode } from '../helpers/admin-node.js';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Compose's `${NAME:-default}` interpolation of one value, from `shell` (the user's environment). */
function interpolate(value: unknown, shell: Record<string, string>): string {
  return String(value).replace(/\$\{(\w+):-([^}]*)\}/g, (_, name: string, fallback: string) => shell[name] || fallback);
}

/** A compose duration ("30s", "1m30s", "500ms") in milliseconds; NaN when absent or malformed. */
function durationMs(value: unknown): number {
  const text = String(value ?? '');
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return Number.NaN;
  return parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]!]!, 0);
}

interface Instruction { op: string; args: string; stage: string }

/** Dockerfile instructions with line continuations joined and comments dropped. */
function instructions(text: string): Instruction[] {
  const joined = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  let stage = '';
  return joined.map((line) => {
    const [op, ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (op!.toUpperCase() === 'FROM') stage = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? '';
    return { op: op!.toUpperCase(), args, stage };
  });
}

const dockerfile = instructions(read('Dockerfile'));
const runtime = dockerfile.filter((i) => i.stage === 'runtime');
const ignored = read('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));

t.test('the Dockerfile is multi-stage and copies only files that exist in the build context', async (t) => {
  const stages = dockerfile.filter((i) => i.op === 'FROM').map((i) => i.stage);
  t.same(stages, ['build', 'runtime']);
  const contextCopies = dockerfile.filter((i) => i.op === 'COPY' && !i.args.startsWith('--from'));
  t.ok(contextCopies.length >= 4);
  for (const copy of contextCopies) {
    const sources = copy.args.split(/\s+/).slice(0, -1);
    for (const source of sources) {
      t.ok(existsSync(join(root, source)), `COPY ${source} exists`);
      t.notOk(ignored.some((pattern) => source === pattern || source.startsWith(`${pattern}/`)), `COPY ${source} is not excluded by .dockerignore`);
    }
  }
  const fromBuild = runtime.filter((i) => i.op === 'COPY' && i.args.startsWith('--from=build')).map((i) => i.args.split(/\s+/)[1]);
  t.same(fromBuild.sort(), ['/app/dist', '/app/node_modules', '/app/package.json'], 'runtime takes dist, production node_modules and package.json from the build stage');
  const build = dockerfile.filter((i) => i.stage === 'build' && i.op === 'RUN').map((i) => i.args).join(' ');
  t.match(build, /npm ci --ignore-scripts/, 'no dev-only native builds in the slim image');
  t.match(build, /npm run build/);
  t.match(build, /npm prune --omit=dev/, 'runtime gets production dependencies only');
  // --ignore-scripts skips every install script: each production dependency that has one must be
  // rebuilt explicitly (with a C toolchain in the build stage), or the image would lack its binary.
  const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { dev?: boolean; hasInstallScript?: boolean }> };
  const prodScripts = Object.entries(lock.packages).filter(([name, p]) => name !== '' && p.hasInstallScript && !p.dev).map(([name]) => name.replace(/^node_modules\//, ''));
  t.same(prodScripts, ['fs-ext'], 'the production dependencies with install scripts (fs-ext: flock for the data-dir lock)');
  for (const name of prodScripts) t.match(build, new RegExp(`npm rebuild ${name}\\b`), `${name} is built in the build stage`);
  if (prodScripts.length > 0) t.match(build, /apt-get install[^&]*\bg\+\+/, 'the build stage installs a C++ toolchain for them');
});

t.test('the image runs `npm start`\'s entry point, and the build produces it', async (t) => {
  const pkg = JSON.parse(read('package.json'));
  const entrypoint = JSON.parse(runtime.find((i) => i.op === 'ENTRYPOINT')!.args) as string[];
  const cmd = JSON.parse(runtime.find((i) => i.op === 'CMD')!.args) as string[];
  t.equal([...entrypoint, ...cmd].join(' '), pkg.scripts.start, 'ENTRYPOINT + CMD = npm start');
  const script = entrypoint[1]!;
  const buildConfig = JSON.parse(read('tsconfig.build.json'));
  t.equal(buildConfig.compilerOptions.outDir, 'dist');
  t.equal(buildConfig.compilerOptions.rootDir, 'src');
  const source = script.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts');
  t.ok(existsSync(join(root, source)), `${script} is compiled from ${source}`);
  if (existsSync(join(root, 'dist'))) t.ok(existsSync(join(root, script)), `${script} exists after npm run build`);
  t.match(read('bin/canopy.js'), /\.\.\/dist\/cli\/main\.js/, 'the canopy bin runs the same compiled CLI');
  t.equal(pkg.bin.canopy, 'bin/canopy.js');
  const runs = runtime.filter((i) => i.op === 'RUN').map((i) => i.args).join(' ');
  t.match(runs, /ln -s \/app\/bin\/canopy\.js \/usr\/local\/bin\/canopy\b/, '`canopy` is on the image\'s PATH (docker exec <container> canopy ...), as package.json\'s bin names it');
  t.ok(runtime.some((i) => i.op === 'COPY' && i.args === 'bin ./bin'), 'the bin it links is in the image');
});

t.test('non-root user, /data volume, documented ports, healthcheck on /readyz', async (t) => {
  const user = runtime.find((i) => i.op === 'USER')?.args;
  t.ok(user !== undefined && user !== 'root' && user !== '0', `USER ${user}`);
  t.match(runtime.find((i) => i.op === 'VOLUME')?.args ?? '', /"\/data"/);
  t.same(runtime.find((i) => i.op === 'EXPOSE')?.args.split(/\s+/), ['9092'], 'only Kafka is exposed; the admin API is opt-in');
  const env = Object.fromEntries([...runtime.find((i) => i.op === 'ENV')!.args.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
  const loaded = loadConfig({ argv: [], env });
  t.same(loaded.config.listen, { host: '0.0.0.0', port: 9092 }, 'CANOPY_LISTEN binds every interface in the container');
  t.same(loaded.config.adminListen, { host: '127.0.0.1', port: 9644 }, 'the admin API stays on the container\'s loopback by default');
  t.same(loaded.config.adminAllowedHosts, []);
  t.equal(loaded.config.dataDir, '/data');
  const healthcheck = runtime.find((i) => i.op === 'HEALTHCHECK')!.args;
  const url = /http:\/\/127\.0\.0\.1:(\d+)(\/\w+)/.exec(healthcheck);
  t.ok(url, 'the healthcheck fetches a local URL');
  t.equal(Number(url![1]), loaded.config.adminListen!.port, 'on the admin port');
  t.ok(createHostCheck(loaded.config.adminListen!, [])(`127.0.0.1:${url![1]}`), 'the broker answers the healthcheck\'s Host');
  const node = await startAdminNode(t);
  t.ok(node.app.hasRoute({ method: 'GET', url: url![2]! }), `${url![2]} is a route of the admin app`);
  t.equal(url![2], '/readyz');
});

t.test('the compose file references files that exist and services that agree', async (t) => {
  const compose = parseYaml(read('docker-compose.yml'));
  t.same(Object.keys(compose.services).sort(), ['canopy', 'grafana', 'prometheus']);
  t.equal(compose.services.canopy.build, '.');
  t.ok(existsSync(join(root, 'Dockerfile')));
  for (const [name, service] of Object.entries<any>(compose.services)) {
    for (const volume of service.volumes ?? []) {
      const [source] = String(volume).split(':');
      if (source!.startsWith('.')) t.ok(existsSync(join(root, source!)), `${name}: ${source} exists`);
      else t.ok(Object.hasOwn(compose.volumes, source!), `${name}: named volume ${source} is declared`);
    }
  }
  const envWith = (shell: Record<string, string>) => Object.fromEntries(Object.entries<unknown>(compose.services.canopy.environment).map(([k, v]) => [k, interpolate(v, shell)]));
  const canopyEnv = envWith({});
  const config = loadConfig({ argv: [], env: canopyEnv }).config;
  t.same(config.adminListen, { host: '127.0.0.1', port: 9644 }, 'the admin API stays on the container\'s loopback by default');
  t.same(loadConfig({ argv: [], env: envWith({ CANOPY_ADMIN_LISTEN: '0.0.0.0:9644' }) }).config.adminListen, { host: '0.0.0.0', port: 9644 }, 'CANOPY_ADMIN_LISTEN in the user\'s environment opts in');
  const adminPort = config.adminListen!.port;
  const prometheusConfig = parseYaml(read('grafana/prometheus/prometheus.yml'));
  t.equal(compose.services.prometheus.network_mode, 'service:canopy', 'Prometheus shares the broker\'s network namespace (and loopback)');
  t.same(prometheusConfig.scrape_configs[0].static_configs[0].targets, [`127.0.0.1:${adminPort}`], 'Prometheus scrapes the broker\'s loopback admin port');
  t.ok(createHostCheck(config.adminListen!, config.adminAllowedHosts)(`127.0.0.1:${adminPort}`), 'the broker answers the Host Prometheus sends');
  t.equal(prometheusConfig.scrape_configs[0].metrics_path, '/metrics');
  const datasource = parseYaml(read('grafana/provisioning/datasources/prometheus.yaml')).datasources[0];
  t.equal(datasource.url, 'http://canopy:9090', 'Grafana reads Prometheus in the canopy service\'s network namespace');
  t.notOk(Object.hasOwn(compose.services.prometheus, 'ports'), 'a service in another\'s network namespace publishes no ports of its own');
  const provider = parseYaml(read('grafana/provisioning/dashboards/canopy.yaml')).providers[0];
  t.ok(compose.services.grafana.volumes.some((v: string) => v === `./grafana/dashboards:${provider.options.path}:ro`), 'dashboards are mounted where the provider reads them');
  const home = compose.services.grafana.environment.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH as string;
  t.ok(existsSync(join(root, 'grafana/dashboards', home.slice(provider.options.path.length + 1))), 'the home dashboard exists');
  t.same(compose.services.canopy.ports, ['127.0.0.1:9092:9092', '127.0.0.1:9644:9644', '127.0.0.1:9090:9090'], 'Kafka, admin (opt-in) and Prometheus');
  for (const [name, service] of Object.entries<any>(compose.services)) {
    for (const port of service.ports ?? []) t.match(String(port), /^127\.0\.0\.1:\d+:\d+$/, `${name}: ${port} is published on the host's loopback only`);
  }
  const graceMs = durationMs(compose.services.canopy.stop_grace_period);
  t.ok(graceMs > config.limits.shutdownGraceMs, `stop_grace_period (${graceMs} ms) outlasts the broker's own shutdown grace (${config.limits.shutdownGraceMs} ms), so Docker does not SIGKILL a graceful stop`);
  t.same(loadConfig({ argv: [], env: canopyEnv }).config.advertisedListener, { host: '127.0.0.1', port: 9092 }, 'the compose environment is a valid broker config');
});
