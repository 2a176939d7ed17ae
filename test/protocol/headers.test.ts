import t from 'tap';
import { Reader } from '../../src/protocol/primitives/reader.js';
import { Writer } from '../../src/protocol/primitives/writer.js';
import { readRequestHeader, requestHeaderVersion, responseHeaderVersion, writeRequestHeader, writeResponseHeader } from '../../src/protocol/headers.js';
import { ApiKey, apiSpecs } from '../../src/protocol/generated/index.js';
import { hex } from '../helpers/hex.js';

t.test('header versions follow flexibility; ApiVersions responses always v0', async (t) => {
  for (const spec of apiSpecs.values()) {
    for (let v = spec.minVersion; v <= spec.maxVersion; v++) {
      const flexible = v >= spec.flexibleMinVersion;
      t.equal(requestHeaderVersion(spec.apiKey, v), flexible ? 2 : 1, `${spec.name} v${v} request header`);
      const want = spec.apiKey === ApiKey.ApiVersions ? 0 : flexible ? 1 : 0;
      t.equal(responseHeaderVersion(spec.apiKey, v), want, `${spec.name} v${v} response header`);
    }
  }
  t.equal(responseHeaderVersion(ApiKey.ApiVersions, 3), 0);
  t.equal(requestHeaderVersion(ApiKey.ApiVersions, 7), 2, 'a too-new ApiVersions request still has header v2');
});

t.test('ControlledShutdown v0 is the one request with header v0', async (t) => {
  t.equal(requestHeaderVersion(7, 0), 0);
  t.equal(requestHeaderVersion(7, 1), 1);
  const r = new Reader(hex('0007 0000 00000003 ffff'));
  t.strictSame(readRequestHeader(r), { apiKey: 7, apiVersion: 0, correlationId: 3, clientId: null });
  t.equal(r.remaining(), 2, 'no client id is read in header v0');
});

t.test('an unknown API key is read with header v1 (no tags)', async (t) => {
  const r = new Reader(hex('7ff0 0005 0000002a 0002 6162 ff'));
  t.strictSame(readRequestHeader(r), { apiKey: 0x7ff0, apiVersion: 5, correlationId: 42, clientId: 'ab' });
  t.equal(r.remaining(), 1, 'the byte after the client id is left for the body');
});

t.test('ClientId is never compact, also in header v2; header tags are skipped', async (t) => {
  const r = new Reader(hex('0012 0003 00000001 0003 616263 01 07 01 ff  aa'));
  t.strictSame(readRequestHeader(r), { apiKey: 18, apiVersion: 3, correlationId: 1, clientId: 'abc' });
  t.equal(r.remaining(), 1);
});

t.test('request header writes round-trip; negative versions and short input are decode errors', async (t) => {
  const w = new Writer();
  writeRequestHeader(w, { apiKey: 1, apiVersion: 12, correlationId: -7, clientId: null });
  t.equal(w.toBuffer().toString('hex'), '0001000cfffffff9ffff00');
  t.throws(() => readRequestHeader(new Reader(hex('0001 ffff 00000001 ffff'))), { name: 'ProtocolDecodeError' });
  t.throws(() => readRequestHeader(new Reader(hex('0001'))), { name: 'ProtocolDecodeError' });
});

t.test('response headers v0 and v1', async (t) => {
  const w0 = new Writer();
  writeResponseHeader(w0, 5, 0);
  t.equal(w0.toBuffer().toString('hex'), '00000005');
  const w1 = new Writer();
  writeResponseHeader(w1, 5, 1);
  t.equal(w1.toBuffer().toString('hex'), '0000000500');
});
