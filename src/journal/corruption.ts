/**
 * Corruption versus a torn tail. Recovery stops a segment scan at the first invalid byte. When
 * nothing valid follows (a torn tail: the crash cut the last write short) the log is truncated
 * there. When a well-formed batch follows, in the same segment or in a later one, the damage is in
 * the middle of data that was written and most likely acknowledged: recovery then changes nothing
 * and open fails with CorruptLogError (the partition is fenced until an operator repairs it,
 * repair.ts).
 */
import { crc32c } from '@node-rs/crc32';
import {
  BATCH_HEADER_BYTES, BATCH_LENGTH_PREFIX_BYTES, MAGIC_V2, OFFSET_ATTRIBUTES, OFFSET_BASE_OFFSET, OFFSET_BATCH_LENGTH, OFFSET_CRC,
  OFFSET_LAST_OFFSET_DELTA, OFFSET_MAGIC,
} from '../protocol/records/batch-header.js';
import { JournalError } from './errors.js';
import type { JournalFile } from './file-layer.js';

/** Where a scan found damage: the file, the byte position in it, and the offset expected there. */
export interface CorruptionSite { file: string; position: number; offset: number; reason: string }
/** The first well-formed batch after the damage. */
export interface ValidResume { file: string; position: number; offset: number }

/** Open of a partition whose log has damage followed by valid batches; nothing was changed on disk. */
export class CorruptLogError extends JournalError {
  override name = 'CorruptLogError';
  constructor(readonly site: CorruptionSite, readonly resume: ValidResume) {
    super('CORRUPT_LOG', `corrupt data in ${site.file} at byte ${site.position} (offset ${site.offset}: ${site.reason}); `
      + `valid batches follow in ${resume.file} at byte ${resume.position} (offset ${resume.offset}); nothing was removed`);
  }
}

/** Bytes read per step while looking for a batch after damage. */
const RESUME_SCAN_CHUNK_BYTES = 1024 * 1024;

/**
 * The first well-formed batch starting in [from, fileBytes): magic 2, a length that fits the file,
 * baseOffset >= minOffset, lastOffsetDelta >= 0 and a matching CRC-32C. Every byte position is a
 * candidate (damage can shift nothing, but we do not know where the next batch starts); the CRC
 * makes a false match about 2^-32 per candidate that passes the cheaper checks.
 */
export async function findValidBatch(file: JournalFile, fileBytes: number, from: number, minOffset: number): Promise<{ position: number; offset: number } | null> {
  let buf = Buffer.alloc(0), bufStart = from;
  for (let p = from; p + BATCH_HEADER_BYTES <= fileBytes; p++) {
    if (p + BATCH_HEADER_BYTES > bufStart + buf.length) {
      const want = Math.min(RESUME_SCAN_CHUNK_BYTES, fileBytes - p);
      buf = Buffer.allocUnsafe(want);
      buf = buf.subarray(0, await file.read(buf, 0, want, p));
      bufStart = p;
      if (buf.length < BATCH_HEADER_BYTES) return null;
    }
    const at = p - bufStart;
    if (buf[at + OFFSET_MAGIC] !== MAGIC_V2) continue;
    const total = buf.readInt32BE(at + OFFSET_BATCH_LENGTH) + BATCH_LENGTH_PREFIX_BYTES;
    if (total < BATCH_HEADER_BYTES || total > fileBytes - p) continue;
    const high = buf.readInt32BE(at + OFFSET_BASE_OFFSET), low = buf.readUInt32BE(at + OFFSET_BASE_OFFSET + 4);
    const offset = high * 2 ** 32 + low;
    if (high < 0 || high >= 2 ** 21 || offset < minOffset || buf.readInt32BE(at + OFFSET_LAST_OFFSET_DELTA) < 0) continue;
    let batch = buf.subarray(at, at + total);
    if (batch.length < total) {
      batch = Buffer.allocUnsafe(total);
      if (await file.read(batch, 0, total, p) < total) continue;
    }
    if ((crc32c(batch.subarray(OFFSET_ATTRIBUTES)) >>> 0) === batch.readUInt32BE(OFFSET_CRC)) return { position: p, offset };
  }
  return null;
}

/** What findResume needs of a segment. */
export interface ScannedFile { readonly file: JournalFile; readonly size: number; logPath(): string }

/**
 * The first valid batch after damage at byte `from` of segs[i] (offsets from `minOffset` on):
 * later in that segment, or anywhere in a later segment. Null means a torn tail.
 */
export async function findResume(segs: readonly ScannedFile[], i: number, from: number, minOffset: number): Promise<ValidResume | null> {
  for (let j = i; j < segs.length; j++) {
    const s = segs[j]!;
    const found = await findValidBatch(s.file, s.size, j === i ? from + 1 : 0, minOffset);
    if (found !== null) return { file: s.logPath(), position: found.position, offset: found.offset };
  }
  return null;
}
