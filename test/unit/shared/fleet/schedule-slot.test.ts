import { describe, it, expect } from 'vitest';
import { DEFAULT_WINDOW, parseWindow, serialHash, slotOf } from '../../../../shared/fleet/schedule-slot.js';

const serials = Array.from({ length: 1000 }, (_, i) => `SN${String(i + 1).padStart(6, '0')}`);

describe('the configuration information slot from the serial', () => {
  it('gives the same serial the same slot, every time', () => {
    expect(slotOf('A001')).toEqual(slotOf('A001'));
    expect(serialHash('A001')).toBe(serialHash('A001'));
    expect(slotOf('A001')).not.toEqual(slotOf('A002'));
  });

  it('keeps every slot on a weekday inside the window (10:00-15:00 by default)', () => {
    for (const s of serials) {
      const slot = slotOf(s);
      expect(slot.type).toBe('every week');
      expect(slot.day).toBeGreaterThanOrEqual(1);
      expect(slot.day).toBeLessThanOrEqual(5);
      const at = slot.hour * 60 + slot.minute;
      expect(at).toBeGreaterThanOrEqual(DEFAULT_WINDOW.start);
      expect(at).toBeLessThan(DEFAULT_WINDOW.end);
    }
  });

  it('spreads 1,000 consecutive serials: no minute of the week holds more than a few, and every weekday gets its share', () => {
    const perMinute = new Map<string, number>();
    const perDay = new Map<number, number>();
    for (const s of serials) {
      const slot = slotOf(s);
      const key = `${slot.day} ${slot.hour}:${slot.minute}`;
      perMinute.set(key, (perMinute.get(key) ?? 0) + 1);
      perDay.set(slot.day, (perDay.get(slot.day) ?? 0) + 1);
    }
    const busiest = Math.max(...perMinute.values());
    console.log(`1,000 serials: ${perMinute.size} distinct minutes of 1,500, busiest minute ${busiest}, per weekday ${[...perDay.values()].join('/')}`);
    // 1,000 into 1,500 minutes by a good hash: about 730 distinct, and 7 in one minute has a chance below 1 %.
    expect(busiest).toBeLessThanOrEqual(6);
    expect(perMinute.size).toBeGreaterThan(600);
    for (const n of perDay.values()) expect(n).toBeGreaterThan(150);
  });

  it('reads a window HH:MM-HH:MM and refuses a reversed or malformed one', () => {
    expect(parseWindow('09:30-17:00')).toEqual({ start: 570, end: 1020 });
    expect(parseWindow('15:00-10:00')).toBeUndefined();
    expect(parseWindow('10-15')).toBeUndefined();
    expect(parseWindow('10:00-24:00')).toEqual({ start: 600, end: 1440 });
    const slot = slotOf('X', { start: 600, end: 601 });
    expect([slot.hour, slot.minute]).toEqual([10, 0]);
  });
});
