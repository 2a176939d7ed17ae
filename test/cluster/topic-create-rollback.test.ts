import t from 'tap';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { metadataRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';

/**
 * A create or grow that fails on its 4th partition (a plain file where the partition folder must
 * go) leaves nothing behind: no topic (or count) in topics.json, no partition folders, and the
 * node restarts. Before, topics.json named the topic first and every restart died opening it.
 */
const createTopics = (name: string, numPartitions: number) =>
  ({ topics: [{ name, numPartitions, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 10_000, validateOnly: false });

function partitionDirs(dataDir: string, topic: string): string[] {
  return readdirSync(join(dataDir, 'partitions')).filter((n) => n.startsWith(`${topic}-`)).sort();
}

t.test('CreateTopics and CreatePartitions that fail halfway leave no trace, also after a restart', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'canopy-rollback-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  mkdirSync(join(dataDir, 'partitions'), { recursive: true });
  writeFileSync(join(dataDir, 'partitions', 'halfway-3'), 'not a folder');
  writeFileSync(join(dataDir, 'partitions', 'grown-5'), 'not a folder');
  const args = ['--offsets-topic-partitions', '1'];
  const broker = await spawnBroker(t, { dataDir, args });
  const raw = await RawClient.connect(t, broker.port);

  const failed = await raw.request(ApiKey.CreateTopics, 5, createTopics('halfway', 6));
  t.equal(failed.topics[0].errorCode, ErrorCode.KAFKA_STORAGE_ERROR);
  t.match(failed.topics[0].errorMessage, /halfway-3/);
  const meta = await raw.request(ApiKey.Metadata, 9, metadataRequest(['halfway'], false));
  t.equal(meta.topics[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'the topic does not exist');
  t.same(partitionDirs(dataDir, 'halfway'), ['halfway-3'], 'the folders opened before the failure are gone');
  t.notMatch(readFileSync(join(dataDir, 'topics.json'), 'utf8'), /halfway/);

  t.equal((await raw.request(ApiKey.CreateTopics, 5, createTopics('grown', 2))).topics[0].errorCode, ErrorCode.NONE);
  const grow = await raw.request(ApiKey.CreatePartitions, 1, { topics: [{ name: 'grown', count: 8, assignments: null }], timeoutMs: 5000, validateOnly: false });
  t.equal(grow.results[0].errorCode, ErrorCode.KAFKA_STORAGE_ERROR);
  const grownMeta = await raw.request(ApiKey.Metadata, 9, metadataRequest(['grown'], false));
  t.equal(grownMeta.topics[0].partitions.length, 2, 'the count did not change');
  t.same(partitionDirs(dataDir, 'grown'), ['grown-0', 'grown-1', 'grown-5']);
  raw.close();
  t.equal(await broker.stop(), 0);

  const again = await spawnBroker(t, { dataDir, args });
  const raw2 = await RawClient.connect(t, again.port);
  const after = await raw2.request(ApiKey.Metadata, 9, metadataRequest(['halfway', 'grown'], false));
  t.same(after.topics.map((x: { name: string; errorCode: number; partitions: unknown[] }) => [x.name, x.errorCode, x.partitions.length]),
    [['halfway', ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 0], ['grown', ErrorCode.NONE, 2]], 'after the restart: no topic, old count');

  rmSync(join(dataDir, 'partitions', 'halfway-3'));
  t.equal((await raw2.request(ApiKey.CreateTopics, 5, createTopics('halfway', 6))).topics[0].errorCode, ErrorCode.NONE, 'the name is free to use');
  t.ok(existsSync(join(dataDir, 'partitions', 'halfway-5')));
});
