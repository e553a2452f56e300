/**
 * What the delivery loop does with one waiting report right now: send it, wait, or give up (expire). Pure, so the rules
 * of docs/delivery.md are tested as tables without a clock. The retry interval and the limit count the report's age
 * (spool/age.ts: elapsed time, never stepped); only the time window reads the wall clock (docs/delivery.md, "Clock steps").
 */
import { type Config } from '../../shared/config/model.js';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { type ReportKind } from '../../shared/report/model.js';
import { nextOpen, weekFromSettings, type RetryPolicy } from '../../shared/schedule/window.js';
import { type Settings } from '../../shared/settings/schema.js';
import { WEEKDAYS } from '../../shared/settings/defs/schedule.js';
import { type RouteContext } from '../routes/route.js';
import { type SpoolRecord } from '../spool/record.js';

export type ActivationState = Settings['activation.state'];
/** Where a report stands now: its age (ms in the service's hands) and the wall clock's reading. */
export interface Moment {
  age: number;
  now: Date;
}

/**
 * wait: `ms` from now; `at` is the wall clock's reading of that, for people. `wall`: the wait ends when the wall clock
 * reaches `at` (a time window opening), so a clock step moves it and the loop looks again now and then; otherwise it is
 * elapsed time (a retry interval, the limit) that no clock step changes.
 */
export type Decision = { kind: 'send' } | { kind: 'wait'; ms: number; at: Date; wall: boolean } | { kind: 'expire'; problem: Problem };

/** The age at which the next attempt is due; a record of an older version has only its wall-clock time. */
export function dueAge(rec: SpoolRecord, m: Moment): number {
  return rec.dueAgeMs ?? m.age + Date.parse(rec.nextAttemptAt) - m.now.getTime();
}

/**
 * Reports go out only while active (docs/design.md section 7). The test and activation notifications are what moves the
 * state from configured to active, so they go out while configured or tested too. paused holds everything; ended
 * (and not-activated) sends nothing. A relayed report (`relayed`) is an agent's, not this manager's: the manager's own
 * state does not hold it (a manager forwards with its registered destinations, 宛先登録, activated or not); only
 * paused (also what the loop reads while there is no valid configuration) does.
 */
export function maySend(kind: ReportKind, state: ActivationState, relayed = false): boolean {
  if (relayed) return state !== 'paused';
  if (state === 'active') return true;
  return (state === 'configured' || state === 'tested') && (kind === 'test' || kind === 'activation');
}

/**
 * The limit counts the report's age (from acceptance). An attempt that fell due before the limit is still made, even
 * late (after a restart, say); a report the state holds back waits until its limit and then expires; a report whose
 * time window does not open again before its limit expires at once, as afterFailure() decides after a failure.
 * `notBefore`: an age before which it is not tried (the loop's back-off after a spool write failed).
 */
export function decide(rec: SpoolRecord, m: Moment, p: RetryPolicy, state: ActivationState, notBefore = 0): Decision {
  const limit = limitOf(rec, p);
  // Held while its logs are collected (the collection's own TimeOut ends that), but never past its limit.
  if (!maySend(rec.report.kind, state, rec.relay !== undefined) || rec.collecting) {
    return m.age >= limit ? pastLimit(rec, p) : { kind: 'wait', ms: limit - m.age, at: new Date(m.now.getTime() + limit - m.age), wall: false };
  }
  return plan(rec, m, p, notBefore);
}

/** The retry limit as an age: the policy's hours, plus the time a maintenance pause held the report (record.ts heldMs). */
export const limitOf = (rec: Pick<SpoolRecord, 'heldMs'>, p: RetryPolicy): number => p.limitHours * 3_600_000 + (rec.heldMs ?? 0);

const pastLimit = (rec: SpoolRecord, p: RetryPolicy): Decision => ({
  kind: 'expire',
  problem: problem('ER_2102', { id: rec.report.id, kind: rec.report.kind, hours: p.limitHours, attempts: rec.attempts }),
});

/** What decide() does with a report that nothing holds back (status shows it as the next attempt of a held one too). */
export function plan(rec: SpoolRecord, m: Moment, p: RetryPolicy, notBefore = 0): Decision {
  const { id, kind } = rec.report;
  const limit = limitOf(rec, p);
  const at = (ms: number): Date => new Date(m.now.getTime() + ms);
  const wait = (ms: number, wall: boolean): Decision => ({ kind: 'wait', ms, at: at(ms), wall });
  const noWindow = (): Decision => ({ kind: 'expire', problem: problem('ER_2103', { id, kind, limit: at(limit - m.age).toISOString() }) });
  const due = Math.max(dueAge(rec, m), notBefore);
  if (due > limit) return pastLimit(rec, p);
  const untilDue = Math.max(0, due - m.age);
  const open = nextOpen(at(untilDue), p.week);
  if (!open) return noWindow();
  const untilOpen = open.getTime() - m.now.getTime();
  if (untilOpen <= 0) return { kind: 'send' };
  if (m.age + untilOpen > limit) return noWindow();
  return untilOpen > untilDue ? wait(untilOpen, true) : wait(untilDue, false);
}

/**
 * After a failed attempt: tried again one interval of elapsed time later (inside the window: `at` is when, on today's
 * clock), or 'expired' when that is past the limit or the window does not open again before it.
 */
export function afterFailure(m: Moment, p: RetryPolicy, heldMs = 0): { inMs: number; at: Date } | 'expired' {
  const inMs = p.intervalMinutes * 60_000;
  const open = nextOpen(new Date(m.now.getTime() + inMs), p.week);
  if (!open || m.age + (open.getTime() - m.now.getTime()) > limitOf({ heldMs }, p)) return 'expired';
  return { inMs, at: open };
}

export function retryPolicy(s: Settings): RetryPolicy {
  return {
    intervalMinutes: s['schedule.retry.intervalMinutes'],
    limitHours: s['schedule.retry.limitHours'],
    week: weekFromSettings(WEEKDAYS.map((d) => s[`schedule.window.${d}`])),
  };
}

/** The loop's policy, state and route context, read from the current (last good) config at every pass. */
export function policySources(
  config: () => Config,
  openSecret: (sealed: string) => string,
): {
  policy(): RetryPolicy;
  state(): ActivationState;
  context(): Omit<RouteContext, 'signal'>;
} {
  return {
    policy: () => retryPolicy(config().settings),
    state: () => config().settings['activation.state'],
    context: () => ({ config: config(), openSecret }),
  };
}
