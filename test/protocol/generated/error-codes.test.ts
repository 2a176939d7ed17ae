import t from 'tap';
import { ErrorCode, errorInfos, errorName } from '../../../src/protocol/generated/error-codes.js';

t.test('error codes: contiguous from -1, unique names, a message for each', async (t) => {
  const codes = [...errorInfos.keys()].sort((a, b) => a - b);
  t.equal(codes[0], -1);
  t.ok(codes.length >= 120, `${codes.length} codes`);
  t.strictSame(codes, Array.from({ length: codes.length }, (_, i) => i - 1), 'no gaps');
  for (const info of errorInfos.values()) {
    t.equal(ErrorCode[info.name], info.code, info.name);
    t.ok(info.message.length > 0);
  }
});

t.test('well-known codes clients key their recovery on', async (t) => {
  const known: Array<[keyof typeof ErrorCode, number, boolean]> = [
    ['NONE', 0, false], ['OFFSET_OUT_OF_RANGE', 1, false], ['CORRUPT_MESSAGE', 2, true], ['UNKNOWN_TOPIC_OR_PARTITION', 3, true],
    ['LEADER_NOT_AVAILABLE', 5, true], ['NOT_LEADER_OR_FOLLOWER', 6, true], ['REQUEST_TIMED_OUT', 7, true], ['MESSAGE_TOO_LARGE', 10, false],
    ['COORDINATOR_LOAD_IN_PROGRESS', 14, true], ['COORDINATOR_NOT_AVAILABLE', 15, true], ['NOT_COORDINATOR', 16, true],
    ['ILLEGAL_GENERATION', 22, false], ['UNKNOWN_MEMBER_ID', 25, false], ['INVALID_SESSION_TIMEOUT', 26, false],
    ['REBALANCE_IN_PROGRESS', 27, false], ['UNSUPPORTED_VERSION', 35, false], ['TOPIC_ALREADY_EXISTS', 36, false],
    ['INVALID_REPLICATION_FACTOR', 38, false], ['INVALID_REQUEST', 42, false], ['OUT_OF_ORDER_SEQUENCE_NUMBER', 45, false],
    ['DUPLICATE_SEQUENCE_NUMBER', 46, false], ['KAFKA_STORAGE_ERROR', 56, true], ['FENCED_LEADER_EPOCH', 74, true],
    ['UNKNOWN_LEADER_EPOCH', 75, true], ['MEMBER_ID_REQUIRED', 79, false], ['UNKNOWN_TOPIC_ID', 100, true],
  ];
  for (const [name, code, retriable] of known) {
    t.equal(ErrorCode[name], code, name);
    t.equal(errorInfos.get(code)?.retriable, retriable, `${name} retriable=${retriable}`);
  }
  t.equal(errorName(27), 'REBALANCE_IN_PROGRESS');
  t.equal(errorName(9999), 'UNKNOWN_ERROR_CODE_9999');
});
