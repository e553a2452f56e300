/**
 * The connection test's SUCCESS / FAILURE lines for a good and a bad setup, against the same real peers as the route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatCheck, testConnection, type ConnectionCheck } from '../../service/routes/https/test-connection.js';
import { type Config } from '../../shared/config/model.js';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { closedPort, startReceiver, type Receiver } from '../helpers/peers/https-receiver.js';
import { startTinyproxy, type Tinyproxy } from '../helpers/peers/tinyproxy.js';
import { httpsConfig, openClear } from '../helpers/peers/https-config.js';

let dir: string;
let caFile: string;
let center: Receiver;
let proxy: Tinyproxy;

beforeAll(async () => {
  const pki = makeTestPki();
  dir = await mkdtemp(join(tmpdir(), 'express-report-testconn-'));
  caFile = join(dir, 'center-ca.pem');
  await writeFile(caFile, pki.ca.certPem);
  center = await startReceiver(pki.server, (r) => (r.path.startsWith('/missing') ? { status: 404, body: 'no such script' } : { status: 200 }));
  proxy = await startTinyproxy();
});
afterAll(async () => {
  await center?.close();
  await proxy?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function run(config: Config): Promise<ConnectionCheck[]> {
  const out: ConnectionCheck[] = [];
  for await (const c of testConnection(config, openClear, { version: '1.0.0' })) out.push(c);
  return out;
}
const summary = (cs: ConnectionCheck[]) => cs.map((c) => `${c.ok ? 'SUCCESS' : 'FAILURE'} ${c.check} ${c.problem?.code ?? ''}`.trim());

describe('testConnection', () => {
  it('a good direct setup: name resolution, TLS and HTTP for each URL', async () => {
    const checks = await run(
      httpsConfig({ url1: center.url, url2: `https://localhost:${center.port}/` }, { 'https.caFile': caFile, 'https.timeoutSeconds': 5 }),
    );
    expect(summary(checks)).toEqual(['SUCCESS resolve', 'SUCCESS tls', 'SUCCESS http', 'SUCCESS resolve', 'SUCCESS tls', 'SUCCESS http']);
    const lines = checks.map((c) => formatCheck(c, 'en'));
    expect(lines[0]).toBe('SUCCESS  name resolution  127.0.0.1: 127.0.0.1');
    expect(lines[1]).toMatch(
      /^SUCCESS {2}TLS connection {2}127\.0\.0\.1:\d+: TLSv1\.3, O=Express Report Test, CN=127\.0\.0\.1 \(issuer .*CN=Express Report Test Center CA/,
    );
    expect(lines[2]).toBe(`SUCCESS  HTTP request  ${center.url}: HEAD 200 OK`);
    expect(lines[3]).toMatch(/^SUCCESS {2}name resolution {2}localhost: /);
    expect(center.received.filter((r) => r.method === 'HEAD').length).toBeGreaterThanOrEqual(2);
  });

  it('a good setup through the proxy: the proxy is resolved and reached, then CONNECT, TLS and HTTP', async () => {
    const checks = await run(
      httpsConfig(
        { url1: center.url },
        {
          'https.caFile': caFile,
          'https.timeoutSeconds': 5,
          'https.proxy.use': true,
          'https.proxy.host': '127.0.0.1',
          'https.proxy.port': proxy.port,
          'https.proxy.user': proxy.user,
          'https.proxy.password': proxy.password,
        },
      ),
    );
    expect(summary(checks)).toEqual(['SUCCESS resolve', 'SUCCESS proxy', 'SUCCESS proxy-connect', 'SUCCESS tls', 'SUCCESS http']);
    expect(formatCheck(checks[2]!, 'en')).toBe(`SUCCESS  proxy CONNECT  127.0.0.1:${center.port}: 200 Connection established`);
    expect(formatCheck(checks[2]!, 'ja')).toMatch(/^SUCCESS {2}プロキシ経由の接続 \(CONNECT\)/);
  });

  it('a bad setup: each URL fails at its own step with its coded problem, and later steps are skipped', async () => {
    const down = await closedPort();
    const checks = await run(
      httpsConfig(
        { url1: `https://127.0.0.1:${center.port}/missing.cgi`, url2: `https://127.0.0.1:${down}/` },
        { 'https.caFile': caFile, 'https.timeoutSeconds': 5 },
      ),
    );
    expect(summary(checks)).toEqual(['SUCCESS resolve', 'SUCCESS tls', 'FAILURE http ER_2008', 'SUCCESS resolve', 'FAILURE tls ER_2002']);
    expect(formatCheck(checks[2]!, 'en')).toContain('ER_2008 Error from the center (URL1, 127.0.0.1:');
    expect(formatCheck(checks[2]!, 'en')).toMatch(/: 404 Not Found$/); // HEAD: a status, no body
    expect(formatCheck(checks[4]!, 'ja')).toMatch(/^FAILURE {2}TLS 接続 {2}127\.0\.0\.1:\d+: ER_2002 /);
  });

  it('a bad setup: no CA, a wrong proxy password, a host that does not resolve', async () => {
    const noCa = await run(httpsConfig({ url1: center.url }, { 'https.timeoutSeconds': 5 }));
    expect(summary(noCa)).toEqual(['SUCCESS resolve', 'FAILURE tls ER_2004']);
    expect(formatCheck(noCa[1]!, 'en')).toContain('unable to verify the first certificate');

    const badProxy = await run(
      httpsConfig(
        { url1: center.url },
        {
          'https.caFile': caFile,
          'https.timeoutSeconds': 5,
          'https.proxy.use': true,
          'https.proxy.host': '127.0.0.1',
          'https.proxy.port': proxy.port,
          'https.proxy.user': proxy.user,
          'https.proxy.password': 'wrong',
        },
      ),
    );
    expect(summary(badProxy)).toEqual(['SUCCESS resolve', 'SUCCESS proxy', 'FAILURE proxy-connect ER_2006']);

    const noHost = await run(httpsConfig({ url1: 'https://no-such-host.invalid/' }, { 'https.timeoutSeconds': 5 }));
    expect(summary(noHost)).toEqual(['FAILURE resolve ER_2001']);
  });

  it('an unreachable proxy and an unreadable CA file stop the test at once', async () => {
    const port = await closedPort();
    const proxyDown = await run(httpsConfig({ url1: center.url }, { 'https.proxy.use': true, 'https.proxy.host': '127.0.0.1', 'https.proxy.port': port }));
    expect(summary(proxyDown)).toEqual(['SUCCESS resolve', 'FAILURE proxy ER_2002']);
    const noFile = await run(httpsConfig({ url1: center.url }, { 'https.caFile': join(dir, 'missing.pem') }));
    expect(summary(noFile)).toEqual(['FAILURE config ER_1001']);
    expect(noFile[0]!.target).toBe('https.caFile');
  });
});
