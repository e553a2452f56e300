/**
 * The manager's forwarding (docs/relay.md "Forwarding") in the real service, in-process, with real peers on loopback:
 * relayed reports are placed the way the receiver places them (the frame stored in relay/received/, then
 * relayHandoff.relayed; the last test: over TCP to a service process, through the receiver), and go on by the forwarding route of their port: e-mail to an SMTP server, HTTPS to a center,
 * dial-up to a Hayes modem emulator on a pseudo-terminal (several in one call: 一括通報), each with the agent's id,
 * machine and attachment; the stored frame is gone once the report is sent. A relayed test notification goes at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ReportingService } from '../../service/daemon/service.js';
import { RESOURCES_DIR } from '../../service/app-paths.js';
import { relayedIntake } from '../../service/intake/relayed.js';
import { storedPayloadBytes } from '../../service/relay/forwarded-frames.js';
import { receivedFrame } from '../../service/relay/frame-file.js';
import { encodeFrame } from '../../service/routes/frame/codec.js';
import { Spool } from '../../service/spool/spool.js';
import { type RelayVia } from '../../service/spool/record.js';
import { ConfigStore } from '../../shared/node/config-store.js';
import { type Report } from '../../shared/report/model.js';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { parseMail, startSmtpPeer, type SmtpPeer } from '../helpers/peers/smtp-server.js';
import { startModemEmulator, type ModemEmulator } from '../helpers/peers/modem-emulator.js';
import { activatedMachine, startCenter, startService, until, type Center, type Machine, type ServiceProcess } from '../helpers/service-process.js';
import { connect, createServer } from 'node:net';
import { FrameDecoder, type Frame } from '../../service/routes/frame/codec.js';

let base: string;
let smtp: SmtpPeer;
let center: Center;
let modem: ModemEmulator;
const running: ReportingService[] = [];
const processes: ServiceProcess[] = [];

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-relay-fwd-'));
  smtp = await startSmtpPeer({ cert: makeTestPki().server, security: 'none', authMethods: [] });
  center = await startCenter(base);
  modem = await startModemEmulator(await mkdtemp(join(tmpdir(), 'er-relay-modem-')));
}, 60_000);

afterAll(async () => {
  for (const s of running) await s.stop();
  for (const p of processes) await p.stop();
  await smtp?.close();
  await center?.receiver.close();
  await modem?.stop();
  await rm(base, { recursive: true, force: true });
});

/** A manager: configured (key code, not activated itself: forwarding does not need that), its relays and routes set. */
async function manager(name: string, settings: string[]): Promise<Machine> {
  return activatedMachine(join(base, name), {
    url: center.receiver.url,
    caFile: center.caFile,
    settings: [
      'mail.smtp.host',
      '127.0.0.1',
      'mail.smtp.port',
      String(smtp.port),
      'mail.sender',
      'manager@example.jp',
      'mail.to',
      'center@example.jp',
      'mail.smime',
      'off',
      'mail.encoding',
      'base64',
      ...settings,
    ],
  });
}

const start = async (m: Machine): Promise<ReportingService> => {
  const s = await ReportingService.start({ configDir: m.configDir, stateDir: m.stateDir, resourcesDir: RESOURCES_DIR, echo: () => undefined, osEvents: false });
  running.push(s);
  return s;
};

const agentMachine = (n: number) => ({ serverName: `AGENT${n}`, deviceCode: 'N8100-9999', serialNumber: `A${n}`, userSystemCode: `U000${n}` });

function agentReport(n: number, over: Partial<Report> = {}): Report {
  return {
    id: randomUUID(),
    kind: 'failure',
    createdAt: '2020-01-01T00:00:00.000Z', // the agent's clock: the manager's retry limit does not count from it
    machine: agentMachine(n),
    event: { source: 'atapi', id: 0xc0040006, time: '2020-01-01T00:00:00.000Z', message: `disk error on agent ${n}` },
    count: 2,
    ...over,
  };
}

/** What the receiver does with a report it stored: the frame as the agent sent it, in relay/received/. */
async function storeFrame(stateDir: string, report: Report, payload: Buffer): Promise<void> {
  const file = receivedFrame(stateDir, report.id);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, encodeFrame({ type: 'report', id: report.id, header: Buffer.from(JSON.stringify(report)), payload }));
}

const serviceLog = (m: Machine): Promise<string> => readFile(join(m.stateDir, 'log', 'service.log'), 'utf8').catch(() => '');

const via = (port: RelayVia['port']): RelayVia => ({ port, from: '192.0.2.10', receivedAt: new Date().toISOString() });

describe('forwarding relayed reports from the manager', () => {
  it('31136 by e-mail and 31138 by HTTPS, each with the agent id, machine and attachment; the stored frame goes once sent', async () => {
    const m = await manager('mgr-mail', ['relay.express.enabled', 'on', 'relay.express.forward', 'mail', 'relay.https.enabled', 'on', 'express.route', 'off']);
    const s = await start(m);
    const byMail = agentReport(1);
    const byHttps = agentReport(2);
    const zip1 = randomBytes(30_000);
    const zip2 = randomBytes(50_000);
    await storeFrame(m.stateDir, byMail, zip1);
    await storeFrame(m.stateDir, byHttps, zip2);
    expect(await s.relayHandoff.relayed({ report: byMail, via: via('express') })).toEqual({ result: 'accepted', reportId: byMail.id });
    expect(await s.relayHandoff.relayed({ report: byHttps, via: via('https') })).toEqual({ result: 'accepted', reportId: byHttps.id });

    await until(() => smtp.received.some((r) => r.reportId === byMail.id), 20_000, 'the forwarded mail');
    const mail = parseMail(smtp.received.find((r) => r.reportId === byMail.id)!.raw);
    const text = mail.parts.map((p) => p.text ?? '').join('\n');
    expect(text).toContain(`ReportId: ${byMail.id}`);
    expect(text).toContain('ServerName: AGENT1');
    expect(mail.parts.find((p) => p.contentType === 'application/zip')!.data.equals(zip1)).toBe(true);

    await until(() => center.receiver.received.some((r) => r.reportId === byHttps.id), 20_000, 'the forwarded HTTPS report');
    const got = center.receiver.received.find((r) => r.reportId === byHttps.id)!;
    expect(got.report).toMatchObject({ id: byHttps.id, machine: agentMachine(2), createdAt: byHttps.createdAt, count: 2 });
    expect(got.parts.find((p) => p.name === 'attachment')!.content.equals(zip2)).toBe(true);
    expect(center.receiver.received.filter((r) => r.reportId === byMail.id)).toEqual([]); // each by its own port's route

    await until(() => !existsSync(receivedFrame(m.stateDir, byMail.id)) && !existsSync(receivedFrame(m.stateDir, byHttps.id)), 10_000, 'the frames deleted');
    const status = await s.status();
    expect(status.reports?.filter((r) => r.phase === 'sent').map((r) => r.id)).toEqual(expect.arrayContaining([byMail.id, byHttps.id]));
    await until(async () => (await serviceLog(m)).includes(`ER_6741`), 10_000, 'the forwarding logged with the agent address');
  }, 60_000);

  it('a stored report is taken after its relay was switched off; a relayed test notification goes at once and brings the center answer', async () => {
    const m = await manager('mgr-https', ['relay.https.enabled', 'on']);
    const s = await start(m);
    const r = agentReport(3);
    await storeFrame(m.stateDir, r, Buffer.alloc(0));
    // relay.express.enabled is off: the agent had its ACK when the frame was stored, so the manager still takes it
    expect(await s.relayHandoff.relayed({ report: r, via: via('express') })).toMatchObject({ result: 'accepted', reportId: r.id });
    expect(s.relayHandoff.inSpool(r.id)).toBe(true);
    const test = agentReport(4, { kind: 'test', target: 'primary', resultMail: 'agent4@example.jp', event: undefined });
    const o = await s.relayHandoff.forwardNow({ report: test, via: via('https') }, new AbortController().signal);
    expect(o).toMatchObject({ ok: true });
    const got = center.receiver.received.find((x) => x.reportId === test.id)!;
    expect(got.report).toMatchObject({ kind: 'test', machine: agentMachine(4), resultMail: 'agent4@example.jp' });
  }, 60_000);

  it('dial-up bulk forwarding (一括通報): three waiting reports in one call, each frame acknowledged in turn', async () => {
    const m = await manager('mgr-modem', [
      'relay.express.enabled',
      'on',
      'relay.express.forward',
      'dialup',
      'dialup.serial.port',
      modem.modemPath,
      'dialup.primary.number',
      '123-456-7890',
      'dialup.intervalSeconds',
      '0',
    ]);
    // Three reports waiting when the service starts (relayed before a restart), placed through the relayed intake.
    const reports = [agentReport(5), agentReport(6), agentReport(7)];
    const payloads = reports.map(() => randomBytes(8_000));
    const config = (await ConfigStore.open(m.configDir)).config;
    const spool = await Spool.open(m.stateDir);
    const intake = relayedIntake({
      spool,
      config: () => config,
      payloadBytes: (id) => storedPayloadBytes(m.stateDir, id),
      framePath: (id) => receivedFrame(m.stateDir, id),
    });
    for (const [i, r] of reports.entries()) {
      await storeFrame(m.stateDir, r, payloads[i]!);
      expect(await intake({ report: r, via: via('express') })).toMatchObject({ result: 'accepted' });
    }
    const dials = modem.dials.length;
    await start(m);
    await until(() => reports.every((r) => modem.frames.some((f) => f.id === r.id)), 30_000, 'the three frames');
    expect(modem.dials.length - dials).toBe(1); // one call for all three
    for (const [i, r] of reports.entries()) {
      const f = modem.frames.find((x) => x.id === r.id)!;
      expect(f.report).toMatchObject({ id: r.id, machine: r.machine });
      expect(f.payload!.equals(payloads[i]!)).toBe(true);
    }
    await until(() => reports.every((r) => !existsSync(receivedFrame(m.stateDir, r.id))), 10_000, 'the frames deleted');
    await until(
      async () => /ER_6742.*3 agents' reports went by dialup in one call; 3 were acknowledged/.test(await serviceLog(m)),
      10_000,
      'the bulk call logged',
    );
    // a relayed test notification over dial-up: acknowledged, and the detail says no result comes
    const test = agentReport(8, { kind: 'test', target: 'primary', event: undefined });
    const o = await running.at(-1)!.relayHandoff.forwardNow({ report: test, via: via('express') }, new AbortController().signal);
    expect(o).toMatchObject({ ok: true, detail: expect.stringContaining('ER_6740') as string });
  }, 90_000);

  it('through the real path: an agent frame over TCP to a manager service process, acknowledged, then forwarded by e-mail with its id', async () => {
    const free = createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', () => r()));
    const port = (free.address() as { port: number }).port;
    await new Promise<void>((r) => free.close(() => r()));
    const m = await manager('mgr-process', ['relay.express.enabled', 'on', 'relay.express.forward', 'mail', 'relay.express.port', String(port)]);
    processes.push(await startService(m, ['--no-os-events']));
    const r = agentReport(9);
    const zip = randomBytes(20_000);
    const frame = encodeFrame({ type: 'report', id: r.id, header: Buffer.from(JSON.stringify(r)), payload: zip });
    const answers = await new Promise<Frame[]>((resolve, reject) => {
      const got: Frame[] = [];
      const dec = new FrameDecoder({ accept: ['ack', 'nak'] });
      const sock = connect(port, '127.0.0.1');
      sock.on('data', (c: Buffer) => {
        got.push(...dec.push(c));
        if (got.length > 0) {
          sock.destroy();
          resolve(got);
        }
      });
      sock.on('error', reject);
      sock.on('close', () => resolve(got));
      sock.write(frame);
    });
    expect(answers).toEqual([{ type: 'ack', id: r.id }]);
    await until(() => smtp.received.some((x) => x.reportId === r.id), 30_000, 'the forwarded mail');
    const mail = parseMail(smtp.received.find((x) => x.reportId === r.id)!.raw);
    expect(mail.parts.map((p) => p.text ?? '').join('\n')).toContain('ServerName: AGENT9');
    expect(mail.parts.find((p) => p.contentType === 'application/zip')!.data.equals(zip)).toBe(true);
    await until(() => !existsSync(receivedFrame(m.stateDir, r.id)), 10_000, 'the frame deleted');
  }, 60_000);
});
