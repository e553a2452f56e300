/**
 * The delivery loop (docs/delivery.md): sends waiting reports one at a time, oldest first, records each outcome in the
 * spool, and then sleeps on a single timer until the next report falls due. Nothing runs while nothing waits: no
 * polling. Call wake() once at start-up (to resume what waits) and when the settings change; an accepted report wakes
 * it by itself.
 */
import { problem } from '../../shared/messages/problem.js';
import { type LocalizedText } from '../../shared/messages/text.js';
import { isCodedError, reasonOf } from '../../shared/node/coded-error.js';
import { type Report } from '../../shared/report/model.js';
import { nextAttempt, type RetryPolicy } from '../../shared/schedule/window.js';
import { type Outcome, type Route, type RouteContext } from '../routes/route.js';
import { logEntry, problemEntry, type LogSink } from '../spool/log-entry.js';
import { type Spool, type SpoolRecord } from '../spool/spool.js';
import { decide, type ActivationState } from './policy.js';

export { decide, maySend, policySources, type ActivationState, type Decision } from './policy.js';

export type TimerHandle = unknown;

/** A reason quoted inside a sentence that goes on after it: without its own closing 。 or . (no "。。" / ".."). */
const sentence = (t: LocalizedText): LocalizedText => ({ ja: t.ja.replace(/[。.]+$/u, ''), en: t.en.replace(/\.+$/u, '') });
export interface Clock {
  now(): Date;
  setTimer(fn: () => void, ms: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** setTimeout cannot wait longer than this; a longer wait wakes early and simply sleeps again. */
const MAX_DELAY = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => new Date(),
  // unref: a waiting retry alone must not keep a process alive that is otherwise shutting down.
  setTimer: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface DeliveryLoopOptions {
  spool: Spool;
  routeFor(report: Report): Route | undefined;
  /** Read at every pass, so a settings change applies from the next wake(). */
  policy(): RetryPolicy;
  state(): ActivationState;
  context(): Omit<RouteContext, 'signal'>;
  clock?: Clock;
  onEvent?: LogSink;
}

export class DeliveryLoop {
  private readonly clock: Clock;
  private readonly log: LogSink;
  private timer: { handle: TimerHandle; at: number } | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private abort: AbortController | undefined;
  private sending: string | undefined;
  /** In memory only: a report whose outcome could not be written is not retried in a tight loop. */
  private readonly backoff = new Map<string, number>();
  private readonly unsubscribe: () => void;

  constructor(private readonly o: DeliveryLoopOptions) {
    this.clock = o.clock ?? systemClock;
    this.log = o.onEvent ?? (() => undefined);
    this.unsubscribe = o.spool.onAccepted(() => void this.wake());
  }

  /** Runs a pass now (or right after the current one); resolves when nothing more is due. */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run();
    return this.running;
  }

  /** Cancels the attempt in flight (it is not counted; the report stays waiting) and waits for the loop to settle. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    this.disarm();
    this.abort?.abort();
    await this.running;
  }

  /** The report whose attempt is in flight right now (status shows it as being sent). */
  isSending(id: string): boolean {
    return this.sending === id;
  }

  /** When the loop will wake by itself, if at all (status page, tests). */
  nextWake(): Date | undefined {
    return this.timer ? new Date(this.timer.at) : undefined;
  }

  private async run(): Promise<void> {
    try {
      for (;;) {
        this.again = false;
        await this.pass();
        if (!this.again || this.stopped) return;
      }
    } finally {
      this.running = undefined; // cleared in the same turn as the last check, so no wake() is lost in between
    }
  }

  /** Expires what has to expire, sends the first due report (then another pass follows), or arms the timer. */
  private async pass(): Promise<void> {
    this.disarm();
    const now = this.clock.now();
    const policy = this.o.policy();
    const state = this.o.state();
    let wakeAt: number | undefined;
    for (const rec of this.o.spool.pending()) {
      if (this.stopped) return;
      const d = decide(rec, now, policy, state, this.backoff.get(rec.report.id));
      if (d.kind === 'wait') {
        wakeAt = Math.min(wakeAt ?? Infinity, d.at.getTime());
      } else if (d.kind === 'expire') {
        await this.guard(rec, policy, () => this.o.spool.expire(rec.report.id, d.problem));
        this.log(problemEntry(d.problem, rec.report.id));
      } else {
        await this.attempt(rec, policy);
        this.again = true;
        return;
      }
    }
    if (wakeAt !== undefined && !this.stopped) this.arm(wakeAt);
  }

  private async attempt(claimed: SpoolRecord, policy: RetryPolicy): Promise<void> {
    const rec = this.o.spool.claim(claimed.report.id);
    if (!rec) return;
    const { report } = rec;
    const route = this.o.routeFor(report);
    const abort = (this.abort = new AbortController());
    this.sending = report.id;
    let outcome: Outcome;
    try {
      outcome = route
        ? await route.send(report, { ...this.o.context(), signal: abort.signal })
        : { ok: false, problem: problem('ER_2100', { id: report.id }), retry: true };
    } catch (e) {
      outcome = { ok: false, retry: true, problem: isCodedError(e) ? e.problem : problem('ER_1051', { route: route?.name ?? '-', reason: reasonOf(e) }) };
    } finally {
      this.abort = undefined;
      this.sending = undefined;
      this.o.spool.release(report.id);
    }
    // A shutdown cut the attempt short: not the report's fault, so nothing is recorded; the next start tries again.
    if (abort.signal.aborted && !outcome.ok) return;
    await this.guard(rec, policy, () => this.record(rec, outcome, route?.name ?? '-', policy));
  }

  private async record(rec: SpoolRecord, outcome: Outcome, routeName: string, policy: RetryPolicy): Promise<void> {
    const { id, kind, createdAt } = rec.report;
    const spool = this.o.spool;
    if (outcome.ok) {
      await spool.markSent(id, outcome.detail, routeName);
      this.log(logEntry('ER_6051', { id, kind, route: routeName, detail: outcome.detail }, id));
      return;
    }
    const attempts = rec.attempts + 1;
    if (!outcome.retry) {
      const reason = problem('ER_2104', { id, kind, route: routeName, reason: outcome.problem.message });
      await spool.recordFailure(id, outcome.problem, 'expired', { route: routeName, reason });
      this.log(logEntry('ER_2104', { id, kind, route: routeName, reason: outcome.problem.message }, id));
      return;
    }
    const next = nextAttempt(new Date(createdAt), this.clock.now(), policy);
    if (next === 'expired') {
      const reason = problem('ER_2102', { id, kind, hours: policy.limitHours, attempts });
      await spool.recordFailure(id, outcome.problem, 'expired', { route: routeName, reason });
      this.log(problemEntry(reason, id));
      return;
    }
    await spool.recordFailure(id, outcome.problem, next, { route: routeName });
    this.log(logEntry('ER_2101', { id, route: routeName, attempts, reason: sentence(outcome.problem.message), next: next.toISOString() }, id));
  }

  /** A spool write that fails (disk full) is logged and the report waits one interval, instead of spinning. */
  private async guard(rec: SpoolRecord, policy: RetryPolicy, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
      this.backoff.delete(rec.report.id);
    } catch (e) {
      const reason = isCodedError(e) ? e.problem.message : reasonOf(e);
      this.log(logEntry('ER_1052', { id: rec.report.id, reason, minutes: policy.intervalMinutes }, rec.report.id));
      this.backoff.set(rec.report.id, this.clock.now().getTime() + policy.intervalMinutes * 60_000);
    }
  }

  private arm(at: number): void {
    const ms = Math.min(Math.max(0, at - this.clock.now().getTime()), MAX_DELAY);
    this.timer = { at, handle: this.clock.setTimer(() => {
      this.timer = undefined;
      void this.wake();
    }, ms) };
  }

  private disarm(): void {
    if (this.timer) this.clock.clearTimer(this.timer.handle);
    this.timer = undefined;
  }
}
