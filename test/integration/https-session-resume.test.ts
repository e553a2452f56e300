/**
 * The HTTPS route resumes the center's TLS session (service/routes/https/sessions.ts): the second report to a center
 * makes no full handshake. The connection test always makes one, and so does a report after the CA file changed.
 * The center is a node:https server on loopback that records, per request, whether its TLS session was resumed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:https';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TLSSocket } from 'node:tls';
import { HttpsRoute } from '../../service/routes/https/route.js';
import { testConnection } from '../../service/routes/https/test-connection.js';
import { makeTestPki, type TestPki } from '../helpers/peers/test-ca.js';
import { httpsConfig, openClear, routeContext, sampleReport } from '../helpers/peers/https-config.js';

let pki: TestPki;
let dir: string;
let server: Server;
let url: string;
/** Per request the center answered: was its TLS session resumed? */
const resumed: boolean[] = [];
const route = new HttpsRoute({ version: '1.0.0' });

beforeAll(async () => {
  pki = makeTestPki();
  dir = await mkdtemp(join(tmpdir(), 'express-report-resume-'));
  server = createServer({ key: pki.server.keyPem, cert: pki.server.certPem }, (req, res) => {
    resumed.push((req.socket as TLSSocket).isSessionReused());
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/Scripts/trsRecvAlert.cgi`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

async function send(caFile: string): Promise<boolean> {
  const before = resumed.length;
  const o = await route.send(sampleReport(), routeContext(httpsConfig({ url1: url }, { 'https.caFile': caFile, 'https.timeoutSeconds': 5 })));
  expect(o.ok).toBe(true);
  expect(resumed.length).toBe(before + 1);
  return resumed[before]!;
}

describe('TLS session resumption', () => {
  it('resumes the session for the next report to the same center, under the same trust only', async () => {
    const caFile = join(dir, 'ca.pem');
    await writeFile(caFile, pki.ca.certPem);
    expect(await send(caFile)).toBe(false);
    expect(await send(caFile)).toBe(true);
    expect(await send(caFile)).toBe(true);

    // Another CA set (the CA file changed): a full handshake, the certificate checked against the new trust.
    const other = join(dir, 'other-ca.pem');
    await writeFile(other, `${pki.ca.certPem}\n${pki.server.certPem}`);
    expect(await send(other)).toBe(false);
    expect(await send(other)).toBe(true);

    // The connection test checks the certificate the center shows now: never a resumed session.
    const before = resumed.length;
    const checks = [];
    for await (const c of testConnection(httpsConfig({ url1: url }, { 'https.caFile': caFile, 'https.timeoutSeconds': 5 }), openClear)) checks.push(c);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(resumed.slice(before)).toEqual([false]);
  });
});
