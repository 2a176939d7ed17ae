/**
 * One record inside a RecordBatch v2 (after decompression), from the public protocol guide:
 *
 *   length          varint   bytes after this field
 *   attributes      int8     unused, 0
 *   timestampDelta  varlong  relative to the batch's baseTimestamp
 *   offsetDelta     varint   relative to the batch's baseOffset
 *   keyLength       varint   -1 = null
 *   key             bytes
 *   valueLength     varint   -1 = null
 *   value           bytes
 *   headerCount     varint
 *   headers         [headerKeyLength varint, headerKey utf-8, headerValueLength varint (-1 = null), value]
 *
 * Decoding never allocates more than the input holds: every length is checked against the bytes
 * left in the record before it is used. Keys, values and header values are views (subarray) into
 * the input buffer, not copies: copy them if you keep them longer than the buffer.
 */
import { RecordDecodeError } from './errors.js';
import { readVarint, readVarlong, varintBytes, varlongBytes, writeVarint, writeVarlong, type Cursor } from './varint.js';

export interface RecordHeader {
  key: string;
  value: Buffer | null;
}

export interface KafkaRecord {
  offset: number;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
}

/** What a record carries before it has a place in a batch. */
export interface RecordInput {
  key: Buffer | null;
  value: Buffer | null;
  headers?: RecordHeader[];
  timestamp?: number;
  /**
   * Position in the batch relative to baseOffset; defaults to the record's index. Set it to keep
   * gaps, e.g. when a filter rebuilds a batch and must keep the surviving records' offsets.
   */
  offsetDelta?: number;
}

/** Smallest encoded record: length, attributes, timestampDelta, offsetDelta, key, value, headerCount. */
export const RECORD_BYTES_MIN = 7;
/** Smallest encoded header: key length 0 and value length -1. */
const HEADER_BYTES_MIN = 2;

/** Where decoded offsets and timestamps are anchored: the batch header's fields. */
export interface RecordBase {
  baseOffset: number;
  baseTimestamp: number;
  /** When set (LogAppendTime batches), every record's timestamp is this value. */
  timestampOverride: number | null;
}

function readBytes(c: Cursor, what: string): Buffer | null {
  const length = readVarint(c);
  if (length === -1) return null;
  if (length < -1) throw new RecordDecodeError('bad-record', `${what} length ${length}`);
  if (length > c.end - c.pos) throw new RecordDecodeError('bad-record', `${what} length ${length} exceeds the ${c.end - c.pos} bytes left in the record`);
  const bytes = c.buf.subarray(c.pos, c.pos + length);
  c.pos += length;
  return bytes;
}

/** Decodes the record at `outer.pos` (bounded by `outer.end`) and advances `outer.pos` past it. */
export function readRecord(outer: Cursor, base: RecordBase): KafkaRecord {
  const length = readVarint(outer);
  if (length < RECORD_BYTES_MIN - 1) throw new RecordDecodeError('bad-record', `record length ${length} at ${outer.pos}`);
  if (length > outer.end - outer.pos) throw new RecordDecodeError('truncated', `record of ${length} bytes at ${outer.pos}, ${outer.end - outer.pos} left`);
  const c: Cursor = { buf: outer.buf, pos: outer.pos, end: outer.pos + length };
  c.pos += 1; // attributes: unused by the format
  const timestampDelta = readVarlong(c);
  const offsetDelta = readVarint(c);
  const key = readBytes(c, 'key');
  const value = readBytes(c, 'value');
  const headerCount = readVarint(c);
  if (headerCount < 0 || headerCount > (c.end - c.pos) / HEADER_BYTES_MIN) {
    throw new RecordDecodeError('bad-record', `header count ${headerCount} with ${c.end - c.pos} bytes left`);
  }
  const headers: RecordHeader[] = [];
  for (let i = 0; i < headerCount; i++) {
    const headerKey = readBytes(c, 'header key');
    if (headerKey === null) throw new RecordDecodeError('bad-record', 'null header key');
    headers.push({ key: headerKey.toString('utf8'), value: readBytes(c, 'header value') });
  }
  if (c.pos !== c.end) throw new RecordDecodeError('bad-record', `record declares ${length} bytes but its fields use ${length - (c.end - c.pos)}`);
  outer.pos = c.end;
  const timestamp = base.timestampOverride ?? base.baseTimestamp + timestampDelta;
  return { offset: base.baseOffset + offsetDelta, timestamp, key, value, headers };
}

/** Skips a bytes field in place: checks its length against the record's bytes, allocates nothing. */
function skipBytes(c: Cursor, what: string, nullable: boolean): void {
  const length = readVarint(c);
  if (length < (nullable ? -1 : 0)) throw new RecordDecodeError('bad-record', `${what} length ${length}`);
  if (length > c.end - c.pos) throw new RecordDecodeError('bad-record', `${what} length ${length} exceeds the ${c.end - c.pos} bytes left in the record`);
  if (length > 0) c.pos += length;
}

/** The two fields a record walk needs, written by skipRecord into a caller-owned object. */
export interface RecordPosition {
  timestampDelta: number;
  offsetDelta: number;
}

/**
 * readRecord's checks without building anything: walks the record at `outer.pos` in place
 * (lengths, varints, header count and lengths, exact record length), stores its timestampDelta
 * and offsetDelta in `out` and advances `outer.pos` past it. Throws RecordDecodeError. This is
 * the hot path of produce validation and timestamp lookups, so it allocates nothing per record.
 */
export function skipRecord(outer: Cursor, out: RecordPosition): void {
  const length = readVarint(outer);
  if (length < RECORD_BYTES_MIN - 1) throw new RecordDecodeError('bad-record', `record length ${length}`);
  if (length > outer.end - outer.pos) throw new RecordDecodeError('truncated', `record of ${length} bytes, ${outer.end - outer.pos} left`);
  const outerEnd = outer.end;
  const end = outer.pos + length;
  outer.end = end;
  outer.pos += 1; // attributes: unused by the format
  out.timestampDelta = readVarlong(outer);
  out.offsetDelta = readVarint(outer);
  skipBytes(outer, 'key', true);
  skipBytes(outer, 'value', true);
  const headerCount = readVarint(outer);
  if (headerCount < 0 || headerCount > (end - outer.pos) / HEADER_BYTES_MIN) {
    throw new RecordDecodeError('bad-record', `header count ${headerCount} with ${end - outer.pos} bytes left`);
  }
  for (let i = 0; i < headerCount; i++) {
    skipBytes(outer, 'header key', false);
    skipBytes(outer, 'header value', true);
  }
  if (outer.pos !== end) throw new RecordDecodeError('bad-record', `record declares ${length} bytes but its fields use ${length - (end - outer.pos)}`);
  outer.end = outerEnd;
}

function bytesFieldSize(bytes: Buffer | null): number {
  return bytes === null ? 1 : varintBytes(bytes.length) + bytes.length;
}

/** Bytes of the record body (everything after the length varint). */
function recordBodyBytes(r: RecordInput, headerKeys: Buffer[], timestampDelta: number, offsetDelta: number): number {
  let size = 1 + varlongBytes(timestampDelta) + varintBytes(offsetDelta) + bytesFieldSize(r.key) + bytesFieldSize(r.value);
  const headers = r.headers ?? [];
  size += varintBytes(headers.length);
  for (let i = 0; i < headers.length; i++) size += bytesFieldSize(headerKeys[i]!) + bytesFieldSize(headers[i]!.value);
  return size;
}

function writeBytesField(buf: Buffer, pos: number, bytes: Buffer | null): number {
  if (bytes === null) return writeVarint(buf, pos, -1);
  pos = writeVarint(buf, pos, bytes.length);
  bytes.copy(buf, pos);
  return pos + bytes.length;
}

/** A record laid out for writing: its size is known before any buffer exists. */
export interface PlannedRecord {
  input: RecordInput;
  headerKeys: Buffer[];
  timestampDelta: number;
  offsetDelta: number;
  bodyBytes: number;
  /** Total encoded bytes, length varint included. */
  totalBytes: number;
}

export function planRecord(input: RecordInput, timestampDelta: number, offsetDelta: number): PlannedRecord {
  const headerKeys = (input.headers ?? []).map((h) => Buffer.from(h.key, 'utf8'));
  const bodyBytes = recordBodyBytes(input, headerKeys, timestampDelta, offsetDelta);
  return { input, headerKeys, timestampDelta, offsetDelta, bodyBytes, totalBytes: varintBytes(bodyBytes) + bodyBytes };
}

/** Writes a planned record at `pos`; returns the position after it. */
export function writeRecord(buf: Buffer, pos: number, p: PlannedRecord): number {
  pos = writeVarint(buf, pos, p.bodyBytes);
  buf[pos++] = 0; // attributes
  pos = writeVarlong(buf, pos, p.timestampDelta);
  pos = writeVarint(buf, pos, p.offsetDelta);
  pos = writeBytesField(buf, pos, p.input.key);
  pos = writeBytesField(buf, pos, p.input.value);
  const headers = p.input.headers ?? [];
  pos = writeVarint(buf, pos, headers.length);
  for (let i = 0; i < headers.length; i++) {
    pos = writeBytesField(buf, pos, p.headerKeys[i]!);
    pos = writeBytesField(buf, pos, headers[i]!.value);
  }
  return pos;
}
