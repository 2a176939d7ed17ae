import t from 'tap';
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileHandleCache } from '../../src/journal/file-handles.js';
import { NODE_FILE_LAYER, type FileLayer, type JournalFile } from '../../src/journal/file-layer.js';

const FILES_OPEN_MAX = 3;
const FILES = 12;

/** Descriptors of this process open on files under `dir` (others, e.g. the test runner's, come and go). */
function openFds(dir: string): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`).startsWith(`${dir}/`)) n++;
    } catch { /* closed meanwhile */ }
  }
  return n;
}

/** Idle handles over the budget close in the background after an operation: wait (bounded) for it. */
async function settledFds(dir: string, atMost: number): Promise<number> {
  for (let i = 0; i < 1000 && openFds(dir) > atMost; i++) await new Promise((r) => setTimeout(r, 5));
  return openFds(dir);
}

/** The real file layer, counting what reaches the disk (opens, fdatasyncs). */
function countingLayer(): { layer: FileLayer; counts: { opens: number; syncs: number } } {
  const counts = { opens: 0, syncs: 0 };
  const layer: FileLayer = {
    ...NODE_FILE_LAYER,
    async open(path, create) {
      counts.opens++;
      const f = await NODE_FILE_LAYER.open(path, create);
      const counted: JournalFile = {
        read: (...a) => f.read(...a),
        writeAll: (...a) => f.writeAll(...a),
        datasync: async () => { counts.syncs++; await f.datasync(); },
        truncate: (n) => f.truncate(n),
        size: () => f.size(),
        close: () => f.close(),
      };
      return counted;
    },
  };
  return { layer, counts };
}

t.test('more files than the budget: descriptors stay bounded, data reads back', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-handles-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const { layer, counts } = countingLayer();
  const cache = new FileHandleCache(layer, { filesOpenMax: FILES_OPEN_MAX });
  const before = openFds(dir);
  const files: JournalFile[] = [];
  for (let i = 0; i < FILES; i++) files.push(await cache.open(join(dir, `f${i}.log`), true));
  t.ok(openFds(dir) - before <= FILES_OPEN_MAX, `at most ${FILES_OPEN_MAX} descriptors after opening ${FILES} files`);
  // Concurrent writes to every file, then reads in another order.
  await Promise.all(files.map((f, i) => f.writeAll([Buffer.from(`file ${i} `), Buffer.from('payload')], 0)));
  t.ok(openFds(dir) - before <= FILES_OPEN_MAX + FILES, 'in-flight operations may exceed the budget, never more than one per file');
  for (let i = FILES - 1; i >= 0; i--) {
    const buf = Buffer.alloc(64);
    const n = await files[i]!.read(buf, 0, 64, 0);
    t.equal(buf.subarray(0, n).toString(), `file ${i} payload`);
    t.equal(await files[i]!.size(), n);
  }
  t.ok(await settledFds(dir, before + FILES_OPEN_MAX) - before <= FILES_OPEN_MAX, 'idle handles were closed back to the budget');
  t.ok(cache.stats().evictionsTotal > 0 && cache.stats().open <= FILES_OPEN_MAX);
  // Every file written then evicted was synced before its descriptor closed.
  t.ok(counts.syncs >= FILES - FILES_OPEN_MAX, `${counts.syncs} syncs on eviction of written files`);
  const syncsBefore = counts.syncs, opensBefore = counts.opens;
  await files[FILES - 1]!.datasync(); // read first in the loop above, so evicted since
  t.equal([counts.syncs, counts.opens].join(), [syncsBefore, opensBefore].join(), 'an evicted, synced file needs no reopen to sync');
  for (const f of files) await f.close();
  t.equal(openFds(dir), before, 'close releases every descriptor');
  await t.rejects(files[1]!.read(Buffer.alloc(1), 0, 1, 0), { code: 'EBADF' });
});

t.test('an unlinked file stays readable through its handle until closed', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-handles-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const cache = new FileHandleCache(NODE_FILE_LAYER, { filesOpenMax: 1 });
  const doomed = await cache.open(join(dir, 'doomed.log'), true);
  await doomed.writeAll([Buffer.from('still here')], 0);
  const other = await cache.open(join(dir, 'other.log'), true); // evicts `doomed`
  await other.writeAll([Buffer.from('x')], 0);
  await cache.unlink(join(dir, 'doomed.log'));
  t.same(readdirSync(dir), ['other.log']);
  await other.read(Buffer.alloc(1), 0, 1, 0); // would evict `doomed` again were it not pinned
  const buf = Buffer.alloc(10);
  t.equal(await doomed.read(buf, 0, 10, 0), 10);
  t.equal(buf.toString(), 'still here');
  await doomed.close();
  await other.close();
});

t.test('a failed sync on eviction is reported by the next datasync', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-handles-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const eio = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
  const failing: FileLayer = {
    ...NODE_FILE_LAYER,
    async open(path, create) {
      const f = await NODE_FILE_LAYER.open(path, create);
      return { ...bind(f), datasync: async () => { throw eio; } };
    },
  };
  const cache = new FileHandleCache(failing, { filesOpenMax: 1 });
  const a = await cache.open(join(dir, 'a.log'), true);
  await a.writeAll([Buffer.from('unsynced')], 0);
  const b = await cache.open(join(dir, 'b.log'), true); // evicts `a`; its sync fails
  await t.rejects(a.datasync(), { code: 'EIO' }, 'the lost sync is not forgotten');
  await a.close();
  await b.close();
});

function bind(f: JournalFile): JournalFile {
  return { read: f.read.bind(f), writeAll: f.writeAll.bind(f), datasync: f.datasync.bind(f), truncate: f.truncate.bind(f), size: f.size.bind(f), close: f.close.bind(f) };
}
