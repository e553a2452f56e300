/**
 * Issue 16: the bundle a package ships (out/service, EXPRESS_REPORT_BUNDLED=1) loads a route's code when the route is
 * used. An idle service with the HTTPS route holds no mail, modem, S/MIME, proxy or zip-reading package; the mail route
 * chosen later (a config change the running service picks up) loads and delivers. What is loaded is V8's own list of
 * parsed scripts, read by the status's debug field (service/daemon/debug-status.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildService } from '../../scripts/build.js';
import { ServiceClient } from '../../shared/node/service-client.js';
import { type ServiceStatus } from '../../shared/host/service-types.js';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { startSmtpPeer, type SmtpPeer } from '../helpers/peers/smtp-server.js';
import { activatedMachine, startCenter, startService, until, type Center, type Machine, type ServiceProcess } from '../helpers/service-process.js';

/** Packages only a route or command other than HTTPS needs. */
const NOT_AT_IDLE = ['nodemailer', 'node-pop3', 'node-forge', 'serialport', '@serialport/stream', 'https-proxy-agent', 'yauzl', 'csv-parse', 'vite', 'saxes'];

let base: string;
let center: Center;
let smtp: SmtpPeer;
let machine: Machine;
let service: ServiceProcess | undefined;
const bundled = process.env.EXPRESS_REPORT_BUNDLED;

/** Node's own modules only the first delivery needs (the HTTPS route loads on its first send). */
const BUILTINS_NOT_AT_IDLE = ['https', 'tls'];

async function debug(): Promise<NonNullable<ServiceStatus['debug']>> {
  const s = await (await ServiceClient.connect(machine.stateDir)).status();
  if (!s.debug) throw new Error('no debug field in the status: EXPRESS_REPORT_DEBUG_STATUS did not reach the service');
  return s.debug;
}

async function packages(): Promise<string[]> {
  return (await debug()).packages;
}

async function builtins(): Promise<string[]> {
  return (await debug()).builtins ?? [];
}

async function event(message: string): Promise<string> {
  const r = await (await ServiceClient.connect(machine.stateDir)).event({ source: 'atapi', id: '0xc0040006', message });
  if (r.result !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(r)}`);
  return r.reportId;
}

beforeAll(async () => {
  await buildService();
  process.env.EXPRESS_REPORT_BUNDLED = '1'; // the command line the machine is made with runs the bundle too
  base = await mkdtemp(join(tmpdir(), 'er-on-demand-'));
  center = await startCenter(base);
  smtp = await startSmtpPeer({ cert: makeTestPki().server, security: 'none', authMethods: [] });
  machine = await activatedMachine(base, { url: center.receiver.url, caFile: center.caFile, settings: ['suppression.use', 'off'], state: 'active' });
  service = await startService(machine, ['--no-os-events'], { EXPRESS_REPORT_DEBUG_STATUS: '1' });
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await center?.receiver.close();
  await smtp?.close();
  if (base) await rm(base, { recursive: true, force: true });
  if (bundled === undefined) delete process.env.EXPRESS_REPORT_BUNDLED;
  else process.env.EXPRESS_REPORT_BUNDLED = bundled;
});

describe('route code loaded on demand (the bundled service)', () => {
  it('an idle service loads no route (not even node:tls), and after an HTTPS delivery only the HTTPS route', async () => {
    const idle = await packages();
    expect(idle).toContain('zod'); // the list is real: the settings' schemas are always loaded
    expect(idle.filter((p) => NOT_AT_IDLE.includes(p))).toEqual([]);
    const idleBuiltins = await builtins();
    expect(idleBuiltins).toContain('fs'); // the list is real
    expect(idleBuiltins.filter((b) => BUILTINS_NOT_AT_IDLE.includes(b))).toEqual([]);

    const id = await event('over https');
    await until(() => center.receiver.received.some((r) => r.reportId === id), 20_000, 'the HTTPS delivery', service!.log);
    expect((await packages()).filter((p) => NOT_AT_IDLE.includes(p))).toEqual([]);
    expect(await builtins()).toEqual(expect.arrayContaining(BUILTINS_NOT_AT_IDLE)); // loaded by the first delivery
  });

  it('the mail route chosen while the service runs is loaded then, and delivers', async () => {
    const status = async () => (await ServiceClient.connect(machine.stateDir)).status();
    const before = (await status()).config?.hash;
    const mail = ['express.route', 'mail', 'mail.smtp.host', '127.0.0.1', 'mail.smtp.port', String(smtp.port), 'mail.sender', 'server@example.jp'];
    const set = await machine.cli(['config', 'set', ...mail, 'mail.to', 'center@example.jp', 'mail.smime', 'off']);
    expect(set.code, set.err).toBe(0);
    await until(async () => (await status()).config?.hash !== before, 20_000, 'the service to load the change', service!.log);
    const id = await event('over mail');
    await until(() => smtp.received.some((r) => r.reportId === id), 30_000, 'the mail delivery', service!.log);
    expect(await packages()).toContain('nodemailer');
  });
});
