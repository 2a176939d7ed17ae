import t from 'tap';
import { spawnBroker } from '../../helpers/spawn-broker.js';
import { runCli, runCommand } from '../../helpers/cli.js';
import { run as cluster } from '../../../src/cli/commands/cluster.js';

t.test('canopy cluster status against a running broker', async (t) => {
  const broker = await spawnBroker(t, { args: ['--node-id', '7'] });
  const env = { CANOPY_ADMIN_URL: broker.adminUrl! };
  const status = await runCli(['cluster', 'status'], env);
  t.equal(status.code, 0, status.stderr);
  t.match(status.stdout, /^Cluster:\s+\S+$/m);
  t.match(status.stdout, /^NODE\s+ADDRESS\s+VERSION\s+READY\s+UPTIME\s+PENDING$/m);
  t.match(status.stdout, new RegExp(`^\\s*7\\s+127\\.0\\.0\\.1:${broker.port}\\s+\\S+\\s+yes\\s+\\d+s\\s+-$`, 'm'));

  const json = JSON.parse((await runCommand(cluster, ['status', '--json'], env)).stdout);
  t.equal(json.controllerId, 7);
  t.match(json.nodes, [{ nodeId: 7, ready: true, advertised: { host: '127.0.0.1', port: broker.port } }]);
  t.equal(json.topics, 1, 'the internal offsets topic');

  const help = await runCommand(cluster, ['status', '--help']);
  t.equal(help.code, 0);
  t.match(help.stdout, /Usage: canopy cluster status/);
  await broker.stop();
  const down = await runCommand(cluster, ['status'], env);
  t.equal(down.code, 1);
  t.match(down.stderr, /cannot reach the Canopy admin API/);
});
