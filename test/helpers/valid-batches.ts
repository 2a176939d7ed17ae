/**
 * Well-formed batches for tests that append through Partition (which validates records, unlike
 * the journal, whose tests use journal-batches.ts's opaque payloads).
 */
import { buildBatchUncompressed } from '../../src/protocol/records/batch.js';

/** `count` records (values "v0".., `valueBytes` long each) all stamped `timestamp`. */
export function recordsBatch(count: number, timestamp: number, valueBytes = 8): Buffer {
  return buildBatchUncompressed(Array.from({ length: count }, (_, i) => ({ key: null, value: Buffer.from(`v${i}`.padEnd(valueBytes, '.')), timestamp })));
}
