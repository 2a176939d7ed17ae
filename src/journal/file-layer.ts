/**
 * The journal's only door to the file system. Tests pass a fault-injecting layer (ENOSPC, EIO)
 * through `PartitionLog.open(dir, config, { fs })`; production uses NODE_FILE_LAYER.
 * Kept deliberately small: positional reads and writes, fsync, truncate, and a few directory calls.
 */
import * as fsp from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';

export interface JournalFile {
  /** Reads up to `length` bytes at `position` into buf[offset..]; returns the bytes read (short at end of file). */
  read(buf: Buffer, offset: number, length: number, position: number): Promise<number>;
  /** Writes all of `buffers` contiguously at `position` (loops over short writes) or throws. */
  writeAll(buffers: Buffer[], position: number): Promise<void>;
  /** fdatasync: data and the size, not necessarily the mtime. */
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  size(): Promise<number>;
  close(): Promise<void>;
}

export interface FileLayer {
  /** Opens for read and write, creating when `create` is set. */
  open(path: string, create: boolean): Promise<JournalFile>;
  readFile(path: string): Promise<Buffer>;
  /** Writes a small file atomically: temp file, fsync, rename, fsync of the folder. */
  writeFileAtomic(path: string, data: Buffer): Promise<void>;
  readdir(path: string): Promise<string[]>;
  mkdirp(path: string): Promise<void>;
  unlink(path: string): Promise<void>;
  rmrf(path: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  /** fsync of a folder, so created, renamed and removed names survive a crash. */
  fsyncDir(path: string): Promise<void>;
}

/** Short writes are rare but legal; this bounds the loop so a stuck device fails rather than spins. */
const SHORT_WRITE_RETRIES_MAX = 1000;

class NodeFile implements JournalFile {
  constructor(private readonly fh: fsp.FileHandle) {}
  async read(buf: Buffer, offset: number, length: number, position: number): Promise<number> {
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.fh.read(buf, offset + done, length - done, position + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done;
  }
  async writeAll(buffers: Buffer[], position: number): Promise<void> {
    if (buffers.length === 1) {
      // The common case (one append, or a group merged by the caller): no iovec bookkeeping.
      const b = buffers[0]!;
      const { bytesWritten } = await this.fh.write(b, 0, b.length, position);
      if (bytesWritten === b.length) return;
      buffers = [b.subarray(bytesWritten)];
      position += bytesWritten;
    }
    let pending = buffers.filter((b) => b.length > 0);
    let pos = position;
    for (let i = 0; pending.length > 0; i++) {
      if (i >= SHORT_WRITE_RETRIES_MAX) throw Object.assign(new Error('too many short writes'), { code: 'EIO' });
      const { bytesWritten } = pending.length === 1
        ? await this.fh.write(pending[0]!, 0, pending[0]!.length, pos)
        : await this.fh.writev(pending, pos);
      pos += bytesWritten;
      let skip = bytesWritten;
      const rest: Buffer[] = [];
      for (const b of pending) {
        if (skip >= b.length) { skip -= b.length; continue; }
        rest.push(skip > 0 ? b.subarray(skip) : b);
        skip = 0;
      }
      pending = rest;
    }
  }
  datasync(): Promise<void> { return this.fh.datasync(); }
  truncate(length: number): Promise<void> { return this.fh.truncate(length); }
  async size(): Promise<number> { return (await this.fh.stat()).size; }
  close(): Promise<void> { return this.fh.close(); }
}

export const NODE_FILE_LAYER: FileLayer = {
  async open(path, create) {
    const flags = fsConstants.O_RDWR | (create ? fsConstants.O_CREAT : 0);
    return new NodeFile(await fsp.open(path, flags, 0o644));
  },
  readFile: (path) => fsp.readFile(path),
  async writeFileAtomic(path, data) {
    const tmp = `${path}.tmp`;
    const fh = await fsp.open(tmp, 'w', 0o644);
    try {
      await fh.writeFile(data);
      await fh.datasync();
    } finally {
      await fh.close();
    }
    await fsp.rename(tmp, path);
    await NODE_FILE_LAYER.fsyncDir(dirOf(path));
  },
  readdir: (path) => fsp.readdir(path),
  async mkdirp(path) { await fsp.mkdir(path, { recursive: true }); },
  unlink: (path) => fsp.unlink(path),
  rmrf: (path) => fsp.rm(path, { recursive: true, force: true }),
  async exists(path) {
    try { await fsp.access(path); return true; } catch { return false; }
  },
  async fsyncDir(path) {
    const fh = await fsp.open(path, 'r');
    try { await fh.sync(); } finally { await fh.close(); }
  },
};

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : path.slice(0, i);
}
