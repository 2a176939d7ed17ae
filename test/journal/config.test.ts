import t from 'tap';
import { parseFsyncPolicy, validateJournalConfig, DEFAULT_JOURNAL_CONFIG, FSYNC_INTERVAL_MS_MAX } from '../../src/journal/config.js';

t.test('parseFsyncPolicy', async (t) => {
  t.same(parseFsyncPolicy('always'), { mode: 'always' });
  t.same(parseFsyncPolicy('never'), { mode: 'never' });
  t.same(parseFsyncPolicy(' interval:250 '), { mode: 'interval', intervalMs: 250 });
  for (const bad of ['', 'sometimes', 'interval:', 'interval:0', 'interval:-5', 'interval:1.5', `interval:${FSYNC_INTERVAL_MS_MAX + 1}`, 'ALWAYS']) {
    t.throws(() => parseFsyncPolicy(bad), { message: new RegExp(`"${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`) }, `rejects ${JSON.stringify(bad)} naming it`);
  }
});

t.test('validateJournalConfig names the bad field', async (t) => {
  t.doesNotThrow(() => validateJournalConfig(DEFAULT_JOURNAL_CONFIG));
  t.equal(DEFAULT_JOURNAL_CONFIG.fsync.mode, 'always', 'fsync: always is the default');
  t.throws(() => validateJournalConfig({ ...DEFAULT_JOURNAL_CONFIG, segmentBytesMax: 0 }), /segmentBytesMax/);
  t.throws(() => validateJournalConfig({ ...DEFAULT_JOURNAL_CONFIG, segmentBytesMax: 2 ** 32 }), /segmentBytesMax/);
  t.throws(() => validateJournalConfig({ ...DEFAULT_JOURNAL_CONFIG, indexIntervalBytes: 1.5 }), /indexIntervalBytes/);
  t.throws(() => validateJournalConfig({ ...DEFAULT_JOURNAL_CONFIG, retentionBytes: -2 }), /retentionBytes/);
  t.doesNotThrow(() => validateJournalConfig({ ...DEFAULT_JOURNAL_CONFIG, retentionBytes: -1, retentionMs: -1 }));
});
