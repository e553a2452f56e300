import { describe, expect, it } from 'vitest';
import { goalMet, ratioOf, summaryTable } from '../../../bench/summary.js';

describe('bench summary', () => {
  it('derives the ratio from the baseline unless one is given', () => {
    expect(ratioOf({ name: 'a', value: 30, unit: 'ms', baseline: 3 })).toBe(10);
    expect(ratioOf({ name: 'a', value: 30, unit: 'ms', baseline: 3, ratio: 7 })).toBe(7);
    expect(ratioOf({ name: 'a', value: 30, unit: 'ms' })).toBeUndefined();
  });

  it('reads a goal as a bound on the ratio or on the value', () => {
    const f = { name: 'parse', value: 40, unit: 'ms', baseline: 2 };
    expect(goalMet({ ...f, goal: 'ratio ≤ 10' })).toBe(false);
    expect(goalMet({ ...f, goal: 'ratio <= 20' })).toBe(true);
    expect(goalMet({ ...f, goal: '≤ 50 ms' })).toBe(true);
    expect(goalMet({ ...f, goal: '< 40 ms' })).toBe(false);
    expect(goalMet({ ...f, goal: '≥ 41' })).toBe(false);
    expect(goalMet({ ...f, goal: 'as small as possible' })).toBeUndefined();
    expect(goalMet({ ...f, goal: 'whatever', met: true })).toBe(true);
    expect(goalMet(f)).toBeUndefined();
  });

  it('prints one row per figure with value, baseline, ratio, goal and met', () => {
    const table = summaryTable([
      { bench: 'inf-parse', figure: { name: 'big utf-8', value: 40, unit: 'ms', baseline: 2, goal: 'ratio ≤ 10' } },
      { bench: 'ui-load', figure: { name: 'bundle', value: 373.1, unit: 'KiB' } },
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^bench\s+figure\s+value\s+baseline\s+ratio\s+goal\s+met$/);
    expect(lines[2]).toMatch(/^inf-parse\s+big utf-8\s+40 ms\s+2 ms\s+20x\s+ratio ≤ 10\s+NO$/);
    expect(lines[3]).toMatch(/^ui-load\s+bundle\s+373 KiB\s+-\s+-\s+-\s+-$/);
  });
});
