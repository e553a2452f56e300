import { describe, expect, it, vi } from 'vitest';
import { problem } from '../../../../shared/messages/problem.js';
import { defaultSettings } from '../../../../shared/settings/schema.js';
import { weekFromSettings, type RetryPolicy } from '../../../../shared/schedule/window.js';
import { DeliveryLoop, type ActivationState } from '../../../../service/delivery/loop.js';
import { type LogEntry } from '../../../../service/common/log-entry.js';
import { Spool } from '../../../../service/spool/spool.js';
import { type Outcome } from '../../../../service/routes/route.js';
import { tempDirs } from '../../../helpers/tmp.js';
import { fail, FakeClock, FakeRoute, HOUR, MIN, policy, sample } from './helpers.js';

const tmp = tempDirs();
const T0 = new Date(2024, 0, 1, 10).getTime(); // a Monday, local time

async function setup(o: { policy?: RetryPolicy; state?: ActivationState; noRoute?: boolean } = {}) {
  const clock = new FakeClock(T0);
  const logs: LogEntry[] = [];
  const spool = await Spool.open(await tmp(), { now: clock.now, mono: clock.mono });
  const route = new FakeRoute();
  const env = { policy: o.policy ?? policy(), state: o.state ?? ('active' as ActivationState) };
  const loop = new DeliveryLoop({
    spool,
    clock,
    onEvent: (e) => logs.push(e),
    routeFor: () => (o.noRoute ? undefined : route),
    policy: () => env.policy,
    state: () => env.state,
    context: () => ({ config: { settings: defaultSettings(), optionDevices: [], inf: {} }, openSecret: (s) => s }),
  });
  /** Moves the clock and lets the loop finish whatever the timer started. */
  const advanceTo = async (t: number) => {
    clock.advanceTo(t);
    await loop.wake();
  };
  return { clock, logs, spool, route, env, loop, advanceTo, codes: () => logs.map((l) => l.code) };
}

describe('DeliveryLoop', () => {
  it('arms no timer while the spool is empty, and wakes by itself when a report is accepted', async () => {
    const { clock, spool, route, loop } = await setup();
    await loop.wake();
    expect(clock.setTimerCalls).toBe(0);
    const r = await spool.accept(sample());
    await vi.waitFor(() => expect(spool.counts().sent).toBe(1));
    expect(route.seen.map((x) => x.id)).toEqual([r.id]);
    expect(clock.setTimerCalls).toBe(0);
    expect(loop.nextWake()).toBeUndefined();
  });

  it('holds a report while its logs are collected, then sends it with them; a restart finds it still collecting', async () => {
    const { spool, route, loop } = await setup();
    const r = await spool.accept(sample(), { collecting: true });
    await loop.wake();
    expect(route.seen).toEqual([]);
    expect(spool.collecting().map((x) => x.report.id)).toEqual([r.id]);
    const reopened = await Spool.open(spool.dirs.pending.replace(/spool$/, ''));
    expect(reopened.collecting().map((x) => x.report.id)).toEqual([r.id]);
    const logs = { paths: ['/var/log/app.log'], maxBytes: 1024 };
    await spool.finishCollection(r.id, logs);
    await vi.waitFor(() => expect(spool.counts().sent).toBe(1));
    expect(route.seen.map((x) => x.logs)).toEqual([logs]);
    expect(spool.get(r.id)?.collecting).toBeUndefined();
  });

  it("quotes a failure's reason inside its retry line without doubling the full stop", async () => {
    const { spool, route, loop, logs } = await setup();
    route.script.push({ ok: false, retry: true, problem: problem('ER_2001', { peer: 'URL1', host: 'center.invalid', reason: 'ENOTFOUND' }) });
    await spool.accept(sample());
    await loop.wake();
    const line = logs.find((l) => l.code === 'ER_2101')!;
    expect(line.message.en).toContain('DNS settings. Next attempt');
    expect(line.message.ja).toContain('確認してください。次の送信は');
  });

  it('after a failure tries again one interval later, with the same id', async () => {
    const { clock, spool, route, loop, advanceTo, codes } = await setup();
    route.script.push(fail(), fail());
    const r = await spool.accept(sample());
    await loop.wake();
    expect(route.seen).toHaveLength(1);
    expect(clock.armed.map((a) => a.at)).toEqual([T0 + 5 * MIN]);
    await advanceTo(T0 + 4 * MIN);
    expect(route.seen).toHaveLength(1);
    await advanceTo(T0 + 5 * MIN);
    await advanceTo(T0 + 10 * MIN);
    expect(route.seen.map((x) => x.id)).toEqual([r.id, r.id, r.id]);
    expect(spool.get(r.id)).toMatchObject({ folder: 'sent', attempts: 3 });
    expect(codes()).toEqual(['ER_2101', 'ER_2101', 'ER_6051']);
    expect(clock.armed).toEqual([]);
  });

  it('makes no attempt while the time window is closed, and sends when it opens', async () => {
    const week = weekFromSettings(Array<string>(7).fill('12:00-13:00'));
    const { clock, spool, route, loop, advanceTo } = await setup({ policy: policy({ week }) });
    await spool.accept(sample());
    await loop.wake();
    expect(route.seen).toHaveLength(0);
    expect(loop.nextWake()?.getTime()).toBe(T0 + 2 * HOUR);
    await advanceTo(T0 + 2 * HOUR - 1);
    expect(route.seen).toHaveLength(0);
    await advanceTo(T0 + 2 * HOUR);
    expect(route.seen).toHaveLength(1);
    expect(clock.armed).toEqual([]);
  });

  it('moves a report to expired/ once its limit passes, and says so', async () => {
    const { clock, spool, route, loop, advanceTo, logs } = await setup({ policy: policy({ intervalMinutes: 30, limitHours: 1 }) });
    route.script.push(fail(), fail(), fail());
    const r = await spool.accept(sample());
    await loop.wake();
    await advanceTo(T0 + 30 * MIN);
    await advanceTo(T0 + 60 * MIN); // due exactly at the limit: still tried
    expect(route.seen).toHaveLength(3);
    expect(spool.get(r.id)).toMatchObject({ folder: 'expired', attempts: 3, lastError: { code: 'ER_2002' }, expired: { problem: { code: 'ER_2102' } } });
    expect(logs.at(-1)).toMatchObject({ code: 'ER_2102', level: 'error', reportId: r.id });
    expect(clock.armed).toEqual([]);
  });

  it('expires at once a report the center refused (retry: false)', async () => {
    const { spool, route, loop, codes } = await setup();
    route.script.push(fail(false));
    const r = await spool.accept(sample());
    await loop.wake();
    expect(spool.get(r.id)).toMatchObject({ folder: 'expired', expired: { problem: { code: 'ER_2104' } } });
    expect(codes()).toEqual(['ER_2104']);
  });

  it('ended: sends nothing, and the report expires (visibly) at its limit', async () => {
    const { clock, spool, route, loop, advanceTo } = await setup({ state: 'ended' });
    const r = await spool.accept(sample({ kind: 'test' }));
    await loop.wake();
    expect(route.seen).toHaveLength(0);
    expect(clock.armed.map((a) => a.at)).toEqual([T0 + 72 * HOUR]);
    await advanceTo(T0 + 72 * HOUR);
    expect(route.seen).toHaveLength(0);
    expect(spool.get(r.id)).toMatchObject({ folder: 'expired', attempts: 0 });
  });

  it('paused holds everything; active again sends it', async () => {
    const { spool, route, loop, env } = await setup({ state: 'paused' });
    await spool.accept(sample({ kind: 'test' }));
    await spool.accept(sample());
    await loop.wake();
    expect(route.seen).toHaveLength(0);
    env.state = 'active';
    await loop.wake(); // the settings changed
    expect(route.seen).toHaveLength(2);
  });

  it('configured: only test and activation notifications go out', async () => {
    const { spool, route, loop } = await setup({ state: 'configured' });
    await spool.accept(sample());
    const t = await spool.accept(sample({ kind: 'test' }));
    const a = await spool.accept(sample({ kind: 'activation' }));
    await loop.wake();
    expect(route.seen.map((x) => x.id)).toEqual([t.id, a.id]);
    expect(spool.counts()).toEqual({ pending: 1, sent: 2, expired: 0 });
  });

  it('sends oldest first, one at a time', async () => {
    const { clock, spool, route, loop } = await setup();
    let active = 0;
    let most = 0;
    const slow = async (): Promise<Outcome> => {
      most = Math.max(most, ++active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      return { ok: true, detail: 'ok' };
    };
    route.script.push(slow, slow, slow);
    const ids = [];
    for (let i = 0; i < 3; i++) {
      clock.t += 1000;
      ids.push((await spool.accept(sample())).id);
    }
    await loop.wake();
    expect(route.seen.map((x) => x.id)).toEqual(ids);
    expect(most).toBe(1);
  });

  it('no route enabled, or a route that throws: kept and retried, with a coded reason', async () => {
    const a = await setup({ noRoute: true });
    await a.spool.accept(sample());
    await a.loop.wake();
    expect(a.spool.pending()[0]).toMatchObject({ attempts: 1, lastError: { code: 'ER_2100' } });
    const b = await setup();
    b.route.script.push(() => Promise.reject(new Error('boom')));
    await b.spool.accept(sample());
    await b.loop.wake();
    expect(b.spool.pending()[0]).toMatchObject({ attempts: 1, lastError: { code: 'ER_1051' } });
  });

  it('stop() aborts the attempt in flight without counting it, and stays stopped', async () => {
    const { clock, spool, route, loop } = await setup();
    let started!: () => void;
    const inFlight = new Promise<void>((r) => (started = r));
    route.script.push(
      (signal) =>
        new Promise((_resolve, reject) => {
          started();
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    const r = await spool.accept(sample());
    const running = loop.wake();
    await inFlight;
    await loop.stop();
    await running;
    expect(spool.get(r.id)).toMatchObject({ folder: 'pending', attempts: 0 });
    await spool.accept(sample());
    await loop.wake();
    expect(route.seen).toHaveLength(1);
    expect(clock.armed).toEqual([]);
  });
});
