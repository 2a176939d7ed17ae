/** Every committed byte of a partition copy (a Replica or a Partition), from its log start to its high watermark. */
import { readBatchHeader } from '../../src/protocol/records/batch-header.js';
import type { ReadOutcome } from '../../src/replication/committed-batches.js';
import { splitBatches } from './journal-batches.js';

export interface CommittedSource {
  readonly logStartOffset: number;
  readonly highWatermark: number;
  read(offset: number, maxBytes: number): Promise<ReadOutcome>;
}

export async function committedBytes(source: CommittedSource): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = source.logStartOffset;
  while (offset < source.highWatermark) {
    const { chunks } = await source.read(offset, 1 << 20);
    if (chunks.length === 0) break;
    const bytes = Buffer.concat(chunks);
    parts.push(bytes);
    const last = splitBatches(bytes).map((b) => readBatchHeader(b)).pop()!;
    offset = last.baseOffset + last.lastOffsetDelta + 1;
  }
  return Buffer.concat(parts);
}
