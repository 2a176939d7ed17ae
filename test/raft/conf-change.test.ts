import t from 'tap';
import { applyConfChange, confChangeError, decodeConfChange, encodeConfChange } from '../../src/raft/conf-change.js';
import type { ConfState } from '../../src/raft/messages.js';

t.test('encoding round-trips', async (t) => {
  for (const cc of [
    { type: 'add-non-voter', node: 7 },
    { type: 'promote', node: 70000 },
    { type: 'remove', node: 1 },
  ] as const) {
    t.same(decodeConfChange(encodeConfChange(cc)), cc);
  }
  t.throws(() => decodeConfChange(new Uint8Array(3)));
});

t.test('one server at a time, joining as a non-voter', async (t) => {
  let conf: ConfState = { voters: [1, 2, 3], nonVoters: [] };
  t.equal(confChangeError(conf, { type: 'promote', node: 4 }), 'node 4 is not a non-voter');
  t.equal(confChangeError(conf, { type: 'add-non-voter', node: 4 }), null);
  conf = applyConfChange(conf, { type: 'add-non-voter', node: 4 });
  t.same(conf, { voters: [1, 2, 3], nonVoters: [4] });
  conf = applyConfChange(conf, { type: 'promote', node: 4 });
  t.same(conf, { voters: [1, 2, 3, 4], nonVoters: [] });
  conf = applyConfChange(conf, { type: 'remove', node: 1 });
  t.same(conf, { voters: [2, 3, 4], nonVoters: [] });
  t.equal(confChangeError({ voters: [2], nonVoters: [] }, { type: 'remove', node: 2 }), 'cannot remove the last voter');
});
