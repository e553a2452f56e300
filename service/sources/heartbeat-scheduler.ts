/**
 * Runs the scheduled configuration information (構成情報通報, AMHTPHBI.INF [Schedule]) on one timer to the next due
 * time (no polling), and remembers in a small JSON file in the state folder what it has handled:
 *   { "since": ISO, "lastRun"?: ISO, "schedule": {...} }
 * `since` is the moment up to which scheduled times are dealt with (run, or deliberately not: before the schedule
 * existed). On start, a time missed while the service was down runs once (shared/schedule/heartbeat.ts missedRun);
 * a fresh install or a changed schedule waits for its first time instead of sending at once. A timer that wakes
 * before the due time (setTimeout's 24.8-day limit, a clock set back) sleeps again; one that wakes late (a clock set
 * forward, a suspended machine) runs at once.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type Schedule } from '../../shared/inf/hbi.js';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { missedRun, nextRun } from '../../shared/schedule/heartbeat.js';
import { writeFileAtomic } from '../../shared/node/atomic-write.js';
import { errnoCode, reasonOf } from '../../shared/node/coded-error.js';
import { recordFormat, stamped } from '../../shared/node/formats/format.js';
import { systemClock, type Clock, type TimerHandle } from '../common/clock.js';

export interface HeartbeatState {
  since: string;
  lastRun?: string;
  schedule: Schedule;
}

export interface HeartbeatSchedulerOptions {
  /** e.g. `<state>/heartbeat.json` */
  stateFile: string;
  /** Starts one configuration information report for the scheduled time `due`; resolves once it is queued. */
  run: (due: Date) => Promise<void>;
  onProblem: (p: Problem) => void;
  clock?: Clock;
}

/** setTimeout cannot wait longer than this (about 24.8 days). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

const p2 = (n: number): string => String(n).padStart(2, '0');
/** Local wall-clock time, as the schedule is written. */
const local = (d: Date): string => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}`;
const same = (a: Schedule | undefined, b: Schedule | undefined): boolean =>
  a === b || (!!a && !!b && a.type === b.type && a.day === b.day && a.hour === b.hour && a.minute === b.minute);

function isState(v: unknown): v is HeartbeatState {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const s = o.schedule as Record<string, unknown> | undefined;
  return (
    typeof o.since === 'string' &&
    !Number.isNaN(Date.parse(o.since)) &&
    (o.lastRun === undefined || typeof o.lastRun === 'string') &&
    typeof s === 'object' &&
    s !== null &&
    (s.type === 'every month' || s.type === 'every week') &&
    [s.day, s.hour, s.minute].every((n) => Number.isInteger(n))
  );
}

export class HeartbeatScheduler {
  private readonly clock: Clock;
  private schedule: Schedule | undefined;
  private state: HeartbeatState | undefined;
  private timer: TimerHandle | undefined;
  private due: Date | undefined;
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly o: HeartbeatSchedulerOptions) {
    this.clock = o.clock ?? systemClock;
  }

  /** The next scheduled time the timer waits for, if any. */
  nextDue(): Date | undefined {
    return this.due;
  }

  /** Reads what was handled before, runs a missed time once, and arms the timer. Resolves after a missed run. */
  start(schedule: Schedule | undefined): Promise<void> {
    this.stopped = false;
    return this.serial(async () => {
      this.state = await this.load();
      this.schedule = schedule;
      if (!schedule) return this.idle();
      const now = this.clock.now();
      if (this.state && same(this.state.schedule, schedule)) {
        const missed = missedRun(schedule, new Date(this.state.since), now);
        if (missed) {
          this.o.onProblem(problem('ER_6405', { time: local(missed) }));
          await this.fire(missed);
          return;
        }
      } else {
        await this.save({ since: now.toISOString(), schedule, ...(this.state?.lastRun ? { lastRun: this.state.lastRun } : {}) });
      }
      this.arm();
    });
  }

  /** A changed schedule (AMHTPHBI.INF edited) re-arms; it counts from now, so it never sends at once. */
  update(schedule: Schedule | undefined): Promise<void> {
    return this.serial(async () => {
      if (same(schedule, this.schedule)) return;
      this.schedule = schedule;
      this.disarm();
      if (!schedule) return this.idle();
      await this.save({ since: this.clock.now().toISOString(), schedule, ...(this.state?.lastRun ? { lastRun: this.state.lastRun } : {}) });
      this.arm();
    });
  }

  /** Resolves when what was asked so far (start, update, a timer's run) is done. */
  settled(): Promise<void> {
    return this.chain;
  }

  /** Stops the timer; waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.disarm();
    await this.chain;
  }

  private serial(task: () => Promise<void>): Promise<void> {
    const next = this.chain.then(task);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private idle(): void {
    this.o.onProblem(problem('ER_6407'));
  }

  private arm(): void {
    const s = this.schedule;
    if (!s || !this.state || this.stopped) return;
    this.disarm();
    const due = nextRun(s, new Date(this.state.since));
    this.due = due;
    this.o.onProblem(problem('ER_6406', { time: local(due) }));
    this.sleep(due);
  }

  private sleep(due: Date): void {
    const wait = Math.max(0, due.getTime() - this.clock.now().getTime());
    this.timer = this.clock.setTimer(
      () => {
        this.timer = undefined;
        void this.serial(() => this.wake(due));
      },
      Math.min(wait, MAX_TIMER_MS),
    );
  }

  private async wake(due: Date): Promise<void> {
    if (this.stopped || this.due !== due) return; // re-armed or stopped meanwhile
    if (this.clock.now() < due) return this.sleep(due);
    await this.fire(due);
  }

  /** Runs for `due`, records it (whether or not the run could start: the next time is the next chance), re-arms. */
  private async fire(due: Date): Promise<void> {
    const s = this.schedule;
    if (!s) return;
    const started = this.clock.now();
    try {
      await this.o.run(due);
    } catch (e) {
      this.o.onProblem(problem('ER_1403', { time: local(due), reason: reasonOf(e), next: local(nextRun(s, started)) }));
    }
    await this.save({ since: started.toISOString(), lastRun: started.toISOString(), schedule: s });
    this.arm();
  }

  private disarm(): void {
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    this.due = undefined;
  }

  /** A record of a newer format throws ER_8101 (the start fails): it is neither used nor overwritten. */
  private async load(): Promise<HeartbeatState | undefined> {
    let text: string;
    try {
      text = await readFile(this.o.stateFile, 'utf8');
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') this.o.onProblem(problem('ER_1405', { path: this.o.stateFile, reason: reasonOf(e) }));
      return undefined;
    }
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      this.o.onProblem(problem('ER_1405', { path: this.o.stateFile, reason: reasonOf(e) }));
      return undefined;
    }
    recordFormat(v, this.o.stateFile);
    try {
      if (isState(v)) return v;
      throw new Error('not a heartbeat record');
    } catch (e) {
      this.o.onProblem(problem('ER_1405', { path: this.o.stateFile, reason: reasonOf(e) }));
      return undefined;
    }
  }

  /** Kept in memory even when the file cannot be written: the timer goes on; only a restart may repeat a run. */
  private async save(state: HeartbeatState): Promise<void> {
    this.state = state;
    try {
      await mkdir(dirname(this.o.stateFile), { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.o.stateFile, `${JSON.stringify(stamped(state), null, 2)}\n`, { mode: 0o600 });
    } catch (e) {
      this.o.onProblem(problem('ER_1404', { path: this.o.stateFile, reason: reasonOf(e) }));
    }
  }
}
