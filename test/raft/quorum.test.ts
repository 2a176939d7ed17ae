import t from 'tap';
import { quorumSize, quorumValue, voteResult } from '../../src/raft/quorum.js';

t.test('quorum sizes', async (t) => {
  t.same([1, 2, 3, 4, 5].map(quorumSize), [1, 2, 2, 3, 3]);
});

t.test('the value a quorum reached', async (t) => {
  const match = new Map([
    [1, 10],
    [2, 4],
    [3, 7],
    [4, 2],
    [5, 9],
  ]);
  t.equal(quorumValue([1, 2, 3, 4, 5], (id) => match.get(id)!), 7);
  t.equal(quorumValue([1, 2, 3, 4], (id) => match.get(id)!), 4, 'an even group needs n/2+1');
  t.equal(quorumValue([4], (id) => match.get(id)!), 2);
});

t.test('vote tallies count voters only', async (t) => {
  const voters = [1, 2, 3];
  t.equal(voteResult(voters, new Map([[1, true]])), 'pending');
  t.equal(voteResult(voters, new Map([[1, true], [2, true]])), 'won');
  t.equal(voteResult(voters, new Map([[1, true], [2, false], [3, false]])), 'lost');
  t.equal(voteResult(voters, new Map([[1, true], [9, true]])), 'pending', 'a non-voter vote does not count');
});
