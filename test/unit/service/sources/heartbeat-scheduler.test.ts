import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeartbeatScheduler, MAX_TIMER_MS } from '../../../../service/sources/heartbeat-scheduler.js';
import { type Clock, type TimerHandle } from '../../../../service/common/clock.js';
import { type Schedule } from '../../../../shared/inf/hbi.js';
import { type Problem } from '../../../../shared/messages/problem.js';
import { tempDirs } from '../../../helpers/tmp.js';

const tmp = tempDirs();

/** Time moves only when the test says; timers fire in order of their due time. */
class FakeClock implements Clock {
  private seq = 0;
  readonly timers = new Map<number, { at: number; fn: () => void }>();
  readonly delays: number[] = [];
  constructor(private t: number) {}
  now(): Date {
    return new Date(this.t);
  }
  setTimer(fn: () => void, ms: number): TimerHandle {
    this.delays.push(ms);
    this.timers.set(++this.seq, { at: this.t + ms, fn });
    return this.seq;
  }
  clearTimer(h: TimerHandle): void {
    this.timers.delete(h as number);
  }
  /** Fires the next timer (moving time to it, or to `at` when that is later: a late wake-up). */
  fireNext(at?: Date): void {
    const [id, timer] = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at)[0]!;
    this.timers.delete(id);
    this.t = Math.max(timer.at, at?.getTime() ?? 0);
    timer.fn();
  }
  set(d: Date): void {
    this.t = d.getTime();
  }
}

const monthly: Schedule = { type: 'every month', day: 1, hour: 3, minute: 0 };
const at = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi);

async function setup(now: Date, state?: object | string) {
  const dir = await tmp();
  const stateFile = join(dir, 'state', 'heartbeat.json');
  if (state) {
    await mkdir(join(dir, 'state'));
    await writeFile(stateFile, typeof state === 'string' ? state : JSON.stringify(state));
  }
  const clock = new FakeClock(now.getTime());
  const runs: Date[] = [];
  const problems: Problem[] = [];
  let fail: Error | undefined;
  const s = new HeartbeatScheduler({
    stateFile,
    clock,
    onProblem: (p) => problems.push(p),
    run: async (due) => {
      runs.push(due);
      if (fail) throw fail;
    },
  });
  const saved = async () => JSON.parse(await readFile(stateFile, 'utf8')) as { since: string; lastRun?: string };
  return {
    s,
    clock,
    runs,
    problems,
    saved,
    stateFile,
    failWith: (e: Error | undefined) => {
      fail = e;
    },
  };
}

describe('heartbeat scheduler (fake clock)', () => {
  it('a fresh install does not send at once; it sleeps on one timer to the first time, runs, and sleeps to the next', async () => {
    const t = await setup(at(2024, 5, 10, 12));
    await t.s.start(monthly);
    expect(t.runs).toEqual([]);
    expect((await t.saved()).since).toBe(at(2024, 5, 10, 12).toISOString());
    expect(t.clock.timers.size).toBe(1);
    expect(t.s.nextDue()).toEqual(at(2024, 6, 1, 3));
    t.clock.fireNext();
    await t.s.settled();
    expect(t.runs).toEqual([at(2024, 6, 1, 3)]);
    expect(await t.saved()).toMatchObject({ lastRun: at(2024, 6, 1, 3).toISOString(), since: at(2024, 6, 1, 3).toISOString() });
    expect(t.s.nextDue()).toEqual(at(2024, 7, 1, 3));
    expect(t.clock.timers.size).toBe(1);
    expect(t.problems.map((p) => p.code)).toEqual(['ER_6406', 'ER_6406']);
  });

  it('a run missed while the service was down runs once at start, however many were missed', async () => {
    const t = await setup(at(2024, 5, 10, 12), { since: at(2024, 1, 1, 3).toISOString(), lastRun: at(2024, 1, 1, 3).toISOString(), schedule: monthly });
    await t.s.start(monthly);
    expect(t.runs).toEqual([at(2024, 5, 1, 3)]);
    expect(t.problems[0]).toMatchObject({ code: 'ER_6405' });
    expect(t.problems[0]!.message.en).toContain('2024-05-01 03:00');
    expect(t.s.nextDue()).toEqual(at(2024, 6, 1, 3));
    expect((await t.saved()).lastRun).toBe(at(2024, 5, 10, 12).toISOString());
  });

  it('nothing missed: no run at start', async () => {
    const t = await setup(at(2024, 5, 10, 12), { since: at(2024, 5, 1, 3).toISOString(), schedule: monthly });
    await t.s.start(monthly);
    expect(t.runs).toEqual([]);
    expect(t.s.nextDue()).toEqual(at(2024, 6, 1, 3));
  });

  it('a schedule changed while the service was down counts from now (no catch-up under the new schedule)', async () => {
    const t = await setup(at(2024, 5, 10, 12), { since: at(2024, 1, 1, 3).toISOString(), schedule: { ...monthly, day: 2 } });
    await t.s.start(monthly);
    expect(t.runs).toEqual([]);
    expect((await t.saved()).since).toBe(at(2024, 5, 10, 12).toISOString());
  });

  it("sleeps again past setTimeout's 24.8-day limit", async () => {
    const t = await setup(at(2024, 5, 1, 3, 1)); // the next run is 31 days away
    await t.s.start(monthly);
    expect(t.clock.delays).toEqual([MAX_TIMER_MS]);
    t.clock.fireNext();
    await t.s.settled();
    expect(t.runs).toEqual([]);
    expect(t.clock.delays[1]).toBe(at(2024, 6, 1, 3).getTime() - at(2024, 5, 1, 3, 1).getTime() - MAX_TIMER_MS);
    t.clock.fireNext();
    await t.s.settled();
    expect(t.runs).toEqual([at(2024, 6, 1, 3)]);
  });

  it('a late wake-up (clock set forward, machine suspended) runs at once, once', async () => {
    const t = await setup(at(2024, 5, 10, 12));
    await t.s.start(monthly);
    t.clock.fireNext(at(2024, 8, 15));
    await t.s.settled();
    expect(t.runs).toEqual([at(2024, 6, 1, 3)]);
    expect(t.s.nextDue()).toEqual(at(2024, 9, 1, 3));
  });

  it('update re-arms for a new schedule and disarms without one', async () => {
    const t = await setup(at(2024, 5, 10, 12));
    await t.s.start(monthly);
    await t.s.update({ type: 'every week', day: 6, hour: 10, minute: 30 });
    expect(t.s.nextDue()).toEqual(at(2024, 5, 11, 10, 30));
    expect(t.clock.timers.size).toBe(1);
    await t.s.update({ type: 'every week', day: 6, hour: 10, minute: 30 }); // the same: nothing changes
    expect(t.clock.delays).toHaveLength(2);
    await t.s.update(undefined);
    expect(t.clock.timers.size).toBe(0);
    expect(t.s.nextDue()).toBeUndefined();
    expect(t.problems.at(-1)?.code).toBe('ER_6407');
    expect(t.runs).toEqual([]);
  });

  it('a run that fails is logged, recorded as handled, and the next time is armed', async () => {
    const t = await setup(at(2024, 5, 10, 12));
    await t.s.start(monthly);
    t.failWith(new Error('not activated'));
    t.clock.fireNext();
    await t.s.settled();
    const p = t.problems.find((x) => x.code === 'ER_1403');
    expect(p?.message.en).toContain('not activated');
    expect(p?.message.en).toContain('2024-07-01 03:00');
    expect(t.s.nextDue()).toEqual(at(2024, 7, 1, 3));
  });

  it('an unreadable record is reported and taken as a fresh start', async () => {
    const t = await setup(at(2024, 5, 10, 12), '{"since": 12');
    await t.s.start(monthly);
    expect(t.problems[0]?.code).toBe('ER_1405');
    expect(t.runs).toEqual([]);
    expect((await t.saved()).since).toBe(at(2024, 5, 10, 12).toISOString());
  });

  it('no schedule: one information line, no timer', async () => {
    const t = await setup(at(2024, 5, 10, 12));
    await t.s.start(undefined);
    expect(t.problems.map((p) => p.code)).toEqual(['ER_6407']);
    expect(t.clock.timers.size).toBe(0);
  });

  it('stop clears the timer', async () => {
    const t = await setup(at(2024, 5, 10, 12));
    await t.s.start(monthly);
    await t.s.stop();
    expect(t.clock.timers.size).toBe(0);
  });
});
