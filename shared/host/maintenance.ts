/**
 * 保守中 (pause for maintenance, REMCS's 接続停止中): an overlay on 運用中, not a lifecycle state (docs/activation.md,
 * docs/delivery.md). While it lasts the service makes no connection: events are still accepted and kept, and go out when
 * it ends (or are moved to expired, if the user asks). It ends by `resume` or by itself at its end time. The center is
 * told of both ends by a report of kind 'maintenance' (docs/report-format.md). Isomorphic: the command line, the host
 * and the window share these rules, so an end time is checked the same everywhere.
 */
import { problem, type Problem } from '../messages/problem.js';
import { text, type LocalizedText } from '../messages/text.js';
import { stateLabel } from './lifecycle-actions.js';

/** Without --until / --hours the pause ends after 8 hours; never later than 30 days ahead. */
export const DEFAULT_PAUSE_HOURS = 8;
export const MAX_PAUSE_DAYS = 30;
export const MAX_PAUSE_HOURS = MAX_PAUSE_DAYS * 24;
/** The reason is one line of text, kept in the overlay file and sent to the center. */
export const MAX_REASON_LENGTH = 200;

/** The overlay as `<state>/maintenance.json` holds it and status / the window show it. */
export interface MaintenanceOverlay {
  /** When the pause began (ISO 8601, wall clock). */
  since: string;
  /** When it ends by itself (ISO 8601, wall clock); absent: only `resume` ends it (a migrated State=paused). */
  until?: string;
  reason: string;
  /** How it began: `pause` (the command or the window), or `legacy-state` (an older version's State=paused, migrated). */
  origin: 'pause' | 'legacy-state';
  /** The start notice: delivered at once, or waiting (held like every report, sent first after the resume). */
  notice?: { reportId: string; sent: boolean };
  /** Boot id and monotonic ms at `since`: the pause's length measured exactly within one boot (service/spool/age.ts). */
  boot?: string;
  mono?: number;
}

/** The report field of a 'maintenance' report (docs/report-format.md). */
export interface MaintenanceNotice {
  /** start: sent as the hold begins; end: queued as it ends. */
  phase: 'start' | 'end';
  since: string;
  until?: string;
  reason: string;
  /** end only: when and how it ended, and what became of the reports held meanwhile. */
  endedAt?: string;
  endedBy?: 'user' | 'end-time';
  held?: number;
  expiredHeld?: number;
}

/** What the command line and the window ask for; the host turns it into an end time (pauseEnd). */
export interface PauseRequest {
  /** ISO 8601 with an offset, or local `YYYY-MM-DD[T ]HH:MM[:SS]`, or `HH:MM` (today, or tomorrow when past). */
  until?: string;
  /** Hours from now (half-width digits, a decimal point allowed), 0 < N <= 720. */
  hours?: string;
  reason?: string;
}

/** What the service is asked: an absolute end. */
export interface PauseOrder {
  until: string;
  reason: string;
}

export interface ResumeRequest {
  /** Move every report held by the pause to expired (with the reason) instead of sending it. */
  expireHeld?: boolean;
}

export type PauseResult =
  | { ok: true; maintenance: MaintenanceOverlay; notice: { sent: true; detail: string } | { sent: false; problem: Problem } }
  | { ok: false; problems: Problem[] };

export type ResumeResult = { ok: true; held: number; expired: number; noticeId?: string } | { ok: false; problems: Problem[] };

export const PAUSE_LABELS = {
  until: text('終了予定時刻', 'End time'),
  hours: text('時間数', 'Hours'),
  reason: text('理由', 'Reason'),
} as const satisfies Record<string, LocalizedText>;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2025-06-01T18:00` in the local time of this machine (the datetime-local input's form). */
export function localInputValue(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** An instant as this machine's local time with its offset, `2025-06-01 18:00:00 +09:00`: what an operator reads. */
export function formatLocalTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const CLOCK = /^(\d{2}):(\d{2})$/;

/** The time `s` names, or undefined when it is not one of the accepted forms (or not a real date). */
export function parseEndTime(s: string, now: Date): Date | undefined {
  const v = s.trim();
  if (ISO_WITH_ZONE.test(v)) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : new Date(t);
  }
  const local = LOCAL.exec(v);
  if (local) {
    const [y, mo, d, h, mi, se] = local.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as [number, number, number, number, number, number];
    const t = new Date(y, mo - 1, d, h, mi, se);
    // new Date() rolls 2025-02-30 over to March: a day or time that does not exist is refused instead.
    if (t.getFullYear() !== y || t.getMonth() !== mo - 1 || t.getDate() !== d || t.getHours() !== h || t.getMinutes() !== mi) return undefined;
    return t;
  }
  const clock = CLOCK.exec(v);
  if (clock) {
    const [h, mi] = [Number(clock[1]), Number(clock[2])];
    if (h > 23 || mi > 59) return undefined;
    const t = new Date(now.getFullYear(), now.getMonth(), now.getDate(), h, mi, 0);
    if (t.getTime() <= now.getTime()) t.setDate(t.getDate() + 1);
    return t;
  }
  return undefined;
}

/** Control characters (a line break too) have no place in a one-line reason sent to the center. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** The end time and reason of a pause asked at `now`, or the coded problems of the request (each on its field). */
export function pauseOrder(req: PauseRequest, now: Date): { ok: true; order: PauseOrder } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const reason = (req.reason ?? '').trim();
  if (reason.length > MAX_REASON_LENGTH)
    problems.push(problem('ER_3002', { label: PAUSE_LABELS.reason, max: MAX_REASON_LENGTH, length: reason.length }, { field: 'reason' }));
  else if (CONTROL.test(reason)) problems.push(problem('ER_3099', { label: PAUSE_LABELS.reason }, { field: 'reason' }));
  const until = req.until?.trim() ? req.until : undefined;
  const hours = req.hours?.trim() ? req.hours.trim() : undefined;
  let end: Date | undefined;
  if (until !== undefined && hours !== undefined) {
    problems.push(problem('ER_3096', {}, { field: 'until' }));
  } else if (hours !== undefined) {
    const h = /^\d+(\.\d+)?$/.test(hours) ? Number(hours) : NaN;
    if (!(h > 0) || h > MAX_PAUSE_HOURS) problems.push(problem('ER_3095', { value: hours, max: MAX_PAUSE_HOURS }, { field: 'hours' }));
    else end = new Date(now.getTime() + h * 3_600_000);
  } else if (until !== undefined) {
    end = parseEndTime(until, now);
    if (!end) problems.push(problem('ER_3093', { value: until }, { field: 'until' }));
  } else {
    end = new Date(now.getTime() + DEFAULT_PAUSE_HOURS * 3_600_000);
  }
  if (end) problems.push(...endTimeProblems(end, now));
  if (problems.length > 0 || !end) return { ok: false, problems };
  return { ok: true, order: { until: end.toISOString(), reason } };
}

/**
 * Why 保守中にする cannot be chosen now (the ツール menu greys it with this; the service refuses with the same codes):
 * only while 運用中 (ER_3091), and not while already paused (ER_3092).
 */
export function pauseRefusal(state: string, paused: MaintenanceOverlay | undefined): Problem | undefined {
  if (state !== 'active') return problem('ER_3091', { state: stateLabel(state) }, { field: 'activation.state' });
  if (paused) return problem('ER_3092', { since: paused.since, until: paused.until ?? '-' });
  return undefined;
}

/** Why 保守を終了 cannot be chosen now: nothing is paused (ER_3097). */
export function resumeRefusal(paused: MaintenanceOverlay | undefined): Problem | undefined {
  return paused ? undefined : problem('ER_3097');
}

/** An end time must lie ahead, at most MAX_PAUSE_DAYS from now (the service checks again with its own clock). */
export function endTimeProblems(end: Date, now: Date): Problem[] {
  if (end.getTime() <= now.getTime()) return [problem('ER_3093', { value: end.toISOString() }, { field: 'until' })];
  if (end.getTime() - now.getTime() > MAX_PAUSE_HOURS * 3_600_000) {
    return [problem('ER_3094', { value: end.toISOString(), days: MAX_PAUSE_DAYS }, { field: 'until' })];
  }
  return [];
}
