/**
 * A FileLayer that wraps the real one and fails like a full disk: once `bytesFree` is used up, a
 * write writes what still fits and then throws ENOSPC (as write(2) does), and creating files or
 * atomic writes fail too. Raise `bytesFree` to "free space". `failSync` makes fdatasync fail (EIO),
 * `failTruncate` ftruncate.
 */
import { NODE_FILE_LAYER, type FileLayer, type JournalFile } from '../../src/journal/file-layer.js';

export class FullDiskFileLayer implements FileLayer {
  bytesFree = Number.MAX_SAFE_INTEGER;
  writeFailures = 0;
  /** When set, fdatasync of journal files fails with EIO (a failing device). */
  failSync = false;
  /** When set, truncating journal files fails with EIO (a failing device cannot undo a write). */
  failTruncate = false;

  private enospc(): Error {
    this.writeFailures++;
    return Object.assign(new Error('ENOSPC: no space left on device (injected)'), { code: 'ENOSPC' });
  }

  async open(path: string, create: boolean): Promise<JournalFile> {
    const inner = await NODE_FILE_LAYER.open(path, create);
    const self = this;
    return {
      read: (b, o, l, p) => inner.read(b, o, l, p),
      async writeAll(buffers, position) {
        const total = buffers.reduce((n, b) => n + b.length, 0);
        if (total <= self.bytesFree) { self.bytesFree -= total; return inner.writeAll(buffers, position); }
        const fits = Math.max(0, self.bytesFree);
        const partial = Buffer.concat(buffers).subarray(0, fits);
        self.bytesFree = 0;
        if (partial.length > 0) await inner.writeAll([partial], position);
        throw self.enospc();
      },
      datasync: () => (self.failSync ? Promise.reject(Object.assign(new Error('EIO: i/o error, fdatasync (injected)'), { code: 'EIO' })) : inner.datasync()),
      truncate: (len) => (self.failTruncate ? Promise.reject(Object.assign(new Error('EIO: i/o error, ftruncate (injected)'), { code: 'EIO' })) : inner.truncate(len)),
      size: () => inner.size(),
      close: () => inner.close(),
    };
  }
  readFile(path: string): Promise<Buffer> { return NODE_FILE_LAYER.readFile(path); }
  async writeFileAtomic(path: string, data: Buffer): Promise<void> {
    if (data.length > this.bytesFree || this.bytesFree <= 0) throw this.enospc();
    return NODE_FILE_LAYER.writeFileAtomic(path, data);
  }
  readdir(path: string): Promise<string[]> { return NODE_FILE_LAYER.readdir(path); }
  mkdirp(path: string): Promise<void> { return NODE_FILE_LAYER.mkdirp(path); }
  unlink(path: string): Promise<void> { return NODE_FILE_LAYER.unlink(path); }
  rmrf(path: string): Promise<void> { return NODE_FILE_LAYER.rmrf(path); }
  exists(path: string): Promise<boolean> { return NODE_FILE_LAYER.exists(path); }
  fsyncDir(path: string): Promise<void> { return NODE_FILE_LAYER.fsyncDir(path); }
}
