import t from 'tap';
import { editDistance, closestName, didYouMean } from '../../src/util/did-you-mean.js';

t.test('editDistance counts inserts, deletes and substitutions', async (t) => {
  t.equal(editDistance('', ''), 0);
  t.equal(editDistance('fsync', 'fsync'), 0);
  t.equal(editDistance('retention.mss', 'retention.ms'), 1);
  t.equal(editDistance('fsynk', 'fsync'), 1);
  t.equal(editDistance('kitten', 'sitting'), 3);
  t.equal(editDistance('', 'abc'), 3);
});

t.test('closestName finds near misses only', async (t) => {
  const names = ['retention.ms', 'retention.bytes', 'segment.ms'];
  t.equal(closestName('retention.mss', names), 'retention.ms');
  t.equal(closestName('RETENTION.BYTES', names), 'retention.bytes', 'case does not count');
  t.equal(closestName('compression', names), null, 'another word is not a typo');
  t.equal(closestName('x', ['y', 'z']), null, 'a one-letter name has no near miss but itself');
  t.equal(didYouMean('segmnt.ms', names), ' (did you mean "segment.ms"?)');
  t.equal(didYouMean('nothing-like-it', names), '');
});
