/**
 * The maintenance pause's rules without a service: the loop holds every report (retries too, nothing expires) and
 * cuts the attempt in flight short; the time a pause held a report is added to its retry limit; a pause request's end
 * time is checked the same for the command line and the window.
 */
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../../shared/settings/schema.js';
import { DeliveryLoop } from '../../../../service/delivery/loop.js';
import { afterFailure, decide } from '../../../../service/delivery/policy.js';
import { Spool } from '../../../../service/spool/spool.js';
import { type SpoolRecord } from '../../../../service/spool/record.js';
import { parseEndTime, pauseOrder } from '../../../../shared/host/maintenance.js';
import { tempDirs } from '../../../helpers/tmp.js';
import { fail, FakeClock, FakeRoute, HOUR, policy, sample } from './helpers.js';

const tmp = tempDirs();
const T0 = new Date(2024, 0, 1, 10).getTime(); // a Monday, local time

async function setup() {
  const clock = new FakeClock(T0);
  const spool = await Spool.open(await tmp(), { now: clock.now, mono: clock.mono });
  const route = new FakeRoute();
  const env = { held: true };
  const loop = new DeliveryLoop({
    spool,
    clock,
    routeFor: () => route,
    policy: () => policy(),
    state: () => 'active',
    held: () => env.held,
    context: () => ({ config: { settings: defaultSettings(), optionDevices: [], inf: {} }, openSecret: (s) => s }),
  });
  return { clock, spool, route, env, loop };
}

describe('the delivery loop while paused', () => {
  it('sends nothing, retries nothing, expires nothing and arms no timer; after the pause, everything goes', async () => {
    const { clock, spool, route, env, loop } = await setup();
    env.held = false;
    route.script.push(fail());
    const retried = await spool.accept(sample());
    await loop.wake();
    expect(route.seen).toHaveLength(1); // failed once: waits for its retry
    env.held = true;
    await loop.hold();
    const fresh = await spool.accept(sample());
    clock.advanceTo(T0 + 100 * HOUR); // past the 72 h limit of both
    await loop.wake();
    expect(route.seen).toHaveLength(1);
    expect(spool.counts()).toEqual({ pending: 2, sent: 0, expired: 0 });
    expect(loop.nextWake()).toBeUndefined();
    expect(loop.plannedAttempt(fresh.id)).toBeUndefined();
    // Resumed with the pause's length credited (as the service does): both go now.
    for (const id of [retried.id, fresh.id]) await spool.addHeld(id, 100 * HOUR);
    env.held = false;
    await loop.wake();
    await vi.waitFor(() => expect(spool.counts().sent).toBe(2));
  });

  it('hold() cuts the attempt in flight short: not counted, the report stays waiting', async () => {
    const { spool, route, env, loop } = await setup();
    env.held = false;
    let started!: () => void;
    const inFlight = new Promise<void>((r) => {
      started = r;
    });
    route.script.push((signal) => {
      started();
      return new Promise((resolve) => signal.addEventListener('abort', () => resolve(fail())));
    });
    const r = await spool.accept(sample());
    const pass = loop.wake();
    await inFlight;
    env.held = true;
    await loop.hold();
    await pass;
    expect(spool.get(r.id)).toMatchObject({ folder: 'pending', attempts: 0 });
  });
});

describe('the retry limit after a pause', () => {
  const rec = (heldMs?: number): SpoolRecord => ({
    report: {
      id: '8c1f3e2a-1b2c-4d5e-8f90-123456789abc',
      kind: 'failure',
      createdAt: new Date(T0).toISOString(),
      count: 1,
      machine: { serverName: 's', deviceCode: 'd', serialNumber: 'n', userSystemCode: '1' },
    },
    attempts: 1,
    nextAttemptAt: new Date(T0).toISOString(),
    dueAgeMs: 80 * HOUR,
    history: [],
    ...(heldMs !== undefined ? { heldMs } : {}),
  });
  const m = { age: 80 * HOUR, now: new Date(T0 + 80 * HOUR) };

  it('counts the policy hours plus the time held: 80 h old, 72 h limit, held 10 h → still sent', () => {
    expect(decide(rec(), m, policy(), 'active').kind).toBe('expire');
    expect(decide(rec(10 * HOUR), m, policy(), 'active').kind).toBe('send');
    expect(afterFailure(m, policy())).toBe('expired');
    expect(afterFailure(m, policy(), 10 * HOUR)).not.toBe('expired');
  });

  it("addHeld credits at most the report's age, and the credit survives a reopen", async () => {
    const clock = new FakeClock(T0);
    const dir = await tmp();
    const spool = await Spool.open(dir, { now: clock.now, mono: clock.mono });
    const r = await spool.accept(sample());
    clock.advanceTo(T0 + 2 * HOUR);
    await spool.addHeld(r.id, 5 * HOUR); // paused 5 h, but it arrived 2 h ago
    const reopened = await Spool.open(dir, { now: clock.now, mono: clock.mono });
    expect(reopened.get(r.id)?.heldMs).toBe(2 * HOUR);
  });
});

describe('a pause request (pauseOrder)', () => {
  const now = new Date(2025, 5, 1, 10, 0, 0); // local
  const order = (req: Parameters<typeof pauseOrder>[0]) => pauseOrder(req, now);
  const codes = (req: Parameters<typeof pauseOrder>[0]) => {
    const r = order(req);
    return r.ok ? [] : r.problems.map((p) => `${p.field} ${p.code}`);
  };

  it('defaults to 8 hours; --hours and --until (local, HH:MM, ISO) give the end', () => {
    const until = (req: Parameters<typeof pauseOrder>[0]) => {
      const r = order(req);
      return r.ok ? Date.parse(r.order.until) : NaN;
    };
    expect(until({})).toBe(now.getTime() + 8 * HOUR);
    expect(until({ hours: '1.5' })).toBe(now.getTime() + 1.5 * HOUR);
    expect(until({ until: '2025-06-01 18:30' })).toBe(new Date(2025, 5, 1, 18, 30).getTime());
    expect(until({ until: '09:00' })).toBe(new Date(2025, 5, 2, 9, 0).getTime()); // past today: tomorrow
    expect(until({ until: '2025-06-02T00:00:00Z' })).toBe(Date.parse('2025-06-02T00:00:00Z'));
    expect(order({ reason: '  disk swap ' })).toMatchObject({ ok: true, order: { reason: 'disk swap' } });
  });

  it('refuses what cannot be an end: past, not a time, over 30 days, both given, bad hours, a bad reason', () => {
    expect(codes({ until: '2025-06-01 09:00' })).toEqual(['until ER_3093']);
    expect(codes({ until: '2025-02-30 10:00' })).toEqual(['until ER_3093']);
    expect(codes({ until: 'tomorrow' })).toEqual(['until ER_3093']);
    expect(codes({ until: '2025-07-02 10:00' })).toEqual(['until ER_3094']);
    expect(codes({ hours: '720' })).toEqual([]);
    expect(codes({ hours: '720.5' })).toEqual(['hours ER_3095']);
    expect(codes({ hours: '0' })).toEqual(['hours ER_3095']);
    expect(codes({ hours: '８' })).toEqual(['hours ER_3095']); // full-width digits
    expect(codes({ hours: '8', until: '12:00' })).toEqual(['until ER_3096']);
    expect(codes({ reason: 'x'.repeat(201) })).toEqual(['reason ER_3002']);
    expect(codes({ reason: 'two\nlines' })).toEqual(['reason ER_3099']);
    expect(parseEndTime('25:00', now)).toBeUndefined();
  });
});
