/**
 * Fakes for the spool and delivery tests: a clock whose timers the test fires (a wall clock `t` that the test can step,
 * and a monotonic clock `m` that only advances), a scripted route, sample reports.
 */
import { problem } from '../../../../shared/messages/problem.js';
import { type Report } from '../../../../shared/report/model.js';
import { weekFromSettings, type RetryPolicy } from '../../../../shared/schedule/window.js';
import { type Clock } from '../../../../service/common/clock.js';
import { type Outcome, type Route, type RouteContext } from '../../../../service/routes/route.js';
import { type NewReport } from '../../../../service/spool/spool.js';

export class FakeClock implements Clock {
  /** Timers by when they ring on the monotonic clock (equal to the wall clock until the test steps it). */
  readonly armed: Array<{ id: number; at: number; fn: () => void }> = [];
  setTimerCalls = 0;
  private seq = 0;
  public m: number;
  constructor(public t: number) {
    this.m = t;
  }
  now = (): Date => new Date(this.t);
  mono = (): number => this.m;
  setTimer = (fn: () => void, ms: number): number => {
    this.setTimerCalls++;
    const id = ++this.seq;
    this.armed.push({ id, at: this.m + ms, fn });
    return id;
  };
  clearTimer = (h: unknown): void => {
    const i = this.armed.findIndex((x) => x.id === h);
    if (i >= 0) this.armed.splice(i, 1);
  };
  /** Moves time to `to` on the wall clock (and as much on the monotonic one) and fires the timers due by then. */
  advanceTo(to: number): void {
    this.elapse(to - this.t);
  }

  /** Lets `ms` pass on both clocks and fires the timers due by then (the loop arms at most one); returns how many. */
  elapse(ms: number): number {
    this.t += ms;
    this.m += ms;
    const due = this.armed.filter((a) => a.at <= this.m);
    for (const x of due) {
      this.clearTimer(x.id);
      x.fn();
    }
    return due.length;
  }

  /** Sets the wall clock by `ms` (negative: back) without any time passing: what a clock step does. */
  step(ms: number): void {
    this.t += ms;
  }
}

export class FakeRoute implements Route {
  readonly name = 'fake';
  readonly seen: Report[] = [];
  /** Outcomes to give, in order; when empty, every attempt succeeds. */
  readonly script: Array<Outcome | ((signal: AbortSignal) => Promise<Outcome>)> = [];
  async send(report: Report, ctx: RouteContext): Promise<Outcome> {
    this.seen.push(report);
    const next = this.script.shift();
    if (next === undefined) return { ok: true, detail: '200 OK' };
    return typeof next === 'function' ? next(ctx.signal) : next;
  }
}

export const fail = (retry = true): Outcome => ({
  ok: false,
  retry,
  problem: problem('ER_2002', { peer: 'center', address: '192.0.2.1', reason: 'ECONNREFUSED' }),
});

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const allDay = weekFromSettings(Array<string>(7).fill('00:00-24:00'));
export const policy = (p: Partial<RetryPolicy> = {}): RetryPolicy => ({ intervalMinutes: 5, limitHours: 72, week: allDay, ...p });

export function sample(over: Partial<NewReport> = {}): NewReport {
  return {
    kind: 'failure',
    machine: { serverName: 'srv01', deviceCode: 'N8100-1234', serialNumber: 'SN0001', userSystemCode: '1234567' },
    event: { source: 'atapi', id: 0xc0040006, time: '2024-01-01T10:00:00.000Z', message: 'Disk read error' },
    ...over,
  };
}
