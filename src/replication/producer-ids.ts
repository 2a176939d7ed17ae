import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-file.js';

/** Ids handed out per persisted block: one fsync per this many InitProducerId calls. */
export const PRODUCER_ID_BLOCK_SIZE = 1000;
const FILE = 'producer-ids.json';

/**
 * Hands out idempotent-producer ids that are never reused across restarts: the end of the current
 * block is persisted before any id in it is returned (Kafka's ProducerIdManager does the same with
 * blocks from the controller).
 *
 * Invariant: #next <= #blockEnd, and #blockEnd is on disk.
 */
export class ProducerIdAllocator {
  readonly #path: string;
  #next = 0;
  #blockEnd = 0;
  #chain: Promise<unknown> = Promise.resolve();

  private constructor(path: string) {
    this.#path = path;
  }

  static async open(dataDir: string): Promise<ProducerIdAllocator> {
    const allocator = new ProducerIdAllocator(join(dataDir, FILE));
    try {
      const file = JSON.parse(await readFile(allocator.#path, 'utf8')) as { blockEnd: number };
      allocator.#next = allocator.#blockEnd = file.blockEnd;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    return allocator;
  }

  allocate(): Promise<number> {
    const run = this.#chain.then(async () => {
      if (this.#next >= this.#blockEnd) {
        const blockEnd = this.#blockEnd + PRODUCER_ID_BLOCK_SIZE;
        await writeFileAtomic(this.#path, JSON.stringify({ blockEnd }));
        this.#blockEnd = blockEnd;
      }
      return this.#next++;
    });
    this.#chain = run.catch(() => undefined);
    return run;
  }
}
