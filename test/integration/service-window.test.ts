/**
 * The time window and the retry limit in real time, against the real service process and a real HTTPS receiver:
 * a report accepted while the window is closed is held (status names when it will go) and goes out by itself when the
 * window opens; a report whose limit passed while the service was down is expired at start, visible in status and the
 * log, and never sent. The service runs in a time zone where it is about noon, so the window never crosses midnight.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { startReceiver, type Receiver } from '../helpers/peers/https-receiver.js';
import { activatedMachine, startService as startServiceProcess, until, type Machine, type ServiceProcess } from '../helpers/service-process.js';
import { Spool } from '../../service/spool/spool.js';

let base: string;
let receiver: Receiver;
let machine: Machine;
let service: ServiceProcess | undefined;
const cli = (args: string[]) => machine.cli(args);
const state = () => machine.stateDir;
const log = () => service?.log() ?? '';

/** An IANA zone (Etc/GMT-h is UTC+h) in which it is 12:xx now. */
const offsetHours = 12 - new Date().getUTCHours();
const zone = `Etc/GMT${offsetHours > 0 ? '-' : '+'}${Math.abs(offsetHours)}`;
const localInZone = (t: number) => new Date(t + offsetHours * 3_600_000); // read with getUTC*()
const hhmm = (d: Date) => `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;

type Status = { state: string; pending: number; expired: number; nextRetry?: string };
const status = async () => JSON.parse((await cli(['status', '--json'])).out) as Status;

async function startService(): Promise<void> {
  service = await startServiceProcess(machine, ['--no-os-events'], { TZ: zone });
}

async function stopService(): Promise<void> {
  await service?.stop();
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-svc-window-'));
  const pki = makeTestPki();
  receiver = await startReceiver(pki.server);
  await writeFile(join(base, 'ca.pem'), pki.ca.certPem);
  machine = await activatedMachine(base, { url: receiver.url, caFile: join(base, 'ca.pem'), settings: ['suppression.use', 'off'], state: 'active' });
}, 120_000);

afterAll(async () => {
  await stopService();
  await receiver?.close();
  await rm(base, { recursive: true, force: true });
});

describe('time window and retry limit, in real time', () => {
  it('holds a report while the window is closed and sends it by itself when the window opens', async () => {
    // The window opens at the next whole minute (the one after, if that is too close to set it up in time).
    let opens = Math.ceil(Date.now() / 60_000) * 60_000;
    if (opens - Date.now() < 8_000) opens += 60_000;
    const from = localInZone(opens);
    const window = `${hhmm(from)}-${hhmm(localInZone(opens + 3_600_000))}`;
    const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].flatMap((d) => [`schedule.window.${d}`, window]);
    expect((await cli(['config', 'set', ...days])).code).toBe(0);
    await startService();

    const e = JSON.parse((await cli(['event', '--source', 'atapi', '--id', '0xc0040006'])).out.trim().split('\n').at(-1)!) as {
      result: string;
      reportId: string;
    };
    expect(e.result).toBe('accepted');
    const held = await status();
    expect(held.pending).toBe(1);
    expect(Date.parse(held.nextRetry!)).toBe(opens); // status says when it goes
    expect(Date.now()).toBeLessThan(opens);
    expect(receiver.received.map((r) => r.reportId)).not.toContain(e.reportId);

    await until(() => receiver.received.some((r) => r.reportId === e.reportId), 90_000, 'the window to open and the report to arrive', log);
    expect(Date.now()).toBeGreaterThanOrEqual(opens);
    await until(async () => (await status()).pending === 0, 5_000, 'the report to leave the queue', log);
    await stopService();
  }, 120_000);

  it('expires at start a report whose limit passed while the service was down; status and the log show it', async () => {
    const all = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].flatMap((d) => [`schedule.window.${d}`, '00:00-24:00']);
    expect((await cli(['config', 'set', ...all, 'schedule.retry.limitHours', '72'])).code).toBe(0);
    // Accepted 73 hours ago, then the machine was off: the service finds it in its spool at start.
    const spool = await Spool.open(state());
    const old = await spool.accept({
      kind: 'failure',
      createdAt: new Date(Date.now() - 73 * 3_600_000).toISOString(),
      machine: { serverName: 'S1', deviceCode: 'N8100-2810', serialNumber: '1', userSystemCode: '' },
      event: { source: 'disk', id: 0xc0040007, time: new Date().toISOString(), message: 'bad block' },
    });
    const before = receiver.received.length;
    await startService();
    await until(async () => (await status()).expired > 0, 10_000, 'the old report to expire', log);
    expect(await readdir(join(state(), 'expired'))).toContain(`${old.id}.json`);
    expect(log()).toContain('ER_2102');
    expect(log()).toContain(old.id);
    const human = await cli(['status']);
    expect(human.out).toMatch(/expired/i);
    expect(receiver.received.length).toBe(before);
    expect(receiver.received.map((r) => r.reportId)).not.toContain(old.id);
  }, 60_000);
});
