/**
 * Whose certificate the center must present (issue 10 item 1). Through the proxy, https-proxy-agent opens TLS on the
 * tunnel with neither a host nor (for an IP address) SNI, so Node checked the certificate against "localhost", its
 * default: `https://127.0.0.1/` and `https://[::1]/` accepted a certificate for DNS:localhost and refused the right one
 * for their IP address. Now the certificate is always checked against the host of the URL: an IP address against the
 * certificate's IP addresses (and no SNI, RFC 6066), a name against its DNS names (sent as SNI).
 *
 * Real peers on loopback: tinyproxy (addressed as "localhost" and as "127.0.0.1") and node:https centers, one per
 * certificate; each URL form (IPv4, IPv6, a host name) has a right certificate (only the URL's host) and a wrong one
 * (the other two loopback identities, so "localhost" for the IP forms). The direct route is checked the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpsRoute } from '../../service/routes/https/route.js';
import { testConnection, type ConnectionCheck } from '../../service/routes/https/test-connection.js';
import { type Config } from '../../shared/config/model.js';
import { type Settings } from '../../shared/settings/schema.js';
import { makeCa, type Issued } from '../fixtures/keyfile/generate.js';
import { makeServerCert } from '../helpers/peers/test-ca.js';
import { startReceiver, type Receiver } from '../helpers/peers/https-receiver.js';
import { startTinyproxy, type Tinyproxy } from '../helpers/peers/tinyproxy.js';
import { httpsConfig, openClear, routeContext, sampleReport } from '../helpers/peers/https-config.js';

/** Whether this machine has an IPv6 loopback to listen on (containers often have none). */
function canListenOn(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(0, host, () => s.close(() => resolve(true)));
  });
}
const ipv6 = await canListenOn('::1');

interface Form {
  name: string;
  /** The address the center listens on. */
  listen: string;
  /** The host as it appears in the URL. */
  urlHost: string;
  right: string[];
  wrong: string[];
  /** The SNI the center must see: a name is sent, an IP address never is. */
  sni: string | undefined;
  /** How Node words the mismatch, naming the URL's host (not the proxy's). */
  mismatch: string;
}

const forms: Form[] = [
  {
    name: 'IPv4',
    listen: '127.0.0.1',
    urlHost: '127.0.0.1',
    right: ['127.0.0.1'],
    wrong: ['::1', 'localhost'],
    sni: undefined,
    mismatch: "IP: 127.0.0.1 is not in the cert's list",
  },
  {
    name: 'IPv6',
    listen: '::1',
    urlHost: '[::1]',
    right: ['::1'],
    wrong: ['127.0.0.1', 'localhost'],
    sni: undefined,
    mismatch: "IP: ::1 is not in the cert's list",
  },
  {
    name: 'host name',
    listen: '127.0.0.1',
    urlHost: 'localhost',
    right: ['localhost'],
    wrong: ['127.0.0.1', '::1'],
    sni: 'localhost',
    mismatch: 'Host: localhost. is not',
  },
];

/** Through the proxy addressed by name and by address, and directly (which was right before and must stay so). */
const ways: Array<{ name: string; proxyHost?: string }> = [
  { name: 'proxy "localhost"', proxyHost: 'localhost' },
  { name: 'proxy "127.0.0.1"', proxyHost: '127.0.0.1' },
  { name: 'no proxy' },
];

let dir: string;
let caFile: string;
let proxy: Tinyproxy;
const centers = new Map<string, Receiver>();
const route = new HttpsRoute({ version: '1.0.0' });

const available = (f: Form): boolean => f.listen !== '::1' || ipv6;

beforeAll(async () => {
  const ca: Issued = makeCa('Express Report Identity Test CA');
  dir = await mkdtemp(join(tmpdir(), 'express-report-proxy-identity-'));
  caFile = join(dir, 'center-ca.pem');
  await writeFile(caFile, ca.certPem);
  for (const f of forms.filter(available)) {
    centers.set(`${f.name} right`, await startReceiver(makeServerCert(ca, f.right), undefined, f.listen));
    centers.set(`${f.name} wrong`, await startReceiver(makeServerCert(ca, f.wrong), undefined, f.listen));
  }
  proxy = await startTinyproxy();
}, 60_000);
afterAll(async () => {
  for (const c of centers.values()) await c.close();
  await proxy?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function config(url: string, proxyHost: string | undefined): Config {
  const settings: Partial<Settings> = { 'https.caFile': caFile, 'https.timeoutSeconds': 5 };
  if (proxyHost) {
    Object.assign(settings, {
      'https.proxy.use': true,
      'https.proxy.host': proxyHost,
      'https.proxy.port': proxy.port,
      'https.proxy.user': proxy.user,
      'https.proxy.password': proxy.password,
    });
  }
  return httpsConfig({ url1: url }, settings);
}

async function checks(c: Config): Promise<string[]> {
  const out: ConnectionCheck[] = [];
  for await (const x of testConnection(c, openClear, { version: '1.0.0' })) out.push(x);
  return out.map((x) => `${x.ok ? 'SUCCESS' : 'FAILURE'} ${x.check} ${x.problem?.code ?? ''}`.trim());
}

for (const way of ways) {
  describe(`the center's identity, ${way.name}`, () => {
    for (const f of forms) {
      const title = available(f) ? `${f.name} URL` : `${f.name} URL (SKIPPED: this machine has no IPv6 loopback ::1 to listen on)`;
      describe.skipIf(!available(f))(title, () => {
        const urlOf = (which: 'right' | 'wrong'): { url: string; center: Receiver; authority: string } => {
          const center = centers.get(`${f.name} ${which}`)!;
          return { url: `https://${f.urlHost}:${center.port}/Scripts/trsRecvAlert.cgi`, center, authority: `${f.urlHost}:${center.port}` };
        };

        it("a certificate for the URL's host: delivered, with SNI only for a name", async () => {
          const { url, center, authority } = urlOf('right');
          const report = sampleReport();
          const o = await route.send(report, routeContext(config(url, way.proxyHost)));
          expect(o.ok ? 'delivered' : `${o.problem.code} ${o.problem.message.en}`).toBe('delivered');
          const got = center.received.find((r) => r.reportId === report.id);
          expect(got?.report).toEqual(report);
          expect(got?.sni).toBe(f.sni);
          if (way.proxyHost) expect(proxy.log()).toContain(`CONNECT ${authority}`);
        });

        it("a certificate for the other loopback identities only: refused with ER_2004 naming the URL's host", async () => {
          const { url, center } = urlOf('wrong');
          const report = sampleReport();
          const o = await route.send(report, routeContext(config(url, way.proxyHost)));
          if (o.ok) throw new Error(`delivered to a center whose certificate is not for ${f.urlHost}: ${o.detail}`);
          expect(o.problem.code).toBe('ER_2004');
          expect(o.problem.message.en).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
          expect(o.problem.message.en).toContain(f.mismatch);
          expect(center.received.some((r) => r.reportId === report.id)).toBe(false);
        });

        it('test-connection: the TLS check passes for the right certificate and fails for the wrong one', async () => {
          const before = way.proxyHost ? ['SUCCESS resolve', 'SUCCESS proxy', 'SUCCESS proxy-connect'] : ['SUCCESS resolve'];
          expect(await checks(config(urlOf('right').url, way.proxyHost))).toEqual([...before, 'SUCCESS tls', 'SUCCESS http']);
          expect(await checks(config(urlOf('wrong').url, way.proxyHost))).toEqual([...before, 'FAILURE tls ER_2004']);
        });
      });
    }
  });
}
