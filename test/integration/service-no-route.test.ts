/**
 * A disabled method does not queue reports for the retry limit (issue 11 section 2): with express.route = off, an
 * event is recorded once (ER_2106 in the log, counted in status as not sent) and nothing is spooled or retried; a
 * report that was waiting when the route was switched off is expired at once (ER_2107), once. The real service and
 * command line, a real HTTPS receiver on loopback; the machine reaches 運用中 by its own test and activation notifications.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Receiver } from '../helpers/peers/https-receiver.js';
import { activatedMachine, startCenter, startService, until as untilLogged, type Machine, type ServiceProcess } from '../helpers/service-process.js';

interface Status {
  pending: number;
  expired: number;
  notSent?: { noRoute: number; last: { at: string; what: string } };
  reports?: Array<{ id: string; phase: string; problem?: { code: string } }>;
}

let base: string;
let receiver: Receiver;
let answer = 200;
let machine: Machine;
let service: ServiceProcess | undefined;
const log = () => service?.log() ?? '';
const until = (check: () => boolean | Promise<boolean>, what: string) => untilLogged(check, 20_000, what, log);
const status = async () => JSON.parse((await machine.cli(['status', '--json'])).out) as Status;
const count = (code: string) =>
  log()
    .split('\n')
    .filter((l) => l.includes(code)).length;
const event = async (id: string) =>
  JSON.parse((await machine.cli(['event', '--source', 'atapi', '--id', id])).out.trim().split('\n').at(-1)!) as {
    result: string;
    reason?: string;
    reportId?: string;
  };

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-no-route-'));
  const center = await startCenter(base, () => ({ status: answer, body: answer === 200 ? 'ok' : 'center busy' }));
  receiver = center.receiver;
  machine = await activatedMachine(base, { url: receiver.url, caFile: center.caFile, settings: ['suppression.use', 'off'] });
  for (const args of [['test-notify', '--result-mail', 'r@example.jp'], ['activate-notify']]) {
    const r = await machine.cli(args);
    if (r.code !== 0) throw new Error(`${args[0]}: ${r.err}`);
  }
  service = await startService(machine, ['--no-os-events']);
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await receiver?.close();
  await rm(base, { recursive: true, force: true });
});

describe('no route enabled (express.route = off)', () => {
  it('a report waiting when the route is switched off is expired at once with ER_2107, once, and not retried', async () => {
    answer = 503; // the center is busy: the report waits for its retry
    const before = receiver.received.length;
    const e = await event('0xc0040006');
    expect(e.result).toBe('accepted');
    // Waiting: this failure report, and the configuration information queued after 開局通報 (AMHTPHBI.INF).
    const waiting = async () => (await status()).reports?.filter((r) => r.phase === 'waiting').map((r) => r.id) ?? [];
    await until(async () => (await waiting()).includes(e.reportId!) && log().includes(`ER_2101 Report ${e.reportId}`), 'the first failed attempt');
    const held = await waiting();
    const attempts = receiver.received.length - before;
    expect((await machine.cli(['config', 'set', 'express.route', 'off'])).code).toBe(0);
    await until(async () => (await status()).pending === 0, 'the waiting reports to leave the queue');
    const s = await status();
    expect(s.expired).toBe(held.length);
    for (const id of held) {
      expect(s.reports?.find((r) => r.id === id)).toMatchObject({ phase: 'expired', problem: { code: 'ER_2107' } });
      expect(
        log()
          .split('\n')
          .filter((l) => l.includes('ER_2107') && l.includes(id)),
      ).toHaveLength(1); // once each
    }
    expect(s.notSent?.noRoute).toBe(held.length);
    expect(receiver.received.length - before).toBe(attempts); // nothing more was tried once the route was off
    expect(await readdir(join(machine.stateDir, 'spool')).then((n) => n.filter((x) => x.endsWith('.json')))).toEqual([]);
  });

  it('an event is not queued: recorded once (ER_2106), counted as not sent, nothing spooled', async () => {
    const before = receiver.received.length;
    const e = await event('0xc0040009');
    expect(e).toEqual({ result: 'ignored', reason: 'no-route' });
    await until(() => count('ER_2106') === 1, 'the ER_2106 line');
    const s = await status();
    const expiredBefore = s.expired;
    expect(s.pending).toBe(0); // nothing waits
    expect(s.notSent).toMatchObject({ last: { what: 'atapi 0xc0040009' } });
    expect(s.notSent!.noRoute).toBe(expiredBefore + 1); // the expired ones, and this event
    expect(log()).toMatch(/ER_2106 .*atapi 0xc0040009/);
    // Human status says it too.
    expect((await machine.cli(['status'])).out).toContain(`not sent (no route enabled): ${expiredBefore + 1}`);
    expect(receiver.received.length).toBe(before);
  });
});
