import t from 'tap';
import { parseFsyncPolicy, FSYNC_INTERVAL_MS_MAX } from '../../src/config/fsync-policy.js';

t.test('the fsync setting: always, never, interval:<ms> within bounds; anything else named in the error', async (t) => {
  t.same(parseFsyncPolicy('always'), { mode: 'always' });
  t.same(parseFsyncPolicy('never'), { mode: 'never' });
  t.same(parseFsyncPolicy(' interval:250 '), { mode: 'interval', intervalMs: 250 });
  t.same(parseFsyncPolicy(`interval:${FSYNC_INTERVAL_MS_MAX}`), { mode: 'interval', intervalMs: FSYNC_INTERVAL_MS_MAX });
  for (const bad of ['', 'sometimes', 'interval:', 'interval:0', 'interval:-5', 'interval:1.5', `interval:${FSYNC_INTERVAL_MS_MAX + 1}`, 'ALWAYS']) {
    t.throws(() => parseFsyncPolicy(bad), { message: new RegExp(`"${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`) }, `rejects ${JSON.stringify(bad)} naming it`);
  }
});
