/**
 * An in-memory FileLayer that remembers what a power loss would keep. Each file has the bytes a
 * running process sees and the bytes that are durable (copied only by fdatasync of that file);
 * each folder has the entries a process sees and the durable entries (copied only by an fsync of
 * that folder), so creates, renames and unlinks are lost until their folder is synced. The root
 * folder given to the constructor exists durably.
 *
 * `cutAfterOps` cuts the power: the operation with that number and every later one never settles,
 * so the state freezes there. `materialise` then writes only the durable state into a real folder,
 * for the real journal to recover. `drop` turns chosen syncs into no-ops (the mutants that prove a
 * test can see a missing fsync).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dirOf, type FileLayer, type JournalFile } from '../../src/journal/file-layer.js';

interface FileNode { kind: 'file'; data: Buffer; size: number; durable: Buffer }
interface DirNode { kind: 'dir'; entries: Map<string, Node>; durable: Map<string, Node> }
type Node = FileNode | DirNode;

/** Which syncs a mutant drops: fdatasync of a file path, or fsync of a folder path. */
export interface DroppedSyncs { file?: (path: string, layer: PowerLossFileLayer) => boolean; dir?: (path: string) => boolean }

function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path} (power-loss file layer)`), { code });
}

export class PowerLossFileLayer implements FileLayer {
  private readonly root: DirNode = { kind: 'dir', entries: new Map(), durable: new Map() };
  /** Mutating or syncing operations started so far. */
  ops = 0;
  /** The operation with this number never runs (nor any later one); Infinity = no cut. */
  cutAfterOps = Number.POSITIVE_INFINITY;
  drop: DroppedSyncs = {};

  constructor(readonly rootPath: string) {}

  private cut: () => void = () => undefined;
  /** Resolves when the power goes off. */
  readonly whenOff = new Promise<void>((resolve) => { this.cut = resolve; });

  get powerOff(): boolean { return this.ops >= this.cutAfterOps; }

  /** Awaits `p` unless the power goes off first; true when it settled with the power on. */
  async settled(p: Promise<unknown>): Promise<boolean> {
    p.catch(() => undefined);
    const r = await Promise.race([p.then(() => true, () => true), this.whenOff.then(() => false)]);
    return r && !this.powerOff;
  }

  /** Cuts the power now: every later operation never settles. */
  cutNow(): void { this.cutAfterOps = Math.min(this.cutAfterOps, this.ops); this.cut(); }

  /** Counts one operation; from the cut on, returns a promise that never settles. */
  private step(): Promise<never> | null {
    this.ops++;
    if (this.ops < this.cutAfterOps) return null;
    this.cut();
    return new Promise<never>(() => undefined);
  }

  private parts(path: string): string[] {
    if (path !== this.rootPath && !path.startsWith(this.rootPath + '/')) throw fsError('EACCES', path);
    return path.slice(this.rootPath.length).split('/').filter((p) => p.length > 0);
  }

  private lookup(path: string): Node | undefined {
    let n: Node = this.root;
    for (const p of this.parts(path)) {
      if (n.kind !== 'dir') return undefined;
      const next = n.entries.get(p);
      if (next === undefined) return undefined;
      n = next;
    }
    return n;
  }

  private parentOf(path: string): { dir: DirNode; name: string } {
    const parts = this.parts(path);
    const name = parts.pop();
    const dir = this.lookup(join(this.rootPath, ...parts));
    if (name === undefined || dir === undefined || dir.kind !== 'dir') throw fsError('ENOENT', path);
    return { dir, name };
  }

  private fileAt(path: string): FileNode {
    const n = this.lookup(path);
    if (n === undefined) throw fsError('ENOENT', path);
    if (n.kind !== 'file') throw fsError('EISDIR', path);
    return n;
  }

  /** True when `path` names a .log file and a later .log exists in its folder (a rolled segment). */
  isRolledSegment(path: string): boolean {
    const { dir, name } = this.parentOf(path);
    return name.endsWith('.log') && [...dir.entries.keys()].some((k) => k.endsWith('.log') && k > name);
  }

  async open(path: string, create: boolean): Promise<JournalFile> {
    const off = this.step(); if (off) return off;
    const { dir, name } = this.parentOf(path);
    let node = dir.entries.get(name);
    if (node === undefined) {
      if (!create) throw fsError('ENOENT', path);
      node = { kind: 'file', data: Buffer.alloc(0), size: 0, durable: Buffer.alloc(0) };
      dir.entries.set(name, node);
    }
    if (node.kind !== 'file') throw fsError('EISDIR', path);
    return this.handle(path, node);
  }

  private handle(path: string, f: FileNode): JournalFile {
    const layer = this;
    const resize = (len: number): void => {
      if (len > f.data.length) { const d = Buffer.alloc(Math.max(len, f.data.length * 2)); f.data.copy(d, 0, 0, f.size); f.data = d; }
      if (len > f.size) f.data.fill(0, f.size, len);
      f.size = len;
    };
    return {
      async read(buf, offset, length, position) {
        const n = Math.max(0, Math.min(length, f.size - position));
        f.data.copy(buf, offset, position, position + n);
        return n;
      },
      async writeAll(buffers, position) {
        const off = layer.step(); if (off) return off;
        let at = position;
        for (const b of buffers) {
          if (at + b.length > f.size) resize(at + b.length);
          b.copy(f.data, at);
          at += b.length;
        }
      },
      async datasync() {
        const off = layer.step(); if (off) return off;
        if (layer.drop.file?.(path, layer)) return;
        f.durable = Buffer.from(f.data.subarray(0, f.size));
      },
      async truncate(length) {
        const off = layer.step(); if (off) return off;
        resize(length);
      },
      async size() { return f.size; },
      async close() {},
    };
  }

  async readFile(path: string): Promise<Buffer> {
    const f = this.fileAt(path);
    return Buffer.from(f.data.subarray(0, f.size));
  }

  /** As NODE_FILE_LAYER does it: temp file, fdatasync, rename, fsync of the folder. */
  async writeFileAtomic(path: string, data: Buffer): Promise<void> {
    const tmp = `${path}.tmp`;
    const file = await this.open(tmp, true);
    await file.truncate(0);
    await file.writeAll([data], 0);
    await file.datasync();
    const off = this.step(); if (off) return off;
    const from = this.parentOf(tmp), to = this.parentOf(path);
    const node = from.dir.entries.get(from.name)!;
    from.dir.entries.delete(from.name);
    to.dir.entries.set(to.name, node);
    await this.fsyncDir(dirOf(path));
  }

  async readdir(path: string): Promise<string[]> {
    const n = this.lookup(path);
    if (n === undefined) throw fsError('ENOENT', path);
    if (n.kind !== 'dir') throw fsError('ENOTDIR', path);
    return [...n.entries.keys()];
  }

  async mkdirp(path: string): Promise<void> {
    const off = this.step(); if (off) return off;
    let n: DirNode = this.root;
    for (const p of this.parts(path)) {
      let next = n.entries.get(p);
      if (next === undefined) { next = { kind: 'dir', entries: new Map(), durable: new Map() }; n.entries.set(p, next); }
      if (next.kind !== 'dir') throw fsError('ENOTDIR', path);
      n = next;
    }
  }

  async unlink(path: string): Promise<void> {
    const off = this.step(); if (off) return off;
    const { dir, name } = this.parentOf(path);
    if (!dir.entries.has(name)) throw fsError('ENOENT', path);
    dir.entries.delete(name);
  }

  async rmrf(path: string): Promise<void> {
    const off = this.step(); if (off) return off;
    const { dir, name } = this.parentOf(path);
    dir.entries.delete(name);
  }

  async exists(path: string): Promise<boolean> { return this.lookup(path) !== undefined; }

  async fsyncDir(path: string): Promise<void> {
    const off = this.step(); if (off) return off;
    const n = this.lookup(path);
    if (n === undefined || n.kind !== 'dir') throw fsError('ENOENT', path);
    if (this.drop.dir?.(path)) return;
    n.durable = new Map(n.entries);
  }

  /**
   * Writes what survives a power loss into the real folder `target`: durable entries only, each
   * file with its durable bytes. With `tornTail`, a file whose visible bytes extend its durable
   * bytes keeps a prefix of that extension of the length tornTail picks (part of the page cache
   * reached the disk).
   */
  async materialise(target: string, tornTail?: (extraBytes: number) => number): Promise<void> {
    const write = async (dir: DirNode, at: string): Promise<void> => {
      await mkdir(at, { recursive: true });
      for (const [name, node] of dir.durable) {
        if (node.kind === 'dir') { await write(node, join(at, name)); continue; }
        let bytes = node.durable;
        const visible = node.data.subarray(0, node.size);
        if (tornTail && visible.length > bytes.length && visible.subarray(0, bytes.length).equals(bytes)) {
          bytes = visible.subarray(0, bytes.length + tornTail(visible.length - bytes.length));
        }
        await writeFile(join(at, name), bytes);
      }
    };
    await write(this.root, target);
  }
}
