import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { missedRun, nextRun, previousRun } from '../../../../shared/schedule/heartbeat.js';
import { type Schedule } from '../../../../shared/inf/hbi.js';

const monthly = (day: number, hour = 3, minute = 0): Schedule => ({ type: 'every month', day, hour, minute });
const weekly = (day: number, hour = 3, minute = 0): Schedule => ({ type: 'every week', day, hour, minute });
/**
 * A local time, made when the test runs (after its zone is set), so the tables hold in any time zone.
 * month is 1-12 here, for reading.
 */
type Local = () => Date;
const at =
  (y: number, mo: number, d: number, h = 0, mi = 0): Local =>
  () =>
    new Date(y, mo - 1, d, h, mi);

// The same tables in several zones, one with a half-hour DST shift, one south of the equator, one without DST.
describe.each(['UTC', 'Asia/Tokyo', 'America/New_York', 'Australia/Lord_Howe'])('heartbeat schedule in %s', (tz) => {
  const before = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = tz;
  });
  afterAll(() => {
    process.env.TZ = before;
  });

  it.each([
    ['Feb 29 in a leap year', monthly(29), at(2024, 2, 1), at(2024, 2, 29, 3)],
    ['the 31st in February of a leap year', monthly(31), at(2024, 2, 10), at(2024, 2, 29, 3)],
    ['the 29th in February of a common year', monthly(29), at(2023, 2, 1), at(2023, 2, 28, 3)],
    ['the 30th in February of a common year', monthly(30, 23, 59), at(2023, 2, 28, 12), at(2023, 2, 28, 23, 59)],
    ['the 31st in April', monthly(31), at(2024, 4, 1), at(2024, 4, 30, 3)],
    ["the 31st after April's run", monthly(31), at(2024, 4, 30, 3), at(2024, 5, 31, 3)],
    ['day 1 across the year end', monthly(1), at(2024, 12, 15), at(2025, 1, 1, 3)],
    ['later the same day', monthly(15, 10, 30), at(2024, 6, 15, 10, 29), at(2024, 6, 15, 10, 30)],
    ['a run exactly at `after` is not next', monthly(15, 10, 30), at(2024, 6, 15, 10, 30), at(2024, 7, 15, 10, 30)],
    ['Sunday (0) from a Wednesday', weekly(0, 8, 15), at(2024, 6, 5, 10), at(2024, 6, 9, 8, 15)],
    ['Saturday (6) later the same Saturday', weekly(6, 10, 30), at(2024, 6, 8, 9), at(2024, 6, 8, 10, 30)],
    ["Saturday (6) after that Saturday's run", weekly(6, 10, 30), at(2024, 6, 8, 12), at(2024, 6, 15, 10, 30)],
    ['a weekly run exactly at `after` is not next', weekly(6, 10, 30), at(2024, 6, 8, 10, 30), at(2024, 6, 15, 10, 30)],
    ['Sunday across a month end', weekly(0, 0, 0), at(2024, 6, 30, 0, 1), at(2024, 7, 7)],
  ])('nextRun: %s', (_name, s, after, expected) => {
    expect(nextRun(s, after()).toString()).toBe(expected().toString());
  });

  it.each([
    ['no lastRun (a fresh install waits)', monthly(1), undefined, at(2024, 5, 10), undefined],
    ['nothing due since the last run', monthly(1), at(2024, 1, 1, 3), at(2024, 1, 31, 23, 59), undefined],
    ['one scheduled time missed', monthly(1), at(2024, 1, 1, 3), at(2024, 2, 3), at(2024, 2, 1, 3)],
    ['several missed make one run, the latest', monthly(1), at(2024, 1, 1, 3), at(2024, 5, 10), at(2024, 5, 1, 3)],
    ['a run exactly at now was missed', monthly(1), at(2024, 1, 1, 3), at(2024, 2, 1, 3), at(2024, 2, 1, 3)],
    ['the run at lastRun itself is not missed', monthly(1), at(2024, 2, 1, 3), at(2024, 2, 1, 3), undefined],
    ['weekly: several Saturdays missed', weekly(6, 10, 30), at(2024, 6, 1, 10, 30), at(2024, 6, 26), at(2024, 6, 22, 10, 30)],
    ['the 31st missed in April', monthly(31), at(2024, 3, 31, 3), at(2024, 5, 2), at(2024, 4, 30, 3)],
    ['now before lastRun (the clock went back)', monthly(1), at(2024, 3, 1, 3), at(2024, 2, 20), undefined],
  ])('missedRun: %s', (_name, s, last, now, expected) => {
    expect(missedRun(s, last?.(), now())?.toString()).toBe(expected?.().toString());
  });
});

describe.each(['UTC', 'America/New_York', 'Australia/Lord_Howe'])('heartbeat schedule properties in %s', (tz) => {
  const before = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = tz;
  });
  afterAll(() => {
    process.env.TZ = before;
  });
  const schedule = fc.oneof(
    fc.record({
      type: fc.constant('every month' as const),
      day: fc.integer({ min: 1, max: 31 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
    }),
    fc.record({
      type: fc.constant('every week' as const),
      day: fc.integer({ min: 0, max: 6 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
    }),
  );
  const instant = fc.date({ min: new Date(2000, 0, 1), max: new Date(2040, 0, 1), noInvalidDate: true });
  const lastDay = (d: Date): number => new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();

  it('nextRun is after `after`, on a scheduled day at HH:MM, and nothing scheduled lies between', () => {
    fc.assert(
      fc.property(schedule, instant, (s, after) => {
        const next = nextRun(s, after);
        expect(next.getTime()).toBeGreaterThan(after.getTime());
        if (s.type === 'every week') expect(next.getDay()).toBe(s.day);
        else expect(next.getDate()).toBe(Math.min(s.day, lastDay(next)));
        // HH:MM as the local calendar makes it (equal to it except inside a daylight-saving gap).
        expect(next.getTime()).toBe(new Date(next.getFullYear(), next.getMonth(), next.getDate(), s.hour, s.minute).getTime());
        expect(previousRun(s, new Date(next.getTime() - 1)).getTime()).toBeLessThanOrEqual(after.getTime());
      }),
    );
  });

  it('missedRun is in (lastRun, now] and is the latest scheduled time there', () => {
    fc.assert(
      fc.property(schedule, instant, instant, (s, a, b) => {
        const [last, now] = a < b ? [a, b] : [b, a];
        const missed = missedRun(s, last, now);
        const next = nextRun(s, last);
        if (next > now) expect(missed).toBeUndefined();
        else {
          expect(missed!.getTime()).toBeGreaterThan(last.getTime());
          expect(missed!.getTime()).toBeLessThanOrEqual(now.getTime());
          expect(nextRun(s, missed!).getTime()).toBeGreaterThan(now.getTime());
        }
      }),
    );
  });
});
