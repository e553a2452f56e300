/**
 * Clock steps (docs/delivery.md, "Clock steps") with injected clocks: the wall clock is stepped while the monotonic one
 * only advances. Retries and the retry limit count elapsed time, the time window follows the new clock, a step is
 * logged once, and a restart resumes each report's age by the rule of service/spool/age.ts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/settings/schema.js';
import { weekFromSettings, type RetryPolicy } from '../../../../shared/schedule/window.js';
import { ClockWatch } from '../../../../service/common/clock.js';
import { DeliveryLoop } from '../../../../service/delivery/loop.js';
import { afterFailure, decide } from '../../../../service/delivery/policy.js';
import { gapSince, MAX_GAP_MS } from '../../../../service/spool/age.js';
import { type LogEntry } from '../../../../service/common/log-entry.js';
import { Spool } from '../../../../service/spool/spool.js';
import { type SpoolRecord } from '../../../../service/spool/record.js';
import { tempDirs } from '../../../helpers/tmp.js';
import { fail, FakeClock, FakeRoute, HOUR, MIN, policy, sample } from './helpers.js';

const tmp = tempDirs();
const T0 = new Date(2024, 0, 1, 10).getTime(); // a Monday, 10:00 local time
const DAY = 24 * HOUR;
const BOOT = 'boot-1';

async function setup(o: { policy?: RetryPolicy; dir?: string; clock?: FakeClock; boot?: string } = {}) {
  const clock = o.clock ?? new FakeClock(T0);
  const logs: LogEntry[] = [];
  const dir = o.dir ?? (await tmp());
  const spool = await Spool.open(dir, { now: clock.now, mono: clock.mono, bootId: o.boot ?? BOOT, onEvent: (e) => logs.push(e) });
  const route = new FakeRoute();
  const loop = new DeliveryLoop({
    spool,
    clock,
    onEvent: (e) => logs.push(e),
    routeFor: () => route,
    policy: () => o.policy ?? policy(),
    state: () => 'active',
    context: () => ({ config: { settings: defaultSettings(), optionDevices: [], inf: {} }, openSecret: (s) => s }),
  });
  /** Lets time pass (both clocks) and, when the loop's timer rang, waits for the pass it started. */
  const elapse = async (ms: number) => {
    if (clock.elapse(ms) > 0) await loop.wake();
  };
  return { clock, logs, dir, spool, route, loop, elapse, codes: () => logs.map((l) => l.code) };
}

describe('ClockWatch', () => {
  it('reports a step once, with its sign, and ignores drift under the threshold', () => {
    const clock = new FakeClock(T0);
    const watch = new ClockWatch(clock);
    clock.elapse(10 * MIN);
    clock.step(30_000);
    expect(watch.check()).toBeUndefined();
    clock.step(-DAY);
    const step = watch.check()!;
    expect(step.ms).toBe(-DAY);
    expect(step.expected.getTime()).toBe(T0 + 10 * MIN + 30_000);
    expect(step.actual.getTime()).toBe(T0 + 10 * MIN + 30_000 - DAY);
    expect(watch.check()).toBeUndefined();
  });
});

describe('the retry interval and the retry limit count elapsed time', () => {
  it('started a day ahead and set back: the retry comes one interval after the failure, not a day later', async () => {
    const { clock, spool, route, loop, elapse, codes } = await setup({ clock: new FakeClock(T0 + DAY) }); // came up a day ahead
    route.script.push(fail());
    const r = await spool.accept(sample());
    await loop.wake();
    expect(route.seen).toHaveLength(1);
    clock.step(-DAY); // NTP puts it right
    loop.checkClock(); // what status does
    await loop.wake();
    expect(loop.nextWake()?.getTime()).toBe(T0 + 5 * MIN);
    await elapse(5 * MIN - 1);
    expect(route.seen).toHaveLength(1);
    await elapse(1);
    expect(route.seen).toHaveLength(2);
    expect(spool.get(r.id)?.folder).toBe('sent');
    expect(codes().filter((c) => c === 'ER_6030')).toHaveLength(1);
  });

  it('a step forward of four days neither expires a report accepted seconds ago nor brings its retry forward', async () => {
    const { clock, spool, route, loop, elapse, codes } = await setup();
    route.script.push(fail(), fail());
    const r = await spool.accept(sample());
    await loop.wake();
    clock.step(4 * DAY);
    await elapse(4 * MIN);
    expect(route.seen).toHaveLength(1); // not due yet: 4 of its 5 minutes have passed
    await elapse(1 * MIN);
    expect(route.seen).toHaveLength(2);
    expect(spool.get(r.id)).toMatchObject({ folder: 'pending', attempts: 2 });
    expect(codes()).toEqual(['ER_6050', 'ER_2101', 'ER_6030', 'ER_2101']);
    await elapse(5 * MIN);
    expect(spool.get(r.id)?.folder).toBe('sent');
  });

  it('the limit is 72 hours of elapsed time, whatever the clock says', async () => {
    const { clock, spool, route, loop, elapse } = await setup({ policy: policy({ intervalMinutes: 60, limitHours: 2 }) });
    route.script.push(fail(), fail(), fail());
    const r = await spool.accept(sample());
    await loop.wake();
    clock.step(-3 * HOUR);
    await elapse(HOUR);
    await elapse(HOUR); // due exactly at the limit: still tried
    expect(route.seen).toHaveLength(3);
    expect(spool.get(r.id)).toMatchObject({ folder: 'expired', attempts: 3, expired: { problem: { code: 'ER_2102' } } });
  });
});

describe('the time window follows the new clock', () => {
  it('a wait for the window looks again within a minute, so a clock stepped into the window sends then', async () => {
    const week = weekFromSettings(Array<string>(7).fill('12:00-13:00'));
    const { clock, spool, route, loop, elapse } = await setup({ policy: policy({ week }) });
    await spool.accept(sample());
    await loop.wake();
    expect(route.seen).toHaveLength(0);
    expect(loop.nextWake()?.getTime()).toBe(T0 + 2 * HOUR);
    clock.step(2 * HOUR); // it is 12:00 now
    await elapse(60_000);
    expect(route.seen).toHaveLength(1);
  });

  it('a clock set back while waiting for the window plans the opening on the new clock', async () => {
    const week = weekFromSettings(Array<string>(7).fill('12:00-13:00'));
    const { clock, spool, route, loop, elapse } = await setup({ policy: policy({ week }) });
    await spool.accept(sample());
    await loop.wake();
    clock.step(-HOUR); // 09:00: the window opens in 3 hours now
    await elapse(60_000);
    expect(loop.nextWake()?.getTime()).toBe(clock.t + 3 * HOUR - 60_000);
    await elapse(3 * HOUR - 2 * 60_000);
    expect(route.seen).toHaveLength(0);
    await elapse(60_000);
    expect(route.seen).toHaveLength(1);
  });
});

describe('decide and afterFailure with a stepped clock', () => {
  const rec = (dueAgeMs: number): SpoolRecord => ({
    report: {
      id: '8c1f3e2a-1b2c-4d5e-8f90-123456789abc',
      kind: 'failure',
      createdAt: new Date(T0).toISOString(),
      count: 1,
      machine: { serverName: 's', deviceCode: 'd', serialNumber: 'n', userSystemCode: '1234567' },
    },
    attempts: 1,
    nextAttemptAt: new Date(T0 + DAY).toISOString(),
    dueAgeMs,
    history: [],
  });

  it('goes by the age, not by the wall-clock nextAttemptAt (written a day ahead)', () => {
    expect(decide(rec(5 * MIN), { age: 4 * MIN, now: new Date(T0) }, policy(), 'active')).toMatchObject({ kind: 'wait', ms: MIN, wall: false });
    expect(decide(rec(5 * MIN), { age: 5 * MIN, now: new Date(T0) }, policy(), 'active')).toEqual({ kind: 'send' });
    expect(decide(rec(5 * MIN), { age: 73 * HOUR, now: new Date(T0 - DAY) }, policy(), 'paused')).toMatchObject({
      kind: 'expire',
      problem: { code: 'ER_2102' },
    });
  });

  it('a failure seconds after acceptance is retried one interval later, even at a wall clock four days on', () => {
    expect(afterFailure({ age: 3000, now: new Date(T0 + 4 * DAY) }, policy())).toEqual({ inMs: 5 * MIN, at: new Date(T0 + 4 * DAY + 5 * MIN) });
    expect(afterFailure({ age: 72 * HOUR - 4 * MIN, now: new Date(T0 - DAY) }, policy())).toBe('expired');
  });
});

describe("a restart resumes each report's age", () => {
  it('within one boot by the monotonic clock, whatever the wall clock did meanwhile', async () => {
    const a = await setup();
    a.route.script.push(fail());
    const r = await a.spool.accept(sample());
    await a.loop.wake();
    await a.loop.stop();
    const onDisk = JSON.parse(await readFile(join(a.dir, 'spool', `${r.id}.json`), 'utf8')) as SpoolRecord;
    expect(onDisk).toMatchObject({ dueAgeMs: 5 * MIN, age: { ms: 0, boot: BOOT, mono: T0 }, history: [{ ageMs: 0 }] });
    a.clock.elapse(2 * MIN);
    a.clock.step(-DAY); // stopped, the clock set back a day, started again
    const b = await setup({ dir: a.dir, clock: a.clock });
    expect(b.spool.ageOf(r.id)).toBe(2 * MIN);
    await b.loop.wake();
    expect(b.loop.nextWake()?.getTime()).toBe(a.clock.t + 3 * MIN);
    expect(b.codes()).toEqual([]);
    // a stepped clock never dates what the service saw in the future
    expect(b.spool.seenAt(r.id, b.spool.get(r.id)!.history[0]!).getTime()).toBe(a.clock.t - 2 * MIN);
  });

  it('after a reboot by the wall clock: counted as 0 when it went back (logged), counted when it went forward', async () => {
    const a = await setup();
    a.route.script.push(fail());
    const r = await a.spool.accept(sample());
    await a.loop.stop();
    a.clock.step(-DAY);
    const back = await setup({ dir: a.dir, clock: a.clock, boot: 'boot-2' });
    expect(back.spool.ageOf(r.id)).toBe(0);
    expect(back.codes()).toEqual(['ER_6032']);
    back.clock.step(DAY + 80 * HOUR); // the file still holds the stamp of T0; it is 80 hours after that now
    const ahead = await setup({ dir: a.dir, clock: a.clock, boot: 'boot-3' });
    expect(ahead.spool.ageOf(r.id)).toBe(80 * HOUR);
    expect(ahead.codes()[0]).toBe('ER_6031');
  });

  it('a report of an older version (no age stamp) counts from its creation and is due at its nextAttemptAt', async () => {
    const a = await setup();
    a.route.script.push(fail());
    const r = await a.spool.accept(sample());
    await a.loop.stop();
    const path = join(a.dir, 'spool', `${r.id}.json`);
    const { age: _a, dueAgeMs: _d, ...legacy } = JSON.parse(await readFile(path, 'utf8')) as SpoolRecord;
    await writeFile(path, JSON.stringify({ ...legacy, nextAttemptAt: new Date(T0 + 5 * MIN).toISOString() }));
    a.clock.elapse(MIN);
    const b = await setup({ dir: a.dir, clock: a.clock });
    expect(b.spool.ageOf(r.id)).toBe(MIN);
    expect(b.spool.get(r.id)?.dueAgeMs).toBe(5 * MIN);
  });

  it("a relayed report counts its age from its reception, not from the agent's createdAt", async () => {
    const a = await setup();
    const via = (at: number) => ({ port: 'express' as const, from: '192.0.2.1', receivedAt: new Date(at).toISOString() });
    const longAgo = new Date(T0 - 100 * HOUR).toISOString(); // the agent retried for days, or its clock is wrong
    const fresh = await a.spool.accept(sample({ createdAt: longAgo }), { relay: via(T0) });
    const stale = await a.spool.accept(sample({ createdAt: new Date(T0).toISOString() }), { relay: via(T0 - 73 * HOUR) });
    const local = await a.spool.accept(sample({ createdAt: longAgo }));
    // a report made here earlier and handed in with its createdAt (as after a restore) ages from it
    expect([a.spool.ageOf(fresh.id), a.spool.ageOf(stale.id), a.spool.ageOf(local.id)]).toEqual([0, 73 * HOUR, 100 * HOUR]);
    expect(fresh.createdAt).toBe(longAgo);
    await a.loop.wake();
    expect(a.spool.get(stale.id)).toMatchObject({ folder: 'expired', expired: { problem: { code: 'ER_2102' } } });
    expect(a.spool.get(fresh.id)?.folder).toBe('sent');
  });

  it('a relayed record of an older version (no age stamp) counts from its reception after a restart', async () => {
    const a = await setup();
    a.route.script.push(fail());
    const r = await a.spool.accept(sample({ createdAt: new Date(T0 - 100 * HOUR).toISOString() }), {
      relay: { port: 'https', from: '192.0.2.1', receivedAt: new Date(T0).toISOString() },
    });
    await a.loop.stop();
    const path = join(a.dir, 'spool', `${r.id}.json`);
    const { age: _a, ...legacy } = JSON.parse(await readFile(path, 'utf8')) as SpoolRecord;
    await writeFile(path, JSON.stringify(legacy));
    a.clock.elapse(MIN);
    const b = await setup({ dir: a.dir, clock: a.clock });
    expect(b.spool.get(r.id)?.relay?.port).toBe('https');
    expect(b.spool.ageOf(r.id)).toBe(MIN);
  });

  it('caps a wall-clock gap across a reboot at the largest retry limit', () => {
    const stamp = { ms: 0, at: new Date(T0).toISOString(), boot: 'x', mono: 5 };
    expect(gapSince(stamp, new Date(T0 + 10 * 365 * DAY), 1, 'y')).toEqual({ ms: MAX_GAP_MS, how: 'wall' });
    expect(gapSince(stamp, new Date(T0 - DAY), 1, 'y')).toEqual({ ms: 0, how: 'behind' });
    expect(gapSince(stamp, new Date(T0 - DAY), 65, 'x')).toEqual({ ms: 60, how: 'monotonic' });
  });
});
