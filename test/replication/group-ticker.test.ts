import t from 'tap';
import { GroupTicker } from '../../src/replication/group-ticker.js';

const WAIT_MS_MAX = 10_000;

async function waitFor(what: string, cond: () => boolean): Promise<void> {
  const deadline = Date.now() + WAIT_MS_MAX;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

t.test('one timer ticks every registered group; a stopped group is no longer ticked', async (t) => {
  const ticker = new GroupTicker(5);
  const ticks = [0, 0, 0];
  const stops = ticks.map((_, i) => ticker.ticker().start(() => { ticks[i]!++; }));
  t.equal(ticker.groupCount, 3);
  await waitFor('every group to tick', () => ticks.every((n) => n >= 3));
  stops[1]!();
  const stoppedAt = ticks[1]!;
  const others = ticks[0]!;
  await waitFor('the others to keep ticking', () => ticks[0]! >= others + 3 && ticks[2]! >= others + 3);
  t.equal(ticks[1], stoppedAt, 'the stopped group got no tick after stop');
  stops[0]!();
  stops[2]!();
  t.equal(ticker.groupCount, 0, 'no group left (the timer is cleared)');
});

t.test('a group may stop itself (or another) from inside its tick', async (t) => {
  const ticker = new GroupTicker(5);
  let a = 0;
  let b = 0;
  let stopB: () => void = () => undefined;
  const stopA = ticker.ticker().start(() => { a++; stopB(); });
  stopB = ticker.ticker().start(() => { b++; });
  await waitFor('a to tick twice', () => a >= 2);
  t.ok(b <= 1, `b stopped by a's first tick (ticked ${b} times)`);
  stopA();
  t.equal(ticker.groupCount, 0);
});

t.test('a bad period is refused with the field named', async (t) => {
  t.throws(() => new GroupTicker(0), /tickMs/);
});
