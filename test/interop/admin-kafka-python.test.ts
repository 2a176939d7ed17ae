import t from 'tap';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { haveClient, DEBIAN_PYTHON } from '../helpers/debian-client.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';

/** kafka-python 2.0.2 admin (Debian python3-kafka): create/delete topics, describe_configs, create_partitions. */
const CLIENT = join(import.meta.dirname, 'clients/kp_admin.py');
const CLIENT_TIMEOUT_MS = 90_000;

t.test('kafka-python admin against a real broker', async (t) => {
  if (!haveClient(t, 'python3-kafka')) return;
  const broker = await spawnBroker(t);
  const { stdout } = await promisify(execFile)(DEBIAN_PYTHON, [CLIENT, '--bootstrap', broker.bootstrap], { timeout: CLIENT_TIMEOUT_MS });
  const out = JSON.parse(stdout.trim().split('\n').pop()!);

  t.same(out.create, [['kp-other', ErrorCode.NONE], ['kp-topic', ErrorCode.NONE]]);
  t.equal(out.createExisting[0][0], ErrorCode.TOPIC_ALREADY_EXISTS);
  t.equal(out.createBadName[0][0], ErrorCode.INVALID_TOPIC_EXCEPTION);
  t.equal(out.createRf3[0][0], ErrorCode.INVALID_REPLICATION_FACTOR);
  t.match(out.createRf3[0][1], /larger than the number of available brokers/, 'the message reaches the client');
  t.same(out.topics, ['kp-other', 'kp-topic']);

  const topic = out.describe['kp-topic'];
  t.same([topic.error, topic.type], [ErrorCode.NONE, 2]);
  t.equal(topic.configs['retention.ms'], '120000');
  t.equal(topic.configs['cleanup.policy'], 'delete');
  t.equal(topic.configs['segment.bytes'], '1073741824');
  const node = out.describe['0'];
  t.same([node.error, node.type], [ErrorCode.NONE, 4]);
  t.equal(node.configs['broker.id'], '0');
  t.equal(node.configs['num.partitions'], '1');

  t.equal(out.createPartitions[0][0], ErrorCode.NONE);
  t.equal(out.shrinkPartitions[0][0], ErrorCode.INVALID_PARTITIONS);
  t.equal(out.delete[0][0], ErrorCode.NONE);
  t.equal(out.deleteMissing[0][0], ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  t.same(out.topicsAfter, ['kp-topic']);
});
