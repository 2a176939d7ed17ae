/**
 * src/raft/ stays pure: it imports only its own files and src/util/, and uses no clock, timer or
 * ambient randomness (the simulation's determinism depends on it).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../src/raft');

for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
  t.test(file, async (t) => {
    const src = readFileSync(join(dir, file), 'utf8');
    const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    for (const spec of imports) t.match(spec, /^(\.\/[a-z-]+\.js|\.\.\/util\/[a-z0-9-]+\.js)$/, `${file} imports ${spec}`);
    for (const banned of [/\bMath\.random\b/, /\bDate\b/, /\bset(Timeout|Interval|Immediate)\b/, /\bperformance\./, /\bprocess\./]) {
      t.notMatch(src, banned, `${file} does not use ${banned.source}`);
    }
  });
}
