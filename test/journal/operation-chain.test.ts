import t from 'tap';
import { OperationChain } from '../../src/journal/operation-chain.js';

t.test('operations run one at a time in call order; a failure reaches only its caller', async (t) => {
  const chain = new OperationChain();
  const log: string[] = [];
  let releaseFirst!: () => void;
  const firstHeld = new Promise<void>((r) => { releaseFirst = r; });
  const a = chain.run(async () => { log.push('a start'); await firstHeld; log.push('a end'); return 'a'; });
  const b = chain.run(async () => { log.push('b'); throw new Error('b failed'); });
  const c = chain.run(async () => { log.push('c'); return 'c'; });
  await Promise.resolve();
  t.same(log, ['a start'], 'b waits while a is still running');
  releaseFirst();
  t.equal(await a, 'a');
  await t.rejects(b, /b failed/);
  t.equal(await c, 'c', 'the chain goes on after a failed operation');
  await chain.idle();
  t.same(log, ['a start', 'a end', 'b', 'c']);
});
