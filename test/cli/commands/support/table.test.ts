import t from 'tap';
import { humanBytes, keyValues, table } from '../../../../src/cli/commands/support/table.js';

t.test('tables: capitalised headers, numbers right-aligned, blanks as "-"', async (t) => {
  const text = table(['name', 'count', 'note'], [['a', 5, null], ['longer', 12345, 'x']]);
  t.equal(text, [
    'NAME    COUNT  NOTE',
    'a           5  -',
    'longer  12345  x',
  ].join('\n'));
  t.equal(table(['only'], []), 'ONLY', 'no rows: the header alone');
  t.equal(table(['n', 'pending'], [[1, undefined]]), 'N  PENDING\n1  -', 'an all-blank column stays left-aligned');
});

t.test('key/value blocks align the values', async (t) => {
  t.equal(keyValues([['Topic', 'orders'], ['Partitions', 3], ['Lag', null]]), 'Topic:      orders\nPartitions: 3\nLag:        -');
});

t.test('bytes in binary units', async (t) => {
  t.equal(humanBytes(0), '0 B');
  t.equal(humanBytes(1023), '1023 B');
  t.equal(humanBytes(1536), '1.5 KiB');
  t.equal(humanBytes(5 * 1024 ** 3), '5.0 GiB');
});
