import { ApiKey } from '../../../protocol/generated/index.js';
import { errorName } from '../../../protocol/generated/error-codes.js';
import { decodeBatchRecords } from '../../../protocol/records/batch.js';
import { isControlBatch } from '../../../protocol/records/batch-header.js';
import { iterateBatches } from '../../../protocol/records/iterate-batches.js';
import type { KafkaRecord } from '../../../protocol/records/record.js';
import type { FetchResponse } from '../../../protocol/generated/fetch-response.js';
import type { ListOffsetsResponse } from '../../../protocol/generated/list-offsets-response.js';
import type { MetadataResponse } from '../../../protocol/generated/metadata-response.js';
import { integerOption } from '../support/args.js';
import type { Subcommand } from '../support/dispatch.js';
import { CliError, EXIT_USAGE } from '../support/io.js';
import { bootstrapAddress, KafkaConnection } from '../support/kafka-connection.js';
import { compileFormat, DEFAULT_FORMAT, recordJson } from '../support/record-format.js';

/**
 * Versions the CLI speaks: old enough for any Kafka-compatible broker, all within Canopy's ranges.
 * Metadata v4 is the first that can say "do not auto-create": reading must not create a topic.
 */
const METADATA_VERSION = 4;
const LIST_OFFSETS_VERSION = 1;
const FETCH_VERSION = 4;
/** How long one Fetch waits at the end of the log before answering empty. */
const fetchWaitMs = 500;
const fetchBytesMax = 4 * 1024 * 1024;
const LATEST = -1;
const EARLIEST = -2;

type StartAt = { kind: 'earliest' | 'latest' } | { kind: 'offset'; offset: number } | { kind: 'fromEnd'; count: number } | { kind: 'timestamp'; ms: number };

/** --offset beginning|end|N|-N or --from-timestamp MS|ISO → where each partition starts. */
function startAt(offset: string | undefined, fromTimestamp: string | undefined): StartAt {
  if (offset !== undefined && fromTimestamp !== undefined) throw new CliError('give --offset or --from-timestamp, not both', EXIT_USAGE);
  if (fromTimestamp !== undefined) {
    const ms = /^\d+$/.test(fromTimestamp) ? Number(fromTimestamp) : Date.parse(fromTimestamp);
    if (!Number.isSafeInteger(ms) || ms < 0) throw new CliError(`--from-timestamp expects epoch milliseconds or an ISO-8601 date-time, got "${fromTimestamp}"`, EXIT_USAGE);
    return { kind: 'timestamp', ms };
  }
  if (offset === undefined || offset === 'beginning') return { kind: 'earliest' };
  if (offset === 'end') return { kind: 'latest' };
  if (/^-\d+$/.test(offset)) return { kind: 'fromEnd', count: Number(offset.slice(1)) };
  if (/^\d+$/.test(offset) && Number.isSafeInteger(Number(offset))) return { kind: 'offset', offset: Number(offset) };
  throw new CliError(`--offset expects beginning, end, N or -N, got "${offset}"`, EXIT_USAGE);
}

function kafkaError(code: number, what: string): CliError {
  return new CliError(`${what}: ${errorName(code)} (Kafka error ${code})`);
}

async function partitionsOf(conn: KafkaConnection, topic: string): Promise<number[]> {
  const metadata = await conn.request<MetadataResponse>(ApiKey.Metadata, METADATA_VERSION, { topics: [{ name: topic }], allowAutoTopicCreation: false });
  const t = metadata.topics.find((x) => x.name === topic);
  if (t === undefined) throw new CliError(`topic ${topic} does not exist`);
  if (t.errorCode !== 0) throw kafkaError(t.errorCode, `topic ${topic}`);
  return t.partitions.map((p) => p.partitionIndex).sort((a, b) => a - b);
}

async function listOffset(conn: KafkaConnection, topic: string, partition: number, timestamp: number): Promise<number> {
  const res = await conn.request<ListOffsetsResponse>(ApiKey.ListOffsets, LIST_OFFSETS_VERSION, {
    replicaId: -1, topics: [{ name: topic, partitions: [{ partitionIndex: partition, timestamp }] }],
  });
  const p = res.topics[0]?.partitions[0];
  if (p === undefined) throw new CliError(`no offsets for ${topic}/${partition}`);
  if (p.errorCode !== 0) throw kafkaError(p.errorCode, `offsets of ${topic}/${partition}`);
  return p.offset;
}

async function startOffset(conn: KafkaConnection, topic: string, partition: number, at: StartAt): Promise<number> {
  const earliest = await listOffset(conn, topic, partition, EARLIEST);
  const latest = await listOffset(conn, topic, partition, LATEST);
  switch (at.kind) {
    case 'earliest': return earliest;
    case 'latest': return latest;
    case 'offset': return Math.min(Math.max(at.offset, earliest), latest);
    case 'fromEnd': return Math.max(latest - at.count, earliest);
    case 'timestamp': {
      const found = await listOffset(conn, topic, partition, at.ms);
      return found < 0 ? latest : found;
    }
  }
}

/** Records of one Fetch partition answer at or after `from`, control batches skipped. */
async function recordsOf(bytes: Buffer | null, from: number): Promise<KafkaRecord[]> {
  const out: KafkaRecord[] = [];
  if (bytes === null) return [];
  for (const { pos, header, totalBytes } of iterateBatches(bytes)) {
    if (isControlBatch(header.attributes)) continue;
    for (const r of await decodeBatchRecords(bytes.subarray(pos, pos + totalBytes))) if (r.offset >= from) out.push(r);
  }
  return out;
}

export const consume: Subcommand = {
  summary: 'Print records of a topic (kcat -C): from an offset or a time, in a format, until Ctrl-C, --count or --exit',
  usage: 'TOPIC [-b HOST:PORT] [-p N] [-o beginning|end|N|-N | --from-timestamp MS|ISO] [-c N] [-e] [-f FORMAT]',
  help: [
    ['-p, --partition N', 'only this partition (default: all)'],
    ['-o, --offset WHERE', 'beginning (default), end, N (absolute) or -N (N before the end), per partition'],
    ['--from-timestamp T', 'first record at or after T (epoch ms or ISO-8601), per partition'],
    ['-c, --count N', 'exit after N records'],
    ['-e, --exit', 'exit at the end of every partition (else wait for more until Ctrl-C)'],
    ['-f, --format FMT', `kcat tokens %t topic %p partition %o offset %k key %s value %h headers %T timestamp %K/%S lengths; default '${DEFAULT_FORMAT}'`],
    ['--json', 'one JSON object per record per line instead of --format'],
  ],
  options: {
    partition: { type: 'string', short: 'p' }, offset: { type: 'string', short: 'o' }, 'from-timestamp': { type: 'string' },
    count: { type: 'string', short: 'c' }, exit: { type: 'boolean', short: 'e', default: false }, format: { type: 'string', short: 'f' },
  },
  positionals: ['TOPIC'],
  transport: 'kafka',
  async run({ io, json, positionals, values }) {
    const topic = positionals[0]!;
    const at = startAt(values['offset'] as string | undefined, values['from-timestamp'] as string | undefined);
    const only = integerOption(values['partition'] as string | undefined, '--partition');
    const countMax = integerOption(values['count'] as string | undefined, '--count', 1) ?? Infinity;
    const print = json ? recordJson : compileFormat((values['format'] as string | undefined) ?? DEFAULT_FORMAT);
    const conn = await KafkaConnection.open(bootstrapAddress(values['bootstrap'] as string | undefined, io.env));
    const stop = new AbortController();
    const onSignal = () => { stop.abort(); conn.close(); };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const all = await partitionsOf(conn, topic);
      if (only !== undefined && !all.includes(only)) throw new CliError(`topic ${topic} has no partition ${only} (it has ${all.length})`);
      const positions = new Map<number, number>();
      for (const p of only === undefined ? all : [only]) positions.set(p, await startOffset(conn, topic, p, at));
      let printed = 0;
      const atEnd = new Set<number>();
      while (printed < countMax && !(values['exit'] === true && atEnd.size === positions.size)) {
        const res = await conn.request<FetchResponse>(ApiKey.Fetch, FETCH_VERSION, {
          replicaId: -1, maxWaitMs: fetchWaitMs, minBytes: 1, maxBytes: fetchBytesMax, isolationLevel: 0,
          topics: [{ topic, partitions: [...positions].map(([partition, fetchOffset]) => ({ partition, fetchOffset, partitionMaxBytes: fetchBytesMax })) }],
        });
        for (const p of res.responses.flatMap((r) => r.partitions)) {
          if (p.errorCode !== 0) throw kafkaError(p.errorCode, `fetch ${topic}/${p.partitionIndex}`);
          for (const r of await recordsOf(p.records, positions.get(p.partitionIndex)!)) {
            if (printed >= countMax) break;
            io.write(print({ ...r, topic, partition: p.partitionIndex }));
            positions.set(p.partitionIndex, r.offset + 1);
            printed += 1;
          }
          if (positions.get(p.partitionIndex)! >= p.highWatermark) atEnd.add(p.partitionIndex);
        }
      }
    } catch (err) {
      // Ctrl-C closes the connection under a pending Fetch: that is the normal way out.
      if (!stop.signal.aborted) throw err;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      conn.close();
    }
  },
};
