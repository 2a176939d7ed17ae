// The spec files themselves: each carries its version history as `//` comments at the top, every
// field says what it is, and request/response pairs agree (checked by the loader).
import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpecDir } from '../../../src/protocol/codegen/spec.js';
import { REPO_ROOT } from '../../helpers/protocol-random.js';

const DIR = join(REPO_ROOT, 'protocol/kafka');
const CANOPY_DIR = join(REPO_ROOT, 'protocol/canopy');

t.test('every spec starts with its version history as // comments', async (t) => {
  const files = [DIR, CANOPY_DIR].flatMap((d) => readdirSync(d).filter((x) => x.endsWith('.json')).map((f) => join(d, f)));
  t.ok(files.some((f) => f.startsWith(CANOPY_DIR)), 'protocol/canopy/ is checked too');
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const head = text.slice(0, text.indexOf('{'));
    t.match(head, /^\/\//, `${f} opens with a comment`);
    t.match(head, /version/i, `${f} comment tells the version history`);
  }
});

t.test('every field has an `about`; the loader accepts every file', async (t) => {
  const specs = [...loadSpecDir(DIR, 'protocol/kafka'), ...loadSpecDir(CANOPY_DIR, 'protocol/canopy')];
  t.ok(specs.length >= 63);
  const missing: string[] = [];
  for (const s of specs) for (const st of s.structs) for (const f of st.fields) if (!f.about) missing.push(`${s.name}.${st.specName}.${f.name}`);
  t.strictSame(missing, []);
});
