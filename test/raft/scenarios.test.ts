/**
 * Scripted scenarios (test/raft/testdata/*.txt): each file holds commands and the transcript they
 * must produce. After a deliberate behaviour change, regenerate one with
 * `npx tsx test/raft/sim/script-cli.ts FILE --rewrite` and review the diff.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { ScriptRunner } from './sim/script.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'testdata');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

t.test('every required scenario has a script', async (t) => {
  for (const name of [
    'campaign',
    'prevote-rejoin',
    'checkquorum-stepdown',
    'leader-transfer',
    'conflict-truncation',
    'replace-leader',
    'non-voter-promotion',
  ]) {
    t.ok(files.includes(`${name}.txt`), name);
  }
});

for (const file of files) {
  t.test(file, async (t) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const got = new ScriptRunner().run(text);
    t.notMatch(got, /^error: /m, 'no command failed');
    t.equal(got, text, 'transcript matches');
  });
}
