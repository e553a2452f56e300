/**
 * The command line and the running service over the mail and dial-up routes, as an operator uses them: init →
 * activate → choose the route → テスト通報 → 開局通報 → the service delivers a pseudo failure report. Real peers: an
 * SMTP server on loopback, and a Hayes modem emulator on a socat pseudo-terminal pair.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { parseMail, startSmtpPeer, type SmtpPeer } from '../helpers/peers/smtp-server.js';
import { startModemEmulator, type ModemEmulator } from '../helpers/peers/modem-emulator.js';
import { processCli } from '../helpers/process-cli.js';
import { activateArgs } from '../helpers/activation.js';
import { mailRouteSettings } from '../helpers/mail-route.js';
import { startService, until, type ServiceProcess } from '../helpers/service-process.js';

let base: string;
let smtp: SmtpPeer;
let modem: ModemEmulator;
const services: ServiceProcess[] = [];

/** A configured, key-code-activated machine in its own folders, with `route settings` applied. */
async function machine(name: string, routeSettings: string[]) {
  const { argv, run } = processCli(join(base, name, 'config'), join(base, name, 'state'));
  expect((await run(['init'])).code).toBe(0);
  expect((await run(activateArgs('S1', ['--service', 'express'], { serverName: name.toUpperCase(), deviceCode: 'N8100-2810', serial: '7' }))).code).toBe(0);
  const set = await run(['config', 'set', ...routeSettings, 'suppression.use', 'off']);
  expect(set.code, set.err).toBe(0);
  const start = async () => {
    services.push(await startService({ argv, stateDir: join(base, name, 'state') }, ['--no-os-events']));
  };
  return { run, startService: start };
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-svc-routes-'));
  smtp = await startSmtpPeer({ cert: makeTestPki().server, security: 'none', authMethods: [] });
  modem = await startModemEmulator(await mkdtemp(join(tmpdir(), 'er-modem-')));
}, 60_000);

afterAll(async () => {
  await Promise.all(services.map((s) => s.stop()));
  await smtp?.close();
  await modem?.stop();
  await rm(base, { recursive: true, force: true });
});

describe('the service over mail and dial-up', () => {
  it('mail: test and activation notifications, then a pseudo failure report, each arriving once with its id', async () => {
    const m = await machine('mailhost', mailRouteSettings(smtp.port));
    const t = await m.run(['test-notify', '--result-mail', 'result@example.jp']);
    expect(t.code, t.err).toBe(0);
    const a = await m.run(['activate-notify']);
    expect(a.code, a.err).toBe(0);
    expect((await m.run(['config', 'get', 'activation.state'])).out.trim()).toBe('active');
    await m.startService();
    const e = JSON.parse((await m.run(['event', '--source', 'atapi', '--id', '0xc0040006', '--message', 'disk error'])).out.trim().split('\n').at(-1)!) as {
      reportId: string;
    };
    await until(() => smtp.received.some((r) => r.reportId === e.reportId), 20_000, 'the failure mail');

    // test, activation, the configuration information that follows activation (AMHTPHBI.INF from init), the failure
    await until(() => smtp.received.length >= 4, 20_000, 'the configuration information mail');
    const ids = smtp.received.map((r) => r.reportId);
    expect(new Set(ids).size).toBe(ids.length); // none twice
    expect(smtp.received.map((r) => r.to)).toEqual(Array(4).fill(['center@example.jp']));
    const kinds = smtp.received.map(
      (r) =>
        parseMail(r.raw)
          .parts.map((p) => p.text ?? '')
          .join('')
          .match(/^Kind: (\w+)/m)?.[1],
    );
    expect(kinds.sort()).toEqual(['activation', 'failure', 'heartbeat', 'test']);
    const failure = parseMail(smtp.received.find((r) => r.reportId === e.reportId)!.raw);
    const text = failure.parts.map((p) => p.text ?? '').join('\n');
    expect(text).toMatch(/EventID: 0xc0040006/i);
    expect(text).toContain(`ReportId: ${e.reportId}`);
    expect(text).toContain('ServerName: MAILHOST');
  }, 120_000);

  it('dial-up: the test notification is dialled, framed and acknowledged; the state becomes tested', async () => {
    const m = await machine('dialhost', [
      'express.route',
      'dialup',
      'dialup.serial.port',
      modem.modemPath,
      'dialup.primary.number',
      '03-1234-5678',
      'dialup.zeroDial',
      'on',
      'mail.smime',
      'off',
    ]);
    const t = await m.run(['test-notify']);
    expect(t.code, t.err).toBe(0);
    expect((await m.run(['config', 'get', 'activation.state'])).out.trim()).toBe('tested');
    expect(modem.dials).toEqual(['ATDT0,03-1234-5678']);
    expect(modem.frames).toHaveLength(1);
    expect(modem.frames[0]!.report).toMatchObject({ kind: 'test', machine: { serverName: 'DIALHOST' } });
    expect(modem.hangups).toBeGreaterThan(0);
  }, 120_000);
});
