/**
 * The time window (通報時間帯) and retry schedule (docs/design.md section 8.4): a report is tried at once, then every
 * `intervalMinutes` until `limitHours` after it was accepted, only inside the day's window (local time).
 */
import { parseTimeWindow } from '../settings/charclass.js';

/** Per weekday (0 = Sunday), minutes from midnight [start, end), or null: no reports that day. */
export type Week = ReadonlyArray<{ start: number; end: number } | null>;

export function weekFromSettings(windows: readonly string[]): Week {
  return windows.map((w) => parseTimeWindow(w) ?? null);
}

const minuteOfDay = (d: Date): number => d.getHours() * 60 + d.getMinutes();

export function inWindow(at: Date, week: Week): boolean {
  const w = week[at.getDay()];
  if (!w) return false;
  const m = minuteOfDay(at) + at.getSeconds() / 60;
  return m >= w.start && m < w.end;
}

/** The first moment at or after `from` inside the window, or undefined when the window is closed all week. */
export function nextOpen(from: Date, week: Week): Date | undefined {
  if (inWindow(from, week)) return from;
  for (let day = 0; day <= 7; day++) {
    const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + day);
    const w = week[d.getDay()];
    if (!w) continue;
    const start = new Date(d.getFullYear(), d.getMonth(), d.getDate(), Math.floor(w.start / 60), w.start % 60);
    if (start >= from) return start;
    const end = new Date(d.getFullYear(), d.getMonth(), d.getDate(), Math.floor(w.end / 60), w.end % 60);
    if (from < end) return from;
  }
  return undefined;
}

export interface RetryPolicy {
  intervalMinutes: number;
  limitHours: number;
  week: Week;
}

/**
 * When to try a report next after a failed attempt at `failedAt`, or 'expired' when that is past its limit
 * (`acceptedAt` + limitHours). A closed window holds the report until it opens (still within the limit).
 */
export function nextAttempt(acceptedAt: Date, failedAt: Date, p: RetryPolicy): Date | 'expired' {
  const limit = acceptedAt.getTime() + p.limitHours * 3_600_000;
  const due = new Date(failedAt.getTime() + p.intervalMinutes * 60_000);
  const open = nextOpen(due, p.week);
  if (!open || open.getTime() > limit) return 'expired';
  return open;
}
