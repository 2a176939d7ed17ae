import t from 'tap';
import { GROUP_ERROR_TO_KAFKA, groupErrorCode } from '../../src/api/group-errors.js';
import { GROUP_ERRORS } from '../../src/groups/errors.js';
import { ErrorCode, errorName } from '../../src/protocol/generated/error-codes.js';

t.test('every GroupError maps to the Kafka code of the same name', async (t) => {
  t.same(Object.keys(GROUP_ERROR_TO_KAFKA).sort(), [...GROUP_ERRORS].sort(), 'the table covers exactly the enum');
  for (const e of GROUP_ERRORS) {
    t.equal(groupErrorCode(e), ErrorCode[e], e);
    t.equal(errorName(groupErrorCode(e)), e);
  }
});
