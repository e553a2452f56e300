/**
 * 保守中 (pause for maintenance) against the real service and a real HTTPS receiver (docs/delivery.md, "Maintenance
 * pause"): only while 運用中; the center gets a 'maintenance' start notice; a failure event during the pause is accepted
 * and kept, not sent; a restart stays paused; resume sends what was held and tells the center of the end; --expire-held
 * moves the held reports to expired with the reason; an end time resumes by itself. No timed assertions: each step waits
 * for its outcome.
 */
import { describe, it, expect } from 'vitest';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { activatedMachine, handEditState, startService, until as untilLogged, type Machine } from '../helpers/service-process.js';
import { serviceWithCenter } from '../helpers/service-with-center.js';
import { type ServiceStatus } from '../../shared/host/service-types.js';
import { type MaintenanceNotice } from '../../shared/host/maintenance.js';

let answer = 200;
const fx = serviceWithCenter({ prefix: 'er-maintenance-', status: () => answer, machineDir: 'm', state: 'active', serviceArgs: ['--no-os-events'] });
const log = fx.log;
const until = (check: () => boolean | Promise<boolean>, what: string) => untilLogged(check, 30_000, what, log);
const status = async (m: Machine = fx.machine) => JSON.parse((await m.cli(['status', '--json'])).out) as ServiceStatus;
const event = async (id: string, source = 'atapi') => {
  const r = await fx.machine.cli(['event', '--source', source, '--id', id]);
  return JSON.parse(r.out.trim().split('\n').at(-1)!) as { result: string; reportId: string };
};
interface Sent {
  kind: string;
  maintenance?: MaintenanceNotice;
}
const reports = () => fx.receiver.received.map((r) => ({ id: r.reportId, ...(r.report as Sent) }));
const notices = (phase: 'start' | 'end') => reports().filter((r) => r.kind === 'maintenance' && r.maintenance?.phase === phase);
const arrived = (id: string) => fx.receiver.received.some((r) => r.reportId === id);

describe('pause for maintenance (保守中)', () => {
  it('is refused while not 運用中: a machine only configured (no test, no activation notification)', async () => {
    const other = await activatedMachine(join(fx.base, 'configured'), { url: fx.receiver.url, caFile: join(fx.base, 'ca.pem') });
    const svc = await startService(other, ['--no-os-events']);
    try {
      const r = await other.cli(['pause', '--reason', 'disk swap']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/ER_3091 .*only while the service is active.*Current state: configured/);
      expect((await status(other)).maintenance).toBeUndefined();
      await expect(stat(join(other.stateDir, 'maintenance.json'))).rejects.toThrow();
    } finally {
      await svc.stop();
    }
  }, 90_000);

  it('pause: the center gets the start notice, a failure event is accepted and kept, not sent; a restart stays paused; resume sends it', async () => {
    const r = await fx.machine.cli(['pause', '--hours', '2', '--reason', 'disk swap']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Paused for maintenance .*reason: disk swap.*The center was told/);
    // Sent before the hold: the receiver has it when pause answers.
    const start = notices('start');
    expect(start).toHaveLength(1);
    expect(start[0]!.maintenance).toMatchObject({ phase: 'start', reason: 'disk swap' });
    // --hours 2 from when the command asked (the service's own start comes a moment later).
    const span = Date.parse(start[0]!.maintenance!.until!) - Date.parse(start[0]!.maintenance!.since);
    expect(span).toBeGreaterThan(2 * 3_600_000 - 60_000);
    expect(span).toBeLessThanOrEqual(2 * 3_600_000);
    const s = await status();
    expect(s.state).toBe('active'); // an overlay, not a state
    expect(s.maintenance).toMatchObject({ reason: 'disk swap', origin: 'pause', until: start[0]!.maintenance!.until });
    expect((await fx.machine.cli(['status'])).out).toMatch(/paused for maintenance: until .*, reason: disk swap \(reports are held\)/);

    const e = await event('0xc0040006');
    expect(e.result).toBe('accepted');
    await until(async () => (await status()).reports?.some((x) => x.id === e.reportId && x.phase === 'waiting') ?? false, 'the report to wait');
    expect((await status()).nextRetry).toBeUndefined(); // nothing is planned while paused
    // A test notification is a connection too: refused while paused.
    const t = await fx.machine.cli(['test-notify', '--result-mail', 'r@example.jp']);
    expect(t.code).toBe(1);
    expect(t.err).toMatch(/ER_3098/);

    // Restart while paused: still paused, the report still waits.
    await fx.service!.stop();
    fx.service = await startService(fx.machine, ['--no-os-events']);
    expect(log()).toMatch(/ER_6117 Paused for maintenance/);
    const after = await status();
    expect(after.maintenance).toMatchObject({ reason: 'disk swap' });
    expect(after.reports?.find((x) => x.id === e.reportId)?.phase).toBe('waiting');
    expect(arrived(e.reportId)).toBe(false);

    const res = await fx.machine.cli(['resume']);
    expect(res.code, res.err).toBe(0);
    expect(res.out).toMatch(/has ended \(by the user\)\. The 1 report\(s\) held meanwhile are sent now/);
    await until(() => arrived(e.reportId), 'the held report after the resume');
    await until(() => notices('end').length === 1, 'the end notice');
    expect(notices('end')[0]!.maintenance).toMatchObject({ phase: 'end', reason: 'disk swap', endedBy: 'user', held: 1, expiredHeld: 0 });
    expect((await status()).maintenance).toBeUndefined();
    await expect(stat(join(fx.machine.stateDir, 'maintenance.json'))).rejects.toThrow();
  }, 120_000);

  it('resume --expire-held: the held reports go to expired with the reason, not to the center', async () => {
    expect((await fx.machine.cli(['pause', '--reason', 'firmware update'])).code).toBe(0);
    const e = await event('0xc0040007', 'disk');
    expect(e.result).toBe('accepted');
    const res = await fx.machine.cli(['resume', '--expire-held']);
    expect(res.code, res.err).toBe(0);
    expect(res.out).toMatch(/the 1 report\(s\) held meanwhile were not sent but moved to expired/);
    const x = (await status()).reports?.find((r) => r.id === e.reportId);
    expect(x).toMatchObject({ phase: 'expired', problem: { code: 'ER_6114' } });
    expect(x!.problem!.message.en).toMatch(/held during the maintenance pause \(reason: firmware update\)/);
    const expired = JSON.parse(await readFile(join(fx.machine.stateDir, 'expired', `${e.reportId}.json`), 'utf8')) as {
      expired: { problem: { code: string } };
    };
    expect(expired.expired.problem.code).toBe('ER_6114');
    await until(() => notices('end').some((n) => n.maintenance?.expiredHeld === 1), 'the end notice');
    expect(arrived(e.reportId)).toBe(false);
  }, 90_000);

  it('an end time resumes by itself: the held report goes, the center is told it ended at the end time', async () => {
    const end = new Date(Date.now() + 10_000).toISOString();
    const r = await fx.machine.cli(['pause', '--until', end, '--reason', 'short']);
    expect(r.code, r.err).toBe(0);
    const e = await event('0xc0040009');
    expect(e.result).toBe('accepted');
    await until(() => arrived(e.reportId), 'the report after the end time');
    await until(() => notices('end').some((n) => n.maintenance?.endedBy === 'end-time' && n.maintenance.reason === 'short'), 'the end notice');
    expect(log()).toMatch(/ER_6112 The maintenance pause has ended \(at the end time\)/);
    expect((await status()).maintenance).toBeUndefined();
  }, 90_000);

  it('a start notice the center cannot take now waits (held) and goes first after the resume', async () => {
    answer = 503;
    const r = await fx.machine.cli(['pause', '--reason', 'center down']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/ER_6111 \[warning\] Paused for maintenance .*could not be told now/);
    const id = (await status()).maintenance?.notice?.reportId;
    expect(id).toBeDefined();
    expect((await status()).maintenance?.notice?.sent).toBe(false);
    answer = 200;
    expect((await fx.machine.cli(['resume'])).code).toBe(0);
    await until(() => arrived(id!), 'the start notice after the resume');
    await until(() => notices('end').some((n) => n.maintenance?.reason === 'center down'), 'the end notice');
    const order = reports().map((x) => x.id);
    expect(order.lastIndexOf(id!)).toBeLessThan(order.findIndex((x) => notices('end').some((n) => n.id === x && n.maintenance?.reason === 'center down')));
  }, 90_000);

  it('bad end times are refused with their code, and nothing changes', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--until', 'tomorrow'], /ER_3093/],
      [['--until', '2000-01-01 10:00'], /ER_3093/],
      [['--hours', '721'], /ER_3095 .*at most 720/],
      [['--hours', '8', '--until', '10:00'], /ER_3096/],
      [['--until', new Date(Date.now() + 31 * 86_400_000).toISOString()], /ER_3094 .*at most 30 days/],
    ];
    for (const [args, code] of cases) {
      const r = await fx.machine.cli(['pause', ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(code);
    }
    expect((await status()).maintenance).toBeUndefined();
    const r = await fx.machine.cli(['resume']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ER_3097/);
  }, 60_000);

  it("an older version's State=paused loads as 運用中 + a pause without an end, logged once", async () => {
    await fx.service!.stop();
    await handEditState(fx.machine.configDir, 'paused');
    fx.service = await startService(fx.machine, ['--no-os-events']);
    expect(log().match(/ER_6115/g)).toHaveLength(1);
    await until(async () => (await fx.machine.cli(['config', 'get', 'activation.state'])).out.trim() === 'active', 'State=active in activation.ini');
    const s = await status();
    expect(s.state).toBe('active');
    expect(s.maintenance).toMatchObject({ origin: 'legacy-state' });
    expect(s.maintenance?.until).toBeUndefined();
    await fx.service.stop();
    fx.service = await startService(fx.machine, ['--no-os-events']);
    expect(log()).not.toMatch(/ER_6115/);
    expect((await status()).maintenance).toMatchObject({ origin: 'legacy-state' });
    expect((await fx.machine.cli(['resume'])).code).toBe(0);
    expect((await status()).maintenance).toBeUndefined();
  }, 90_000);
});
