import { describe, expect, it } from 'vitest';
import { inWindow, nextAttempt, nextOpen, weekFromSettings, type RetryPolicy, type Week } from '../../../../shared/schedule/window.js';

// Local time on purpose (the window is the machine's local time). 2024-01-01 is a Monday.
const at = (day: number, h: number, m = 0, s = 0): Date => new Date(2024, 0, day, h, m, s);
const weekdays9to17 = weekFromSettings(['none', '09:00-17:00', '09:00-17:00', '09:00-17:00', '09:00-17:00', '09:00-17:00', 'none']);
const allDay = weekFromSettings(Array<string>(7).fill('00:00-24:00'));
const never = weekFromSettings(Array<string>(7).fill('none'));
const evenings = weekFromSettings(Array<string>(7).fill('20:00-24:00'));
const policy = (week: Week, intervalMinutes = 5, limitHours = 72): RetryPolicy => ({ intervalMinutes, limitHours, week });

describe('nextAttempt (docs/design.md section 8.4: every 5 minutes until 72 hours, inside the time window)', () => {
  it.each<[string, Date, Date, RetryPolicy, Date | 'expired']>([
    ['every 5 minutes from the failure', at(1, 10), at(1, 10, 0, 30), policy(allDay), at(1, 10, 5, 30)],
    ['all day: across midnight', at(6, 12), at(6, 23, 58), policy(allDay), at(7, 0, 3)],
    ['window closed: held until it opens the next day', at(1, 10), at(1, 16, 58), policy(weekdays9to17), at(2, 9)],
    ['window closed over the weekend: held until Monday', at(5, 16), at(5, 16, 58), policy(weekdays9to17), at(8, 9)],
    ['a window ending at 24:00: held until the next evening', at(1, 20), at(1, 23, 57), policy(evenings), at(2, 20)],
    ['due exactly at the limit: still tried', at(1, 10), at(1, 10, 55), policy(allDay, 5, 1), at(1, 11)],
    ['limit passed: expired', at(1, 10), at(1, 10, 57), policy(allDay, 5, 1), 'expired'],
    ['window opens only after the limit: expired', at(5, 16), at(5, 16, 58), policy(weekdays9to17, 5, 24), 'expired'],
    ['a week with every day none: expired', at(1, 10), at(1, 10, 1), policy(never), 'expired'],
  ])('%s', (_name, accepted, failed, p, expected) => {
    expect(nextAttempt(accepted, failed, p)).toEqual(expected);
  });
});

describe('inWindow / nextOpen', () => {
  it.each<[string, Date, boolean]>([
    ['start is inside', at(1, 9), true],
    ['end is outside', at(1, 17), false],
    ['the last second is inside', at(1, 16, 59, 59), true],
    ['a none day is outside', at(6, 12), false],
  ])('inWindow: %s', (_name, d, expected) => {
    expect(inWindow(d, weekdays9to17)).toBe(expected);
  });

  it.each<[string, Date, Week, Date | undefined]>([
    ['open now: now', at(1, 10), weekdays9to17, at(1, 10)],
    ['before the start: the start', at(1, 7), weekdays9to17, at(1, 9)],
    ['after the end on Friday: Monday', at(5, 18), weekdays9to17, at(8, 9)],
    ['only one day a week, just missed: a week later', at(1, 18), weekFromSettings(['none', '09:00-17:00', 'none', 'none', 'none', 'none', 'none']), at(8, 9)],
    ['never open: undefined', at(1, 10), never, undefined],
  ])('nextOpen: %s', (_name, from, week, expected) => {
    expect(nextOpen(from, week)).toEqual(expected);
  });
});
