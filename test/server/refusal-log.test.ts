import t from 'tap';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { RefusalLog, REFUSAL_LINES_PER_WINDOW_MAX, REFUSAL_WINDOW_MS } from '../../src/server/refusal-log.js';

/** A real pino logger writing JSON lines into memory; the clock is the test's. */
function setup() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>); done(); } });
  const logger = pino({ level: 'debug', formatters: { level: (label) => ({ level: label }) } }, sink);
  let nowMs = 1_000_000;
  const log = new RefusalLog(logger, () => nowMs);
  return { lines, log, advance: (ms: number) => { nowMs += ms; }, flush: () => new Promise<void>((r) => setImmediate(r)) };
}

const request = { api: 'Produce', clientId: 'c1', peer: '127.0.0.1:5000' };
const tooLarge = [{ error: 'MESSAGE_TOO_LARGE', topic: 'orders', partition: 3 }];

t.test('per key: N lines per window, then the next window says how many were suppressed', async (t) => {
  const { lines, log, advance, flush } = setup();
  for (let i = 0; i < REFUSAL_LINES_PER_WINDOW_MAX + 7; i++) log.answered(request, tooLarge);
  log.answered({ ...request, api: 'Fetch' }, [{ error: 'OFFSET_OUT_OF_RANGE', topic: 'orders', partition: 0 }]);
  await flush();
  t.equal(lines.filter((l) => l.error === 'MESSAGE_TOO_LARGE').length, REFUSAL_LINES_PER_WINDOW_MAX, 'capped');
  t.match(lines.find((l) => l.api === 'Fetch'), { level: 'info', msg: 'Fetch refused: OFFSET_OUT_OF_RANGE' }, 'another key is not held back');
  advance(REFUSAL_WINDOW_MS);
  log.answered(request, tooLarge);
  await flush();
  t.match(lines.at(-1), { level: 'warn', msg: 'Produce refused: MESSAGE_TOO_LARGE (7 similar suppressed)', suppressed: 7, topic: 'orders', partition: 3 });
  log.answered(request, tooLarge);
  await flush();
  t.notOk('suppressed' in lines.at(-1)!, 'reported once');
});

t.test('one line per error per response, counting its answers; group protocol steps at debug', async (t) => {
  const { lines, log, flush } = setup();
  log.answered(request, [tooLarge[0]!, { error: 'MESSAGE_TOO_LARGE', topic: 'orders', partition: 4 }, { error: 'CORRUPT_MESSAGE', topic: 'orders', partition: 5 }]);
  log.answered({ ...request, api: 'JoinGroup' }, [{ error: 'MEMBER_ID_REQUIRED' }]);
  await flush();
  t.match(lines, [
    { msg: 'Produce refused: MESSAGE_TOO_LARGE', answers: 2, partition: 3 },
    { msg: 'Produce refused: CORRUPT_MESSAGE', answers: 1, partition: 5 },
    { msg: 'JoinGroup refused: MEMBER_ID_REQUIRED', level: 'debug' },
  ]);
});
