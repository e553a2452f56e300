/**
 * The delivery loop (docs/delivery.md): sends waiting reports one at a time, oldest first, records each outcome in the
 * spool, and then sleeps on a single timer until the next report falls due. Nothing runs while nothing waits: no
 * polling. Call wake() once at start-up (to resume what waits) and when the settings change; an accepted report wakes
 * it by itself. Retries and the limit count elapsed time (the monotonic clock); only a wait for the time window to open
 * follows the wall clock, and is looked at again at least once a minute so a clock step moves it (docs/delivery.md).
 * A pass walks the spool's delivery order (its index) and stops at the first report it sends: no sort, no folder read.
 */
import { problem } from '../../shared/messages/problem.js';
import { type LocalizedText } from '../../shared/messages/text.js';
import { isCodedError, reasonOf } from '../../shared/node/coded-error.js';
import { type Report } from '../../shared/report/model.js';
import { type RetryPolicy } from '../../shared/schedule/window.js';
import { type Outcome, type Route, type RouteContext } from '../routes/route.js';
import { ageFromCreation, takenAt } from '../spool/age.js';
import { logEntry, problemEntry, type LogSink } from '../common/log-entry.js';
import { type Spool } from '../spool/spool.js';
import { type SpoolRecord, type SpoolRelay } from '../spool/record.js';
import { ClockWatch, monoOf, span, systemClock, type Clock, type TimerHandle } from '../common/clock.js';
import { afterFailure, decide, plan, type ActivationState, type Decision, type Moment } from './policy.js';

export { decide, maySend, policySources, type ActivationState, type Decision } from './policy.js';

/** A reason quoted inside a sentence that goes on after it: without its own closing 。 or . (no "。。" / ".."). */
const sentence = (t: LocalizedText): LocalizedText => ({ ja: t.ja.replace(/[。.]+$/u, ''), en: t.en.replace(/\.+$/u, '') });

/** setTimeout cannot wait longer than this; a longer wait wakes early and simply sleeps again. */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * A wait for the time window to open is a wall-clock wait: the loop looks at the clock again at least this often, so
 * after a step the opening is planned on the new clock within a minute (a clock stepped into the window sends then).
 * Waits of elapsed time (a retry interval, the limit) sleep through, since no step changes them.
 */
export const WALL_RECHECK_MS = 60_000;

export interface DeliveryLoopOptions {
  spool: Spool;
  /** `relay`: the report was relayed from an agent (the manager relay): its forwarding route, not express.route. */
  routeFor(report: Report, relay?: SpoolRelay): Route | undefined;
  /** Read at every pass, so a settings change applies from the next wake(). */
  policy(): RetryPolicy;
  state(): ActivationState;
  /**
   * A maintenance pause (docs/delivery.md): while true nothing is sent and nothing expires, retries included, and no
   * timer runs; whoever ends it calls wake(). Read at every pass.
   */
  held?(): boolean;
  context(): Omit<RouteContext, 'signal'>;
  clock?: Clock;
  onEvent?: LogSink;
}

export class DeliveryLoop {
  private readonly clock: Clock;
  private readonly mono: () => number;
  private readonly watch: ClockWatch;
  private readonly log: LogSink;
  /** dueMono: when (monotonic) the earliest wait ends; the timer itself may ring earlier, to look at the wall clock. */
  private timer: { handle: TimerHandle; dueMono: number; dueWall: number } | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private abort: AbortController | undefined;
  /** The reports whose attempt is in flight (one, or a bulk call's several). */
  private readonly sending = new Set<string>();
  /** In memory only (monotonic deadlines): a report whose outcome could not be written is not retried in a tight loop. */
  private readonly backoff = new Map<string, number>();
  /** Delivered, but the disk refused to record it (ER_1052): the next turn only records it, never sends it again. */
  private readonly unrecorded = new Map<string, { outcome: Outcome & { ok: true }; route: string }>();
  private readonly unsubscribe: () => void;

  constructor(private readonly o: DeliveryLoopOptions) {
    this.clock = o.clock ?? systemClock;
    this.mono = monoOf(this.clock);
    this.watch = new ClockWatch(this.clock);
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

  /**
   * A maintenance pause began (held() answers true from now on): the attempt in flight is cut short (not counted, the
   * report stays waiting, as at a shutdown) and this resolves once the loop is idle, so no connection is left open.
   */
  async hold(): Promise<void> {
    this.disarm();
    this.abort?.abort();
    await this.running;
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
    return this.sending.has(id);
  }

  /** When the loop will wake by itself to do something, if at all, on today's clock (status page, tests). */
  nextWake(): Date | undefined {
    if (!this.timer) return undefined;
    const estimate = this.clock.now().getTime() + Math.max(0, this.timer.dueMono - this.mono());
    // The two clocks are read one after the other, so the estimate can be off by a millisecond; unless the wall clock
    // was stepped since the timer was armed, the wall time planned then (a window's opening, to the minute) is exact.
    return new Date(Math.abs(estimate - this.timer.dueWall) <= 1_000 ? this.timer.dueWall : estimate);
  }

  /**
   * When a waiting report is next tried, on today's clock, if nothing holds it back (the state, its collection): now
   * when due, undefined when it is about to expire (status).
   */
  plannedAttempt(id: string): Date | undefined {
    const rec = this.o.spool.get(id);
    if (rec?.folder !== 'pending' || this.o.held?.()) return undefined; // paused: ServiceStatus.maintenance says until when
    const now = this.clock.now();
    const d = plan(rec, this.moment(rec, now), this.o.policy(), this.notBefore(rec));
    return d.kind === 'send' ? now : d.kind === 'wait' ? d.at : undefined;
  }

  /**
   * Compares the wall clock with the elapsed time and logs a step (ER_6030). Every pass does; status calls it too, and
   * a step it finds wakes the loop, so what waits for the time window is planned on the new clock at once.
   */
  checkClock(): void {
    if (this.noticeStep() && !this.stopped) void this.wake();
  }

  private noticeStep(): boolean {
    const step = this.watch.check();
    if (!step) return false;
    const direction = step.ms > 0 ? { ja: '進められ', en: 'forward' } : { ja: '戻され', en: 'back' };
    this.log(logEntry('ER_6030', { amount: span(step.ms), direction, expected: step.expected.toISOString(), actual: step.actual.toISOString() }));
    return true;
  }

  private moment(rec: SpoolRecord, now: Date): Moment {
    return { age: this.o.spool.ageOf(rec.report.id) ?? ageFromCreation(takenAt(rec), now), now };
  }

  /** The back-off after a failed spool write, as an age. */
  private notBefore(rec: SpoolRecord): number {
    const until = this.backoff.get(rec.report.id);
    return until === undefined ? 0 : (this.o.spool.ageOf(rec.report.id) ?? 0) + until - this.mono();
  }

  private decide(rec: SpoolRecord, now: Date, policy: RetryPolicy, state: ActivationState): Decision {
    return decide(rec, this.moment(rec, now), policy, state, this.notBefore(rec));
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
    this.noticeStep();
    if (this.o.held?.()) return; // paused for maintenance: nothing goes, nothing expires; resume wakes the loop
    const now = this.clock.now();
    const policy = this.o.policy();
    const state = this.o.state();
    let wake: { ms: number; sleep: number; at: number } | undefined;
    for (const rec of this.o.spool.walkPending()) {
      if (this.stopped || this.o.held?.()) return; // a pause that began during this pass (after an expiry's write)
      const d = this.decide(rec, now, policy, state);
      if (d.kind === 'wait') {
        const sleep = d.wall ? Math.min(d.ms, WALL_RECHECK_MS) : d.ms;
        const earliest = wake === undefined || d.ms < wake.ms ? { ms: d.ms, at: d.at.getTime() } : wake;
        wake = { ...earliest, sleep: Math.min(wake?.sleep ?? Infinity, sleep) };
      } else if (d.kind === 'expire') {
        await this.guard(rec, policy, () => this.o.spool.expire(rec.report.id, d.problem));
        this.log(problemEntry(d.problem, rec.report.id));
      } else {
        const route = this.o.routeFor(rec.report, rec.relay);
        const batch = route?.sendBatch && rec.relay && !this.unrecorded.has(rec.report.id) ? this.batchOf(rec, route, now, policy, state) : [rec];
        if (route && batch.length > 1) await this.attemptBatch(batch, route, policy);
        else await this.attempt(rec, policy, route);
        this.again = true;
        return;
      }
    }
    if (wake !== undefined && !this.stopped) this.arm(wake.ms, wake.sleep, wake.at);
  }

  /**
   * Dial-up bulk forwarding (一括通報): the first due relayed report and the other relayed reports due now over the
   * same route, oldest first, up to its maxBatch. The manager's own reports always go one at a time.
   */
  private batchOf(first: SpoolRecord, route: Route, now: Date, policy: RetryPolicy, state: ActivationState): SpoolRecord[] {
    const batch = [first];
    for (const rec of this.o.spool.walkPending()) {
      if (batch.length >= (route.maxBatch ?? 1)) break;
      if (rec === first || !rec.relay || this.unrecorded.has(rec.report.id) || this.decide(rec, now, policy, state).kind !== 'send') continue;
      if (this.o.routeFor(rec.report, rec.relay) === route) batch.push(rec);
    }
    return batch;
  }

  /** One call for several reports; each outcome is recorded as if it had been its own attempt. */
  private async attemptBatch(due: SpoolRecord[], route: Route, policy: RetryPolicy): Promise<void> {
    const recs = due.map((r) => this.o.spool.claim(r.report.id)).filter((r): r is SpoolRecord => r !== undefined);
    if (recs.length === 0) return;
    const abort = (this.abort = new AbortController());
    for (const r of recs) this.sending.add(r.report.id);
    let outcomes: Outcome[];
    try {
      outcomes = await route.sendBatch!(
        recs.map((r) => r.report),
        { ...this.o.context(), signal: abort.signal },
      );
      if (outcomes.length !== recs.length) throw new Error(`${outcomes.length} outcomes for ${recs.length} reports`);
    } catch (e) {
      const failed: Outcome = { ok: false, retry: true, problem: isCodedError(e) ? e.problem : problem('ER_1051', { route: route.name, reason: reasonOf(e) }) };
      outcomes = recs.map(() => failed);
    } finally {
      this.abort = undefined;
      for (const r of recs) {
        this.sending.delete(r.report.id);
        this.o.spool.release(r.report.id);
      }
    }
    for (const [i, rec] of recs.entries()) {
      const outcome = outcomes[i]!;
      if (abort.signal.aborted && !outcome.ok) continue; // cut short by a shutdown: not counted
      await this.guard(rec, policy, () => this.record(rec, outcome, route.name, policy));
    }
    this.log(logEntry('ER_6742', { count: recs.length, acked: outcomes.filter((o) => o.ok).length, route: route.name }));
  }

  private async attempt(claimed: SpoolRecord, policy: RetryPolicy, route: Route | undefined): Promise<void> {
    const rec = this.o.spool.claim(claimed.report.id);
    if (!rec) return;
    const { report } = rec;
    const kept = this.unrecorded.get(report.id);
    if (kept) {
      this.o.spool.release(report.id);
      return this.guard(rec, policy, () => this.record(rec, kept.outcome, kept.route, policy));
    }
    const abort = (this.abort = new AbortController());
    this.sending.add(report.id);
    let outcome: Outcome;
    try {
      outcome = route
        ? await route.send(report, { ...this.o.context(), signal: abort.signal })
        : { ok: false, problem: problem('ER_2100', { id: report.id }), retry: true };
    } catch (e) {
      outcome = { ok: false, retry: true, problem: isCodedError(e) ? e.problem : problem('ER_1051', { route: route?.name ?? '-', reason: reasonOf(e) }) };
    } finally {
      this.abort = undefined;
      this.sending.delete(report.id);
      this.o.spool.release(report.id);
    }
    // A shutdown cut the attempt short: not the report's fault, so nothing is recorded; the next start tries again.
    if (abort.signal.aborted && !outcome.ok) return;
    await this.guard(rec, policy, () => this.record(rec, outcome, route?.name ?? '-', policy));
  }

  private async record(rec: SpoolRecord, outcome: Outcome, routeName: string, policy: RetryPolicy): Promise<void> {
    const { id, kind } = rec.report;
    const spool = this.o.spool;
    if (outcome.ok) {
      this.unrecorded.set(id, { outcome, route: routeName });
      await spool.markSent(id, outcome.detail, routeName);
      this.unrecorded.delete(id);
      if (rec.relay) this.log(logEntry('ER_6741', { id, kind, from: rec.relay.from, route: routeName, detail: outcome.detail }, id));
      else this.log(logEntry('ER_6051', { id, kind, route: routeName, detail: outcome.detail }, id));
      return;
    }
    const attempts = rec.attempts + 1;
    if (!outcome.retry) {
      // Nothing refused it (no route enabled): the outcome says why itself, once.
      if (outcome.reason) {
        await spool.recordFailure(id, outcome.problem, 'expired', { route: routeName, reason: outcome.reason });
        this.log(problemEntry(outcome.reason, id));
        return;
      }
      const reason = problem('ER_2104', { id, kind, route: routeName, reason: outcome.problem.message });
      await spool.recordFailure(id, outcome.problem, 'expired', { route: routeName, reason });
      this.log(logEntry('ER_2104', { id, kind, route: routeName, reason: outcome.problem.message }, id));
      return;
    }
    // The interval counts from the end of the attempt, in the report's age: a clock step cannot stretch or skip it.
    const next = afterFailure(this.moment(rec, this.clock.now()), policy, rec.heldMs);
    if (next === 'expired') {
      const reason = problem('ER_2102', { id, kind, hours: policy.limitHours, attempts });
      await spool.recordFailure(id, outcome.problem, 'expired', { route: routeName, reason });
      this.log(problemEntry(reason, id));
      return;
    }
    await spool.recordFailure(id, outcome.problem, next, { route: routeName });
    this.log(logEntry('ER_2101', { id, route: routeName, attempts, reason: sentence(outcome.problem.message), next: next.at.toISOString() }, id));
  }

  /** A spool write that fails (disk full) is logged and the report waits one interval, instead of spinning. */
  private async guard(rec: SpoolRecord, policy: RetryPolicy, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
      this.backoff.delete(rec.report.id);
    } catch (e) {
      const reason = isCodedError(e) ? e.problem.message : reasonOf(e);
      this.log(logEntry('ER_1052', { id: rec.report.id, reason, minutes: policy.intervalMinutes }, rec.report.id));
      this.backoff.set(rec.report.id, this.mono() + policy.intervalMinutes * 60_000);
    }
  }

  /**
   * One timer: `ms` until the earliest wait ends (at `dueWall` on the wall clock, as planned), ringing after `sleep`
   * (<= ms) to look at the clocks again.
   */
  private arm(ms: number, sleep: number, dueWall: number): void {
    const dueMono = this.mono() + Math.max(0, ms);
    this.timer = {
      dueMono,
      dueWall,
      handle: this.clock.setTimer(
        () => {
          this.timer = undefined;
          void this.wake();
        },
        Math.min(Math.max(0, sleep), MAX_DELAY),
      ),
    };
  }

  private disarm(): void {
    if (this.timer) this.clock.clearTimer(this.timer.handle);
    this.timer = undefined;
  }
}
