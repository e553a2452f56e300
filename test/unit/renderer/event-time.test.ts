import { describe, expect, it } from 'vitest';
import { eventTime } from '../../../renderer/components/event-time.js';

const intl = (at: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).format(
    new Date(at),
  );

describe('event line time (by hand, as Intl writes it)', () => {
  const times = ['2026-01-03T04:05:06Z', '2026-12-31T23:59:59.999Z', '1999-07-10T12:00:00Z', '2026-03-29T00:30:00Z', new Date().toISOString()];
  it.each(times)('%s: ja-JP and en-GB', (at) => {
    expect(eventTime(at, 'ja')).toBe(intl(at, 'ja-JP'));
    expect(eventTime(at, 'en')).toBe(intl(at, 'en-GB'));
  });
  it('an unreadable time is shown as it came', () => {
    expect(eventTime('not a time', 'en')).toBe('not a time');
  });
});
