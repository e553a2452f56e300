/**
 * What the delivery loop does with one waiting report right now: send it, wait until a time, or give up (expire).
 * Pure, so the rules of docs/delivery.md are tested as tables without a clock.
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
export type Decision = { kind: 'send' } | { kind: 'wait'; at: Date } | { kind: 'expire'; problem: Problem };

/**
 * Reports go out only while active (DESIGN.md section 6). The test and activation notifications are what moves the
 * state from configured to active, so they go out while configured or tested too. paused holds everything; ended
 * (and not-activated) sends nothing.
 */
export function maySend(kind: ReportKind, state: ActivationState): boolean {
  if (state === 'active') return true;
  return (state === 'configured' || state === 'tested') && (kind === 'test' || kind === 'activation');
}

/**
 * The limit counts from acceptance. An attempt that fell due before the limit is still made, even late (after a
 * restart, say); a report the state holds back waits until its limit and then expires; a report whose time window does
 * not open again before its limit expires at once, as nextAttempt() decides after a failure.
 */
export function decide(rec: SpoolRecord, now: Date, p: RetryPolicy, state: ActivationState, notBefore = 0): Decision {
  const { id, kind, createdAt } = rec.report;
  const limit = Date.parse(createdAt) + p.limitHours * 3_600_000;
  const pastLimit = (): Decision => ({ kind: 'expire', problem: problem('ER_2102', { id, kind, hours: p.limitHours, attempts: rec.attempts }) });
  const noWindow = (): Decision => ({ kind: 'expire', problem: problem('ER_2103', { id, kind, limit: new Date(limit).toISOString() }) });
  // Held while its logs are collected (the collection's own TimeOut ends that), but never past its limit.
  if (!maySend(kind, state) || rec.collecting) return now.getTime() >= limit ? pastLimit() : { kind: 'wait', at: new Date(limit) };
  const due = Math.max(Date.parse(rec.nextAttemptAt), notBefore);
  if (due > limit) return pastLimit();
  const open = nextOpen(new Date(Math.max(due, now.getTime())), p.week);
  if (!open) return noWindow();
  if (open.getTime() <= now.getTime()) return { kind: 'send' };
  if (open.getTime() > limit) return noWindow();
  return { kind: 'wait', at: open };
}

export function retryPolicy(s: Settings): RetryPolicy {
  return {
    intervalMinutes: s['schedule.retry.intervalMinutes'],
    limitHours: s['schedule.retry.limitHours'],
    week: weekFromSettings(WEEKDAYS.map((d) => s[`schedule.window.${d}`])),
  };
}

/** The loop's policy, state and route context, read from the current (last good) config at every pass. */
export function policySources(config: () => Config, openSecret: (sealed: string) => string): {
  policy(): RetryPolicy; state(): ActivationState; context(): Omit<RouteContext, 'signal'>;
} {
  return {
    policy: () => retryPolicy(config().settings),
    state: () => config().settings['activation.state'],
    context: () => ({ config: config(), openSecret }),
  };
}
