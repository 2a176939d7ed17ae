/**
 * Small helpers the generated codecs call: the errors they throw and the slow path for writing
 * tagged fields. Kept here (hand-written once) so that generated files stay straight-line code.
 */
import { ProtocolDecodeError, type TaggedField } from './reader.js';
import { Writer } from './writer.js';

export { ZERO_UUID } from './uuid.js';

/** The value of a non-nullable `bytes` field that is absent from a version. */
export const EMPTY_BUFFER: Buffer = Buffer.alloc(0);

/** Reading: the wire holds null where this version does not allow it. */
export function decodeNotNullable(field: string, version: number): never {
  throw new ProtocolDecodeError(`${field} is null, which version ${version} does not allow`);
}

/** Reading: a version outside the spec's validVersions (the version came from the wire). */
export function decodeBadVersion(message: string, version: number): never {
  throw new ProtocolDecodeError(`${message} has no version ${version}`);
}

/** Writing: a caller passed null for a field that is not nullable in this version. */
export function encodeNotNullable(field: string, version: number): never {
  throw new Error(`${field} must not be null in version ${version}`);
}

/** Writing: a caller asked for a version the spec does not define. */
export function encodeBadVersion(message: string, version: number): never {
  throw new Error(`${message} has no version ${version}`);
}

/** A known tagged field waiting to be written: its tag and how to write its value. */
export interface PendingTag {
  tag: number;
  write: (w: Writer) => void;
}

/**
 * Writes the body of a tagged-field section whose count was already written: known fields and
 * unknown (preserved) ones, merged in ascending tag order, each as tag, size, value. Only called
 * when at least one tagged field is present, so the per-field sub-writer is off the fast path.
 */
export function writeTaggedFields(w: Writer, known: PendingTag[], unknown: readonly TaggedField[] | undefined): void {
  const all: Array<PendingTag | TaggedField> = unknown === undefined ? known : [...known, ...unknown];
  if (all.length > 1) all.sort((a, b) => a.tag - b.tag);
  for (const f of all) {
    if ('data' in f) {
      w.writeRawTaggedField(f);
      continue;
    }
    const sub = new Writer(64);
    f.write(sub);
    w.writeUnsignedVarint(f.tag);
    w.writeUnsignedVarint(sub.length);
    w.writeWriter(sub);
  }
}
