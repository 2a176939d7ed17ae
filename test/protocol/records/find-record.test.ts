import t from 'tap';
import { buildBatch, setLogAppendTime } from '../../../src/protocol/records/batch.js';
import { Compression } from '../../../src/protocol/records/batch-header.js';
import { findRecord } from '../../../src/protocol/records/find-record.js';
import { RecordDecodeError } from '../../../src/protocol/records/errors.js';
import { oddBatch, recordsSection } from '../../helpers/odd-batches.js';

const wanted = (timestampMin: number, offsetMin = 0) => ({ timestampMin, offsetMin, decompressedBytesMax: 1 << 20 });
const rec = (timestamp: number) => ({ key: null, value: Buffer.from('v'), timestamp });

t.test('finds the first record at or after a timestamp and an offset, in place', async (t) => {
  const batch = await buildBatch([rec(100), rec(300), rec(200), rec(400)], { baseOffset: 50, compression: Compression.Zstd });
  t.same(await findRecord(batch, wanted(150)), { offset: 51, timestamp: 300 });
  t.same(await findRecord(batch, wanted(150, 52)), { offset: 52, timestamp: 200 });
  t.same(await findRecord(batch, wanted(Number.NEGATIVE_INFINITY, 53)), { offset: 53, timestamp: 400 });
  t.equal(await findRecord(batch, wanted(401)), null);
});

t.test('LogAppendTime batches: every record has the batch maxTimestamp', async (t) => {
  const batch = await buildBatch([rec(100), rec(200)], { baseOffset: 7 });
  setLogAppendTime(batch, 5000);
  t.same(await findRecord(batch, wanted(4000)), { offset: 7, timestamp: 5000 });
});

t.test('bytes that do not walk throw RecordDecodeError', async (t) => {
  const section = recordsSection([{ value: 'v', offsetDelta: 0 }]);
  const truncated = oddBatch(section.subarray(0, section.length - 1), { baseTimestamp: 0, maxTimestamp: 0, recordCount: 1, lastOffsetDelta: 0 });
  await t.rejects(findRecord(truncated, wanted(1)), RecordDecodeError);
});
