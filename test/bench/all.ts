/**
 * `npm run bench`: the broker benchmark (test/bench/broker.ts: Canopy beside the null sink, driven
 * by librdkafka). The component benchmarks run on their own: `npm run bench:journal`,
 * `npm run bench:raft`, `npx tsx test/bench/codecs.ts`, `npx tsx test/bench/protocol.ts`.
 */
import { cpus } from 'node:os';
import { runBrokerBench } from './broker.js';

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${process.platform}`;
process.stdout.write(`Broker benchmark, ${new Date().toISOString()}, ${machine}\n\n`);
process.stdout.write((await runBrokerBench()) + '\n');
