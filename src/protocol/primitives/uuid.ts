/**
 * Kafka uuids (topic ids, directory ids) are 16 raw bytes on the wire and 16-byte Buffers in
 * Canopy. The all-zero uuid means "no id" (e.g. a topic id in a version that has none).
 */
export const UUID_BYTES = 16;

/** Shared and frozen in spirit: never write into it. Readers return this instance for zero. */
export const ZERO_UUID: Buffer = Buffer.alloc(UUID_BYTES);

export function uuidToHex(uuid: Buffer): string {
  return uuid.toString('hex');
}

export function uuidFromHex(hex: string): Buffer {
  const out = Buffer.from(hex, 'hex');
  if (out.length !== UUID_BYTES) throw new Error(`uuid must be ${UUID_BYTES * 2} hex characters, got ${JSON.stringify(hex)}`);
  return out;
}
