import t from 'tap';
import { assert, AssertionError } from '../../src/util/assert.js';

t.test('assert throws AssertionError with the message on a false condition', async (t) => {
  t.throws(() => assert(false, 'committed <= lastIndex'), new AssertionError('committed <= lastIndex'));
  t.doesNotThrow(() => assert(1 === 1));
});
