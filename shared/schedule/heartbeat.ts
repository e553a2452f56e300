/**
 * When the scheduled configuration information (構成情報通報, AMHTPHBI.INF [Schedule]) is due, in local time.
 *   every month, day 1-31: a day past the month's end runs on its last day (31 in April -> the 30th; 29-31 in
 *     February -> the 28th, or the 29th in a leap year), so every month has exactly one run.
 *   every week, day 0 (Sunday) - 6 (Saturday).
 * At HH:MM. A time that does not exist on a day (a daylight-saving gap) is whatever `new Date(y, m, d, h, min)` makes
 * of it (the wall clock moved forward), so the run still happens that day.
 */
import { type Schedule } from '../inf/hbi.js';

const daysInMonth = (year: number, month: number): number => new Date(year, month + 1, 0).getDate();

/** The run of the month that holds (year, month), month possibly out of 0-11 (Date normalises it). */
function monthRun(s: Schedule, year: number, month: number): Date {
  const first = new Date(year, month, 1);
  const y = first.getFullYear();
  const m = first.getMonth();
  return new Date(y, m, Math.min(s.day, daysInMonth(y, m)), s.hour, s.minute);
}

function dayRun(s: Schedule, year: number, month: number, date: number): Date {
  return new Date(year, month, date, s.hour, s.minute);
}

/** The first scheduled time strictly after `after`. */
export function nextRun(s: Schedule, after: Date): Date {
  const y = after.getFullYear();
  const m = after.getMonth();
  if (s.type === 'every month') {
    // This month's run or, when it is not after `after`, next month's (which always is).
    for (let k = 0; ; k++) {
      const t = monthRun(s, y, m + k);
      if (t > after) return t;
    }
  }
  const d = after.getDate();
  const ahead = (s.day - after.getDay() + 7) % 7;
  // This week's day, or the same day a week on (a run at `after` itself is not after it).
  for (let k = ahead; ; k += 7) {
    const t = dayRun(s, y, m, d + k);
    if (t > after) return t;
  }
}

/** The last scheduled time at or before `at`. */
export function previousRun(s: Schedule, at: Date): Date {
  const y = at.getFullYear();
  const m = at.getMonth();
  if (s.type === 'every month') {
    for (let k = 0; ; k--) {
      const t = monthRun(s, y, m + k);
      if (t <= at) return t;
    }
  }
  const back = (at.getDay() - s.day + 7) % 7;
  for (let k = back; ; k += 7) {
    const t = dayRun(s, y, m, at.getDate() - k);
    if (t <= at) return t;
  }
}

/**
 * The run missed while the service was down: the latest scheduled time in (lastRun, now], or undefined when there is
 * none. Several missed times make one run (configuration information is a snapshot: one fresh copy says it all).
 * Without a lastRun there is nothing to catch up: a fresh install (or a new schedule) waits for its first time
 * instead of sending at once; the caller keeps the moment it started counting as lastRun from then on.
 */
export function missedRun(s: Schedule, lastRun: Date | undefined, now: Date): Date | undefined {
  if (!lastRun || now <= lastRun) return undefined;
  const t = previousRun(s, now);
  return t > lastRun ? t : undefined;
}
