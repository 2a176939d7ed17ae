// The committed src/protocol/generated/ must equal a fresh generation from protocol/: a spec edit
// without `npm run generate` (or a hand edit of generated code) fails here.
import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { generateAll } from '../../../src/protocol/codegen/generate.js';
import { REPO_ROOT } from '../../helpers/protocol-random.js';

const GENERATED = join(REPO_ROOT, 'src/protocol/generated');

t.test('the committed generated code equals a fresh generation', async (t) => {
  const fresh = generateAll(REPO_ROOT);
  const onDisk = readdirSync(GENERATED).filter((f) => f.endsWith('.ts')).sort();
  t.strictSame(onDisk, [...fresh.keys()].sort(), 'same file list (run npm run generate)');
  for (const [name, text] of fresh) {
    let current = '';
    try {
      current = readFileSync(join(GENERATED, name), 'utf8');
    } catch {
      // reported by the file-list assertion
    }
    t.ok(current === text, `${name} is up to date (run npm run generate)`);
  }
});

t.test('npm run generate --out writes the same files into a temp dir', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-gen-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  execFileSync(process.execPath, ['--import=tsx', join(REPO_ROOT, 'src/protocol/codegen/main.ts'), '--out', dir], { stdio: 'pipe', timeout: 60_000 });
  const written = readdirSync(dir).sort();
  const committed = readdirSync(GENERATED).filter((f) => f.endsWith('.ts')).sort();
  t.strictSame(written, committed);
  const differing = written.filter((f) => readFileSync(join(dir, f), 'utf8') !== readFileSync(join(GENERATED, f), 'utf8'));
  t.strictSame(differing, [], 'no generated file differs');
});

t.test('every generated file carries the do-not-edit header naming its source', async (t) => {
  for (const [name, text] of generateAll(REPO_ROOT)) {
    t.match(text.split('\n')[0], /^\/\/ generated from protocol\/\S+ — do not edit/, name);
  }
});

t.test('protocol/canopy/ specs must keep to their key range, be flexible from v0 and not reuse a Kafka name', async (t) => {
  const { loadCanopySpecs, CANOPY_API_KEY_MIN, CANOPY_API_KEY_MAX } = await import('../../../src/protocol/codegen/generate.js');
  const { loadSpecDir } = await import('../../../src/protocol/codegen/spec.js');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const kafka = loadSpecDir(join(REPO_ROOT, 'protocol/kafka'), 'protocol/kafka');
  const withSpec = (name: string, body: object): string => {
    const root = mkdtempSync(join(tmpdir(), 'canopy-spec-'));
    t.teardown(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'protocol/canopy'), { recursive: true });
    writeFileSync(join(root, 'protocol/canopy', `${name}.json`), JSON.stringify({ type: 'request', name, validVersions: '0', fields: [], ...body }));
    return root;
  };
  t.equal(CANOPY_API_KEY_MIN, 30000);
  t.equal(CANOPY_API_KEY_MAX, 30999);
  t.throws(() => loadCanopySpecs(withSpec('FooRequest', { apiKey: 5, flexibleVersions: '0+' }), kafka), { message: /apiKey 5 is outside Canopy's range 30000-30999/ });
  t.throws(() => loadCanopySpecs(withSpec('FooRequest', { apiKey: 30005, flexibleVersions: 'none' }), kafka), { message: /flexible from their first version/ });
  t.throws(() => loadCanopySpecs(withSpec('HeartbeatRequest', { apiKey: 30005, flexibleVersions: '0+' }), kafka), { message: /HeartbeatRequest is already a Kafka message/ });
  t.equal(loadCanopySpecs(REPO_ROOT, kafka).length, 5, 'the real protocol/canopy/ loads (PeerHello, RaftMessages, LearnerFetch)');
});
