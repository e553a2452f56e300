/** The catch-up bound's pieces (catch-up.ts): a journal cursor's time, and the count of lines older than the limit. */
import { describe, expect, it } from 'vitest';
import { OldLines, cursorTime } from '../../../../service/sources/catch-up.js';
import { type Problem } from '../../../../shared/messages/problem.js';

describe('cursorTime', () => {
  it('reads the t= field of a journal cursor (µs since the epoch, hex); none, or not hex: undefined', () => {
    const ms = Date.UTC(2026, 11, 3, 12, 0, 0, 123);
    const t = (BigInt(ms) * 1000n + 456n).toString(16);
    expect(cursorTime(`s=5c1e;i=4ece7;b=6c7c;m=5c5ee6f3;t=${t};x=8ec1`)?.getTime()).toBe(ms);
    expect(cursorTime(`t=${t}`)?.getTime()).toBe(ms);
    expect(cursorTime('s=1;i=4')).toBeUndefined();
    expect(cursorTime('s=1;t=zz;i=4')).toBeUndefined();
    expect(cursorTime('s=1;at=10;i=4')).toBeUndefined();
  });
});

describe('OldLines', () => {
  const now = Date.UTC(2026, 11, 3, 12, 0, 0);
  const hoursAgo = (h: number) => new Date(now - h * 3_600_000);

  it('skips lines older than the limit until one within it, then tells the count once', () => {
    const told: Problem[] = [];
    const old = new OldLines('/var/log/syslog', 72, (p) => told.push(p));
    expect(old.skip(hoursAgo(100))).toBe(false); // not catching up: nothing is skipped
    old.begin(now);
    expect([hoursAgo(100), hoursAgo(80), undefined, hoursAgo(73)].map((t) => old.skip(t))).toEqual([true, true, false, true]);
    expect(told).toEqual([]);
    expect(old.skip(hoursAgo(71))).toBe(false);
    expect(told.map((p) => p.code)).toEqual(['ER_9213']);
    expect(told[0]!.message.en).toContain('3 line(s) logged more than the retry limit (72 h) ago');
    expect(told[0]!.message.en).toContain(hoursAgo(73).toISOString());
    expect(old.skip(hoursAgo(100))).toBe(false); // the catch-up is over
    old.end();
    expect(told).toHaveLength(1);
  });

  it('end() with nothing skipped tells nothing', () => {
    const told: Problem[] = [];
    const old = new OldLines('f', 1, (p) => told.push(p));
    old.begin(now);
    old.end();
    expect(old.skip(hoursAgo(5))).toBe(false);
    expect(told).toEqual([]);
  });
});
