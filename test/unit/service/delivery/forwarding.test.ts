/**
 * The delivery loop with relayed reports (docs/relay.md "Forwarding"): routeFor is given how a report came, relayed
 * reports sharing a route with sendBatch go in one call (up to maxBatch), the manager's own go one at a time, and the
 * manager's own state does not hold a relayed report.
 */
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/settings/schema.js';
import { type Report } from '../../../../shared/report/model.js';
import { DeliveryLoop, type ActivationState } from '../../../../service/delivery/loop.js';
import { decide, maySend } from '../../../../service/delivery/policy.js';
import { type LogEntry } from '../../../../service/common/log-entry.js';
import { type Outcome, type Route, type RouteContext } from '../../../../service/routes/route.js';
import { type SpoolRelay } from '../../../../service/spool/record.js';
import { Spool } from '../../../../service/spool/spool.js';
import { tempDirs } from '../../../helpers/tmp.js';
import { fail, FakeClock, FakeRoute, policy, sample } from './helpers.js';

const tmp = tempDirs();
const T0 = new Date(2024, 0, 1, 10).getTime();
const via = (port: SpoolRelay['port'] = 'express'): SpoolRelay => ({ port, from: '192.0.2.5', receivedAt: new Date(T0).toISOString(), payloadBytes: 0 });

/** A route that takes batches and records each call. */
class BatchRoute implements Route {
  readonly name = 'bulk';
  readonly calls: string[][] = [];
  /** Per report id, the outcome to give (ok by default). */
  readonly outcome = new Map<string, Outcome>();
  constructor(readonly maxBatch: number) {}
  send(report: Report, ctx: RouteContext): Promise<Outcome> {
    return this.sendBatch([report], ctx).then((o) => o[0]!);
  }
  sendBatch(reports: Report[], _ctx: RouteContext): Promise<Outcome[]> {
    this.calls.push(reports.map((r) => r.id));
    return Promise.resolve(reports.map((r) => this.outcome.get(r.id) ?? { ok: true, detail: `ack ${r.id}` }));
  }
}

async function setup(state: ActivationState = 'active', maxBatch = 10) {
  const clock = new FakeClock(T0);
  const logs: LogEntry[] = [];
  const spool = await Spool.open(await tmp(), { now: clock.now, mono: clock.mono });
  const own = new FakeRoute();
  const bulk = new BatchRoute(maxBatch);
  const asked: Array<SpoolRelay | undefined> = [];
  const loop = new DeliveryLoop({
    spool,
    clock,
    onEvent: (e) => logs.push(e),
    routeFor: (_r, relay) => {
      asked.push(relay);
      return relay ? bulk : own;
    },
    policy: () => policy(),
    state: () => state,
    context: () => ({ config: { settings: defaultSettings(), optionDevices: [], inf: {} }, openSecret: (s) => s }),
  });
  return { spool, own, bulk, loop, logs, asked, clock };
}

/** Accepts reports while the loop is stopped from sending (it wakes on each accept otherwise). */
async function waiting(spool: Spool, n: number, relay?: SpoolRelay): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await spool.accept(sample({ createdAt: new Date(T0 - (n - i) * 1000).toISOString() }), relay ? { relay } : {})).id);
  return ids;
}

describe('the loop and relayed reports', () => {
  it('asks routeFor with how the report came, and sends the due relayed reports in one call, up to maxBatch', async () => {
    const { spool, bulk, own, loop, logs, asked } = await setup('active', 3);
    await loop.stop(); // nothing goes while the reports are accepted
    const relayed = await waiting(spool, 4, via());
    const mine = await waiting(spool, 1);
    const again = new DeliveryLoop({
      spool,
      clock: new FakeClock(T0),
      onEvent: (e) => logs.push(e),
      routeFor: (_r, relay) => (asked.push(relay), relay ? bulk : own),
      policy: () => policy(),
      state: () => 'active',
      context: () => ({ config: { settings: defaultSettings(), optionDevices: [], inf: {} }, openSecret: (s) => s }),
    });
    await again.wake();
    expect(bulk.calls).toEqual([relayed.slice(0, 3), relayed.slice(3)]);
    expect(own.seen.map((r) => r.id)).toEqual(mine);
    expect(asked).toContainEqual(via());
    expect(spool.counts()).toEqual({ pending: 0, sent: 5, expired: 0 });
    expect(logs.filter((l) => l.code === 'ER_6742')).toHaveLength(1); // the call of three; the last one went alone
    expect(logs.filter((l) => l.code === 'ER_6741')).toHaveLength(4);
    await again.stop();
  });

  it('records each outcome of a bulk call as its own attempt: a NAK retried, a permanent one expired, the rest sent', async () => {
    const { spool, bulk, loop } = await setup();
    await loop.stop();
    const [a, b, c] = await waiting(spool, 3, via());
    bulk.outcome.set(b!, fail(true));
    bulk.outcome.set(c!, fail(false));
    const again = new DeliveryLoop({
      spool,
      clock: new FakeClock(T0),
      routeFor: () => bulk,
      policy: () => policy(),
      state: () => 'active',
      context: () => ({ config: { settings: defaultSettings(), optionDevices: [], inf: {} }, openSecret: (s) => s }),
    });
    await again.wake();
    expect(bulk.calls).toEqual([[a, b, c]]);
    expect([spool.get(a!)?.folder, spool.get(b!)?.folder, spool.get(c!)?.folder]).toEqual(['sent', 'pending', 'expired']);
    expect(spool.get(b!)?.attempts).toBe(1);
    await again.stop();
  });

  it("the manager's own state does not hold a relayed report; a missing configuration (read as paused) does", async () => {
    for (const state of ['not-activated', 'configured', 'ended'] as const) {
      expect([maySend('failure', state, true), maySend('failure', state)]).toEqual([true, false]);
    }
    expect(maySend('heartbeat', 'paused', true)).toBe(false);
    const { spool, bulk, loop } = await setup('not-activated');
    await waiting(spool, 1, via('https'));
    await loop.wake();
    expect(bulk.calls).toHaveLength(1);
    const rec = spool.list('sent')[0]!;
    expect(decide({ ...rec, relay: undefined }, { age: 0, now: new Date(T0) }, policy(), 'not-activated').kind).toBe('wait');
  });
});
