import t from 'tap';
import { TOPIC_ERROR_TO_KAFKA, PARTITION_ERROR_TO_KAFKA, kafkaErrorOf } from '../../src/api/errors.js';
import { TopicError, type TopicErrorCode } from '../../src/cluster/topic-store.js';
import { PartitionError, PARTITION_ERROR_CODES } from '../../src/replication/errors.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';

const TOPIC_CODES: TopicErrorCode[] = ['TOPIC_EXISTS', 'UNKNOWN_TOPIC', 'INVALID_TOPIC', 'INVALID_PARTITIONS', 'INVALID_CONFIG', 'INVALID_REPLICATION_FACTOR'];
const known = new Set<number>(Object.values(ErrorCode));

t.test('every internal error kind maps to one real Kafka code', async (t) => {
  t.same(Object.keys(TOPIC_ERROR_TO_KAFKA).sort(), [...TOPIC_CODES].sort(), 'topic table covers every kind');
  t.same(Object.keys(PARTITION_ERROR_TO_KAFKA).sort(), [...PARTITION_ERROR_CODES].sort(), 'partition table covers every kind');
  for (const code of TOPIC_CODES) {
    const e = kafkaErrorOf(new TopicError(code, 'x'));
    t.ok(e.expected && known.has(e.code) && e.code !== ErrorCode.NONE, `${code} → ${e.code}`);
  }
  for (const code of PARTITION_ERROR_CODES) {
    const e = kafkaErrorOf(new PartitionError(code, 'x'));
    t.ok(e.expected && known.has(e.code) && e.code !== ErrorCode.NONE, `${code} → ${e.code}`);
  }
  t.equal(kafkaErrorOf(new PartitionError('OUT_OF_ORDER_SEQUENCE', 'x')).code, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
  t.equal(kafkaErrorOf(new TopicError('TOPIC_EXISTS', 'x')).code, ErrorCode.TOPIC_ALREADY_EXISTS);
  const bug = kafkaErrorOf(new TypeError('oops'));
  t.same([bug.code, bug.expected], [ErrorCode.UNKNOWN_SERVER_ERROR, false], 'anything else is a bug');
});
