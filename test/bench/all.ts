/**
 * `npm run bench`: the broker benchmark (test/bench/broker.ts: Canopy beside the null sink, driven
 * by librdkafka), then produce-path record validation beside the CRC check
 * (test/bench/record-validation.ts). The component benchmarks run on their own: `npm run bench:journal`,
 * `npm run bench:raft`, `npx tsx test/bench/codecs.ts`, `npx tsx test/bench/protocol.ts`.
 */
import { cpus } from 'node:os';
import { runBrokerBench } from './broker.js';
import { runRecordValidationBench } from './record-validation.js';

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${process.platform}`;
process.stdout.write(`Broker benchmark, ${new Date().toISOString()}, ${machine}\n\n`);
process.stdout.write((await runBrokerBench()) + '\n');
process.stdout.write(`\nRecord validation (produce path) beside the CRC-32C check\n\n${await runRecordValidationBench()}\n`);
