import t from 'tap';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { haveClient, DEBIAN_PYTHON } from '../helpers/debian-client.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';

/**
 * confluent-kafka-python AdminClient (librdkafka 2.0.2): create_topics, create_partitions,
 * describe_configs, alter_configs, delete_topics. The client is clients/ck_admin.py.
 */
const CLIENT = join(import.meta.dirname, 'clients/ck_admin.py');
const CLIENT_TIMEOUT_MS = 90_000;
const DYNAMIC_TOPIC_CONFIG = 1;
const DEFAULT_CONFIG = 5;

t.test('confluent-kafka-python AdminClient against a real broker', async (t) => {
  if (!haveClient(t, 'python3-confluent-kafka')) return;
  const broker = await spawnBroker(t);
  const { stdout } = await promisify(execFile)(DEBIAN_PYTHON, [CLIENT, '--bootstrap', broker.bootstrap], { timeout: CLIENT_TIMEOUT_MS });
  const out = JSON.parse(stdout.trim().split('\n').pop()!);

  t.same(out.create, { 'ck-topic': [0, null], 'ck-doomed': [0, null] });
  t.same(out.createDry, [0, null], 'validate_only succeeds');
  t.equal(out.createExisting[0], ErrorCode.TOPIC_ALREADY_EXISTS);
  t.equal(out.createRf3[0], ErrorCode.INVALID_REPLICATION_FACTOR);
  t.match(out.createRf3[1], /larger than the number of available brokers/);
  t.equal(out.createCompact[0], ErrorCode.INVALID_CONFIG);
  t.match(out.createCompact[1], /cleanup\.policy/);

  t.same(out.createPartitions, [0, null]);
  t.equal(out.shrinkPartitions[0], ErrorCode.INVALID_PARTITIONS);

  t.same(out.describeTopic['retention.ms'], ['90000', DYNAMIC_TOPIC_CONFIG, false, false]);
  t.same(out.describeTopic['segment.bytes'], ['1073741824', DEFAULT_CONFIG, true, false]);
  t.equal(out.describeBroker['broker.id'][0], '0');
  t.equal(out.describeBroker['broker.id'][3], true, 'broker configs are read-only');

  t.same(out.alter, [0, null]);
  t.equal(out.alterBad[0], ErrorCode.INVALID_CONFIG);
  t.match(out.alterBad[1], /segment\.ms/);
  t.same(out.describeAfterAlter['retention.bytes'].slice(0, 2), ['777777', DYNAMIC_TOPIC_CONFIG]);
  t.same(out.describeAfterAlter['message.timestamp.type'].slice(0, 2), ['LogAppendTime', DYNAMIC_TOPIC_CONFIG]);
  t.same(out.describeAfterAlter['retention.ms'].slice(0, 2), ['604800000', DEFAULT_CONFIG], 'alter_configs replaces the whole set');

  t.same(out.delete, [0, null]);
  t.equal(out.deleteMissing[0], ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  t.same(out.topics, ['ck-topic']);
  t.equal(out.partitions, 4);
});
