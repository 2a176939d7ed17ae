// Bounds of the peer transport: contradictory or non-positive values are refused with the field named.
import t from 'tap';
import { DEFAULT_TRANSPORT_LIMITS, resolveTransportLimits } from '../../../src/replication/transport/transport-limits.js';
import { OutboundQueue } from '../../../src/replication/transport/outbound-queue.js';
import { MESSAGE_OVERHEAD_BYTES } from '../../../src/replication/transport/raft-wire.js';
import { EntryType, makeMessage } from '../../../src/raft/messages.js';

t.test('defaults pass; bad values are named', async (t) => {
  t.strictSame(resolveTransportLimits(), DEFAULT_TRANSPORT_LIMITS);
  t.throws(() => resolveTransportLimits({ backoffMsMin: 0 }), { message: /backoffMsMin must be a positive integer, got 0/ });
  t.throws(() => resolveTransportLimits({ backoffMsMin: 500, backoffMsMax: 100 }), { message: /backoffMsMax must be at least backoffMsMin/ });
  t.throws(() => resolveTransportLimits({ frameBytesMax: 1024 }), { message: /frameBytesMax must be at least frameBytesTarget/ });
});

t.test('the queue bound in bytes drops the oldest but always keeps the newest message', async (t) => {
  const entryBytes = 1000;
  const q = new OutboundQueue(100, 3 * (entryBytes + 2 * MESSAGE_OVERHEAD_BYTES));
  const app = (commit: number, bytes = entryBytes) => ({ topic: 't', partition: 0, message: makeMessage({ type: 'app', to: 2, commit,
    entries: [{ index: 0, count: 1, term: 1, type: EntryType.Normal, data: Buffer.alloc(bytes) }] }) });
  t.equal(q.push(app(1)) + q.push(app(2)) + q.push(app(3)), 0, 'three fit');
  t.equal(q.push(app(4)), 1, 'the fourth pushes the oldest out');
  t.equal(q.push(app(5, 10 * entryBytes)), 3, 'one message above the bound empties the rest but stays');
  t.strictSame(q.take(Number.MAX_SAFE_INTEGER).map((i) => i.message.commit), [5]);
  t.equal(q.bytes, 0);
});
