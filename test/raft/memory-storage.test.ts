import t from 'tap';
import { MemoryStorage } from '../../src/raft/memory-storage.js';
import { EntryType } from '../../src/raft/messages.js';
import { storageCases } from '../helpers/raft-storage-cases.js';

storageCases(t, {
  open: async (_t, conf) => new MemoryStorage(conf),
  entry: (index, count, term) => ({ index, count, term, type: EntryType.Normal, data: new Uint8Array(10) }),
  installSnapshot: (s, snap) => (s as MemoryStorage).applySnapshot(snap),
});
