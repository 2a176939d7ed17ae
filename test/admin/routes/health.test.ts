import t from 'tap';
import { startAdminNode, http } from '../../helpers/admin-node.js';

t.test('/healthz answers while the process runs', async (t) => {
  const node = await startAdminNode(t);
  const res = await http(node.baseUrl, 'GET', '/healthz');
  t.equal(res.status, 200);
  t.same(res.body, { status: 'ok' });
});

t.test('/readyz is 200 when every check passes and 503 naming the pending ones otherwise', async (t) => {
  const node = await startAdminNode(t);
  const ready = await http(node.baseUrl, 'GET', '/readyz');
  t.equal(ready.status, 200);
  t.same(ready.body, { ready: true, checks: { journalRecovered: true, kafkaListening: true } });

  node.checks['kafkaListening'] = false;
  const notReady = await http(node.baseUrl, 'GET', '/readyz');
  t.equal(notReady.status, 503);
  t.equal(notReady.body.error.code, 'CANOPY_ERR_NOT_READY');
  t.match(notReady.body.error.message, /kafkaListening/);
  t.same(notReady.body.checks, { journalRecovered: true, kafkaListening: false });
});
