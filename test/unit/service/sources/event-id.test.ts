import { describe, expect, it } from 'vitest';
import { explicitId, idFromPriority, toEvent } from '../../../../service/sources/event-id.js';
import { SkippedLines } from '../../../../service/sources/skipped-lines.js';
import { Backoff } from '../../../../service/sources/backoff.js';
import { type Problem } from '../../../../shared/messages/problem.js';

describe('Linux event id mapping', () => {
  it.each([
    ['EventID=0xC0040006 disk read error', 0xc0040006],
    ['eventid=0xc0040006', 0xc0040006],
    ['error ID=0x80040033 retried', 0x80040033],
    ['Fan failure [0xC0000451] on FAN2', 0xc0000451],
    ['first wins: [0xC0000451] then ID=0x80000a05', 0xc0000451],
    ['PID=0x12345678 is not an event id', undefined],
    ['ID=0x1234 is too short', undefined],
    ['ID=0x123456789 is too long', undefined],
    ['[0x1] is not one', undefined],
    ['no id at all', undefined],
  ])('explicit id in %j', (message, id) => {
    expect(explicitId(message)).toBe(id);
  });

  it.each([
    [0, 0xc0000000],
    [3, 0xc0000000],
    [4, 0x80000000],
    [5, 0x40000000],
    [7, 0x40000000],
    [undefined, 0],
    [8, 0],
  ])('priority %s -> %s', (priority, id) => {
    expect(idFromPriority(priority)).toBe(id);
  });

  it('an explicit id wins over the priority; time in ISO; long messages are cut to the intake limit', () => {
    const e = toEvent({ source: 'atapi', message: `ID=0xC0040009 ${'x'.repeat(9000)}`, priority: 6, time: new Date(Date.UTC(2024, 10, 25, 5, 3, 1)) });
    expect(e).toMatchObject({ source: 'atapi', id: 0xc0040009, time: '2024-11-25T05:03:01.000Z' });
    expect(e.message.length).toBe(8192);
    expect(toEvent({ source: 'kernel', message: 'oops', priority: 2 })).toEqual({ source: 'kernel', id: 0xc0000000, message: 'oops' });
  });
});

describe('skipped lines are told rate-limited', () => {
  it('the first at once, then one summary per interval with the count', () => {
    const told: Problem[] = [];
    let now = 0;
    const s = new SkippedLines(
      'journalctl',
      (p) => told.push(p),
      1000,
      () => now,
    );
    s.skip('garbage 1');
    s.skip('garbage 2');
    s.skip('garbage 3');
    expect(told.map((p) => p.code)).toEqual(['ER_6401']);
    expect(told[0]!.message.en).toContain('1 line(s)');
    now = 1000;
    s.skip('garbage 4');
    expect(told).toHaveLength(2);
    expect(told[1]!.message.en).toContain('3 line(s)');
    expect(told[1]!.message.en).toContain('garbage 2');
    s.skip('garbage 5');
    s.flush();
    expect(told).toHaveLength(3);
    expect(told[2]!.message.ja).toContain('1 行');
  });
});

describe('restart backoff', () => {
  it('doubles up to the maximum and starts over after a healthy run', () => {
    const b = new Backoff({ initialMs: 100, maxMs: 500 });
    expect([b.next(0), b.next(0), b.next(0), b.next(0), b.next(0)]).toEqual([100, 200, 400, 500, 500]);
    expect(b.next(501)).toBe(100);
  });
});
