import { describe, expect, it } from 'vitest';
import { parseSyslogLine } from '../../../../service/sources/syslog-line.js';
import { toEvent } from '../../../../service/sources/event-id.js';

const now = new Date(2024, 10, 25, 15, 0, 0); // local: the year of RFC 3164 lines is inferred from it

describe('syslog file lines', () => {
  it('RFC 3164: local time of this year, ident without the pid, no priority', () => {
    expect(parseSyslogLine('Nov 25 14:03:01 host1 atapi[812]: ID=0xC0040006 read error', now)).toEqual({
      source: 'atapi',
      message: 'ID=0xC0040006 read error',
      time: new Date(2024, 10, 25, 14, 3, 1),
    });
    expect(parseSyslogLine('Nov  5 04:03:01 host1 kernel: ata2.00: failed command', now)).toEqual({
      source: 'kernel',
      message: 'ata2.00: failed command',
      time: new Date(2024, 10, 5, 4, 3, 1),
    });
  });

  it("RFC 3164: a date more than a day ahead is last year's (a December line read in January)", () => {
    const jan = new Date(2025, 0, 1, 0, 5);
    expect(parseSyslogLine('Dec 31 23:59:58 h cron[1]: x', jan)?.time).toEqual(new Date(2024, 11, 31, 23, 59, 58));
    expect(parseSyslogLine('Jan  1 00:04:00 h cron[1]: x', jan)?.time).toEqual(new Date(2025, 0, 1, 0, 4));
  });

  it('RFC 3164 with <PRI>: the severity is the low three bits', () => {
    expect(parseSyslogLine('<11>Nov 25 14:03:01 host1 disk: bad block', now)).toMatchObject({ source: 'disk', priority: 3 });
    expect(toEvent(parseSyslogLine('<12>Nov 25 14:03:01 host1 disk: retried', now)!).id).toBe(0x80000000);
  });

  it("rsyslog's RFC 3339 file format", () => {
    expect(parseSyslogLine('2025-11-25T14:03:01.123456+09:00 host1 ESMMEMORY[99]: [0xC0000903] メモリ訂正不能エラー')).toEqual({
      source: 'ESMMEMORY',
      message: '[0xC0000903] メモリ訂正不能エラー',
      time: new Date('2025-11-25T05:03:01.123Z'),
    });
  });

  it('RFC 5424: app-name, priority, structured data skipped, BOM dropped', () => {
    expect(
      parseSyslogLine('<27>1 2025-11-25T05:03:01.003Z host1 ESMCommonService 1234 ID47 [exampleSDID@32473 iut="3" eventSource="App"] \uFEFFFan failure'),
    ).toEqual({
      source: 'ESMCommonService',
      message: 'Fan failure',
      priority: 3,
      time: new Date('2025-11-25T05:03:01.003Z'),
    });
    expect(parseSyslogLine('<14>1 - host1 - - - -')).toEqual({ source: 'unknown', message: '', priority: 6 });
    expect(parseSyslogLine('<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [a b="\\]"][c d="x"] msg\r')).toMatchObject({
      source: 'evntslog',
      message: 'msg',
      priority: 5,
    });
  });

  it('a line without a tag keeps its text with source unknown', () => {
    expect(parseSyslogLine('Nov 25 14:03:01 host1 -- MARK --', now)).toMatchObject({ source: 'unknown', message: '-- MARK --' });
  });

  it.each([[''], ['just text'], ['Foo 25 14:03:01 host1 x: y'], ['2025-11-25 14:03:01 host x: y'], ['Nov 25 14:03 host x: y']])(
    '%j is not a syslog line',
    (line) => {
      expect(parseSyslogLine(line, now)).toBeUndefined();
    },
  );
});
