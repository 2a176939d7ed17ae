/**
 * One cluster metadata record as the value of one Kafka record in a batch of `__cluster_metadata`
 * partition 0 (the record key is null), framed as KRaft frames its records (KIP-631):
 *
 *   frame type (unsigned varint, 0) | record type (unsigned varint) | record version (unsigned varint) | body
 *
 * The body is the generated codec of protocol/canopy/metadata/<Name>Record.json at that version.
 * Decoding never throws: unknown frame or record types, versions this node does not know,
 * malformed or trailing bytes are a MetadataError (CORRUPT_MESSAGE / UNSUPPORTED_VERSION).
 */
import { Reader, ProtocolDecodeError } from '../protocol/primitives/reader.js';
import { Writer } from '../protocol/primitives/writer.js';
import { metadataRecordCodecs, type MetadataRecord } from '../protocol/generated/metadata-records.js';
import { refuse, type MetadataResult } from './metadata-error.js';

export const METADATA_FRAME_TYPE = 0;

export function encodeMetadataRecord(record: MetadataRecord): Buffer {
  const codec = metadataRecordCodecs.get(record.type);
  if (!codec) throw new Error(`unknown metadata record type ${record.type}`);
  const w = new Writer(64);
  w.writeUnsignedVarint(METADATA_FRAME_TYPE);
  w.writeUnsignedVarint(record.type);
  w.writeUnsignedVarint(record.version);
  codec.write(w, record.version, record.data);
  return w.toBuffer();
}

export function decodeMetadataRecord(value: Buffer): MetadataResult<MetadataRecord> {
  const r = new Reader(value);
  try {
    const frameType = r.readUnsignedVarint();
    if (frameType !== METADATA_FRAME_TYPE) return refuse('CORRUPT_MESSAGE', `metadata record frame type ${frameType} is not ${METADATA_FRAME_TYPE}`);
    const type = r.readUnsignedVarint();
    const version = r.readUnsignedVarint();
    const codec = metadataRecordCodecs.get(type);
    if (!codec) return refuse('UNSUPPORTED_VERSION', `unknown metadata record type ${type}`);
    if (version < codec.minVersion || version > codec.maxVersion) {
      return refuse('UNSUPPORTED_VERSION', `${codec.name} version ${version} is outside ${codec.minVersion}-${codec.maxVersion}`);
    }
    const data = codec.read(r, version);
    if (r.remaining() !== 0) return refuse('CORRUPT_MESSAGE', `${codec.name} v${version}: ${r.remaining()} bytes after the record`);
    return { ok: true, value: { type, version, data } as MetadataRecord };
  } catch (err) {
    if (err instanceof ProtocolDecodeError) return refuse('CORRUPT_MESSAGE', `metadata record: ${err.message}`);
    throw err;
  }
}
