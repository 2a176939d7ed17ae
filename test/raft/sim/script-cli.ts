/**
 * `npx tsx test/raft/sim/script-cli.ts FILE [--rewrite]`: prints the transcript a scenario file
 * produces (or rewrites the file with it, after a deliberate change of behaviour).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ScriptRunner } from './script.js';

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: script-cli.ts FILE [--rewrite]');
  process.exit(2);
}
const got = new ScriptRunner().run(readFileSync(file, 'utf8'));
if (process.argv.includes('--rewrite')) writeFileSync(file, got);
else process.stdout.write(got);
