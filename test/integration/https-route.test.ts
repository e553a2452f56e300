/**
 * The HTTPS route against real peers on loopback: a node:https center with a test CA, and tinyproxy with Basic auth.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { HttpsRoute } from '../../service/routes/https/route.js';
import { type Outcome } from '../../service/routes/route.js';
import { makeServerCert, makeTestPki, type TestPki } from '../helpers/peers/test-ca.js';
import { closedPort, startReceiver, startSilentServer, type Answer, type Receiver, type Received } from '../helpers/peers/https-receiver.js';
import { startTinyproxy, type Tinyproxy } from '../helpers/peers/tinyproxy.js';
import { httpsConfig, routeContext, sampleReport } from '../helpers/peers/https-config.js';

let pki: TestPki;
let dir: string;
let caFile: string;
let center: Receiver;
let proxy: Tinyproxy;
const route = new HttpsRoute({ version: '9.8.7' });

/** /status/NNN answers NNN with a recognisable body; /hang never answers; anything else is accepted. */
function answer(r: Received): Answer {
  if (r.path.startsWith('/hang')) return 'hang';
  if (r.path === '/maintenance')
    return {
      status: 503,
      headers: { 'Content-Type': 'text/html' },
      body: '<!DOCTYPE html><html><head><title>Down</title></head><body><p>Back at 10:00 &amp; later</p></body></html>',
    };
  if (r.path === '/moved') return { status: 301, headers: { Location: 'https://center.example.jp/new.cgi' } };
  const m = /^\/status\/(\d{3})/.exec(r.path);
  if (m) return { status: Number(m[1]), body: `center says: ${'the database is down; '.repeat(20)}` };
  return { status: 200, body: '{"accepted":true}' };
}

const failed = (o: Outcome) => {
  if (o.ok) throw new Error(`expected a failure, got: ${o.detail}`);
  return o;
};

beforeAll(async () => {
  pki = makeTestPki();
  dir = await mkdtemp(join(tmpdir(), 'express-report-https-'));
  caFile = join(dir, 'center-ca.pem');
  await writeFile(caFile, pki.ca.certPem);
  center = await startReceiver(pki.server, answer);
  proxy = await startTinyproxy();
});
afterAll(async () => {
  await center?.close();
  await proxy?.stop();
  await rm(dir, { recursive: true, force: true });
});

const timeout = { 'https.timeoutSeconds': 5 } as const;

describe('HttpsRoute, directly', () => {
  it('delivers to URL1 when the test CA is given as https.caFile: headers and the multipart report part', async () => {
    const report = sampleReport();
    const o = await route.send(report, routeContext(httpsConfig({ url1: center.url }, { 'https.caFile': caFile, ...timeout })));
    expect(o).toEqual({ ok: true, detail: expect.stringContaining(`URL1 ${center.url} answered 200 OK`) as unknown });
    const got = center.received.find((r) => r.reportId === report.id)!;
    expect(got.method).toBe('POST');
    expect(got.headers['user-agent']).toBe('express-report/9.8.7');
    expect(got.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(got.parts.map((p) => p.name)).toEqual(['report']);
    expect(got.parts[0]!.contentType).toBe('application/json; charset=utf-8');
    expect(got.report).toEqual(report);
  });

  it('streams an attachment part (chunked) with the report id as its file name', async () => {
    const report = sampleReport();
    const zip = randomBytes(3 * 1024 * 1024 + 17);
    const attachment = () =>
      Readable.from(
        (function* () {
          for (let i = 0; i < zip.length; i += 65536) yield zip.subarray(i, i + 65536);
        })(),
      );
    const o = await route.send(report, routeContext(httpsConfig({ url1: center.url }, { 'https.caFile': caFile, ...timeout })), { attachment });
    expect(o.ok).toBe(true);
    const got = center.received.find((r) => r.reportId === report.id)!;
    expect(got.headers['transfer-encoding']).toBe('chunked');
    expect(got.parts.map((p) => [p.name, p.filename, p.contentType])).toEqual([
      ['report', undefined, 'application/json; charset=utf-8'],
      ['attachment', `${report.id}.zip`, 'application/zip'],
    ]);
    expect(got.parts[1]!.content.equals(zip)).toBe(true);
  });

  it("refuses the center without the CA: a TLS verification problem with OpenSSL's reason", async () => {
    const o = failed(await route.send(sampleReport(), routeContext(httpsConfig({ url1: center.url }, timeout))));
    expect(o.problem.code).toBe('ER_2004');
    expect(o.problem.message.en).toMatch(/unable to verify the first certificate \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/);
    expect(o.retry).toBe(true);
  });

  it('refuses a certificate for another host name, even from the trusted CA', async () => {
    const other = await startReceiver(makeServerCert(pki.ca, ['center.example.jp']));
    try {
      const o = failed(await route.send(sampleReport(), routeContext(httpsConfig({ url1: other.url }, { 'https.caFile': caFile, ...timeout }))));
      expect(o.problem.code).toBe('ER_2004');
      expect(o.problem.message.en).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
      expect(other.received).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('falls back to URL2 when URL1 is down (closed port)', async () => {
    const report = sampleReport();
    const url1 = `https://127.0.0.1:${await closedPort()}/Scripts/trsRecvAlert.cgi`;
    const o = await route.send(report, routeContext(httpsConfig({ url1, url2: center.url }, { 'https.caFile': caFile, ...timeout })));
    expect(o).toEqual({ ok: true, detail: expect.stringContaining(`URL2 ${center.url}`) as unknown });
    expect(center.received.filter((r) => r.reportId === report.id)).toHaveLength(1);
  });

  it('a 500 from the center: retry, with the status and the first 200 characters of its body', async () => {
    const o = failed(
      await route.send(
        sampleReport(),
        routeContext(httpsConfig({ url1: `https://127.0.0.1:${center.port}/status/500` }, { 'https.caFile': caFile, ...timeout })),
      ),
    );
    expect(o.problem.code).toBe('ER_2008');
    expect(o.retry).toBe(true);
    const body = `center says: ${'the database is down; '.repeat(20)}`.replace(/\s+/g, ' ').trim().slice(0, 200);
    expect(o.problem.message.en).toContain(`500 Internal Server Error: ${body}`);
    expect(o.problem.message.en).not.toContain(`${body} `);
  });

  it('a 400 from the center: no retry, and URL2 is not asked (it would judge the same report the same way)', async () => {
    const report = sampleReport();
    const o = failed(
      await route.send(
        report,
        routeContext(
          httpsConfig(
            { url1: `https://127.0.0.1:${center.port}/status/400`, url2: `https://127.0.0.1:${center.port}/url2` },
            { 'https.caFile': caFile, ...timeout },
          ),
        ),
      ),
    );
    expect([o.problem.code, o.retry]).toEqual(['ER_2008', false]);
    expect(center.received.filter((r) => r.reportId === report.id).map((r) => r.path)).toEqual(['/status/400']);
  });

  it("both destinations fail differently: one problem keeps both replies (an HTML page read as text, a redirect's Location)", async () => {
    const base = `https://127.0.0.1:${center.port}`;
    const o = failed(
      await route.send(
        sampleReport(),
        routeContext(httpsConfig({ url1: `${base}/maintenance`, url2: `${base}/moved` }, { 'https.caFile': caFile, ...timeout })),
      ),
    );
    expect([o.problem.code, o.retry]).toEqual(['ER_2012', true]);
    expect(o.problem.message.en).toContain('URL1: ER_2008 Error from the center (URL1, 127.0.0.1:');
    expect(o.problem.message.en).toContain('503 Service Unavailable: Down Back at 10:00 & later / URL2: ER_2008');
    expect(o.problem.message.en).toContain('301 Moved Permanently: Location: https://center.example.jp/new.cgi');
  });

  it('a 429 from the center is worth a retry', async () => {
    const o = failed(
      await route.send(
        sampleReport(),
        routeContext(httpsConfig({ url1: `https://127.0.0.1:${center.port}/status/429` }, { 'https.caFile': caFile, ...timeout })),
      ),
    );
    expect([o.problem.code, o.retry]).toEqual(['ER_2008', true]);
  });

  it('times out on a center that never answers (https.timeoutSeconds = 1)', async () => {
    const started = Date.now();
    const o = failed(
      await route.send(
        sampleReport(),
        routeContext(httpsConfig({ url1: `https://127.0.0.1:${center.port}/hang` }, { 'https.caFile': caFile, 'https.timeoutSeconds': 1 })),
      ),
    );
    expect(o.problem.code).toBe('ER_2003');
    expect(o.problem.message.en).toContain('within 1 s (waiting for the reply)');
    expect(o.retry).toBe(true);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('times out while connecting to a peer that never starts TLS', async () => {
    const silent = await startSilentServer();
    try {
      const o = failed(
        await route.send(sampleReport(), routeContext(httpsConfig({ url1: `https://127.0.0.1:${silent.port}/` }, { 'https.timeoutSeconds': 1 }))),
      );
      expect(o.problem.message.en).toContain('within 1 s (while connecting)');
    } finally {
      await silent.close();
    }
  });

  it("names a host that does not resolve, and the two destinations' problems together", async () => {
    const url2 = `https://127.0.0.1:${await closedPort()}/`;
    const o = failed(await route.send(sampleReport(), routeContext(httpsConfig({ url1: 'https://no-such-host.invalid/x.cgi', url2 }, timeout))));
    expect(o.problem.code).toBe('ER_2012');
    expect(o.problem.message.en).toMatch(/URL1: ER_2001 Cannot resolve the host name no-such-host\.invalid .* URL2: ER_2002 Cannot connect .*ECONNREFUSED/);
    expect(o.retry).toBe(true);
  });

  it('malformed or missing destinations: no retry', async () => {
    const ctx = (url1: string) => routeContext(httpsConfig({ url1 }, timeout));
    expect(failed(await route.send(sampleReport(), ctx('https//center/x'))).problem.code).toBe('ER_2009');
    expect(failed(await route.send(sampleReport(), ctx(`http://127.0.0.1:${center.port}/`))).problem.message.en).toContain('only https:// URLs');
    const o = failed(await route.send(sampleReport({ kind: 'test', target: 'secondary' }), ctx(center.url)));
    expect([o.problem.code, o.retry]).toEqual(['ER_2010', false]);
  });

  it('stops when the service shuts down, during an attempt or before it', async () => {
    const config = httpsConfig({ url1: `https://127.0.0.1:${center.port}/hang` }, { 'https.caFile': caFile, ...timeout });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 200);
    expect(failed(await route.send(sampleReport(), routeContext(config, stop.signal))).problem.code).toBe('ER_2014');
    expect(failed(await route.send(sampleReport(), routeContext(config, AbortSignal.abort()))).problem.code).toBe('ER_2014');
  });

  it('an attachment that cannot be read: its own problem, retry', async () => {
    const attachment = () =>
      Readable.from(
        (async function* () {
          yield Buffer.alloc(70_000, 1);
          throw new Error('EIO: the log disk went away');
        })(),
      );
    const o = failed(await route.send(sampleReport(), routeContext(httpsConfig({ url1: center.url }, { 'https.caFile': caFile, ...timeout })), { attachment }));
    expect([o.problem.code, o.retry]).toEqual(['ER_2015', true]);
    expect(o.problem.message.en).toContain('EIO: the log disk went away');
  });
});

describe('HttpsRoute through tinyproxy (Basic auth)', () => {
  const viaProxy = (password: string) => ({
    'https.proxy.use': true,
    'https.proxy.host': '127.0.0.1',
    'https.proxy.port': proxy.port,
    'https.proxy.user': proxy.user,
    'https.proxy.password': password,
    'https.caFile': caFile,
    ...timeout,
  });

  it('delivers with the right password; the center saw the id and the proxy the CONNECT', async () => {
    const report = sampleReport();
    const o = await route.send(report, routeContext(httpsConfig({ url1: center.url }, viaProxy(proxy.password))));
    expect(o.ok).toBe(true);
    expect(center.received.find((r) => r.reportId === report.id)?.report).toEqual(report);
    expect(proxy.log()).toContain(`CONNECT 127.0.0.1:${center.port}`);
  });

  it("no credentials: the proxy's 407, naming the proxy and the settings to check", async () => {
    const report = sampleReport();
    const o = failed(await route.send(report, routeContext(httpsConfig({ url1: center.url }, { ...viaProxy(''), 'https.proxy.user': '' }))));
    expect(o.problem.code).toBe('ER_2006');
    expect(o.problem.field).toBe('https.proxy.user');
    expect(o.problem.message.en).toContain(`The proxy 127.0.0.1:${proxy.port} asked for authentication`);
    // The body of the proxy's page comes along only when it arrived with the headers (https-proxy-agent stops reading there).
    expect(o.problem.message.en).toContain('(407 Proxy Authentication Required: Proxy-Authenticate: Basic realm="Tinyproxy"');
    expect(o.problem.message.en).toContain('Check [User name] and [Password] under [Proxy server]');
    expect(o.problem.message.ja).toContain(`プロキシサーバ 127.0.0.1:${proxy.port} が認証を求めた`);
    expect(o.retry).toBe(true);
    expect(center.received.some((r) => r.reportId === report.id)).toBe(false);
  });

  it("a wrong password: the same coded message with the proxy's own answer (tinyproxy says 401)", async () => {
    const report = sampleReport();
    const o = failed(await route.send(report, routeContext(httpsConfig({ url1: center.url }, viaProxy('wrong')))));
    expect(o.problem.code).toBe('ER_2006');
    expect(o.problem.message.en).toMatch(new RegExp(`^The proxy 127\\.0\\.0\\.1:${proxy.port} .*\\(401 Unauthorized`));
    expect(o.problem.message.en).not.toContain('wrong');
    expect(center.received.some((r) => r.reportId === report.id)).toBe(false);
  });

  it('another refusal of the proxy (it cannot reach the center) keeps its status line', async () => {
    const o = failed(
      await route.send(sampleReport(), routeContext(httpsConfig({ url1: `https://127.0.0.1:${await closedPort()}/` }, viaProxy(proxy.password)))),
    );
    expect(o.problem.code).toBe('ER_2007');
    expect(o.problem.message.en).toMatch(/did not open a connection to 127\.0\.0\.1:\d+: 500 Unable to connect/);
  });

  it('a proxy that is not there: cannot connect, naming the proxy', async () => {
    const o = failed(
      await route.send(
        sampleReport(),
        routeContext(httpsConfig({ url1: center.url }, { ...viaProxy(proxy.password), 'https.proxy.port': await closedPort() })),
      ),
    );
    expect(o.problem.code).toBe('ER_2002');
    expect(o.problem.message.en).toMatch(/^Cannot connect to the proxy 127\.0\.0\.1:\d+/);
  });
});
