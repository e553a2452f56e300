import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseJournalLine } from '../../../../service/sources/journal-entry.js';

const fixture = new URL('../../../fixtures/sources/journal.jsonl', import.meta.url);

describe('journalctl -o json lines', () => {
  it('map to {source, id, time, message} and carry the cursor', async () => {
    const lines = (await readFile(fixture, 'utf8')).split('\n').filter(Boolean);
    const parsed = lines.map(parseJournalLine);
    expect(parsed[0]).toEqual({
      cursor: 's=1;i=1',
      event: {
        source: 'atapi',
        id: 0xc0040006,
        time: '2024-11-25T05:03:20.123Z',
        message: 'EventID=0xC0040006 The device, \\Device\\Ide\\iaStor0, did not respond',
      },
    });
    // MESSAGE as bytes (UTF-8), no explicit id: the warning priority gives the id.
    expect(parsed[1]?.event).toEqual({ source: 'disk', id: 0x80000000, time: '2024-11-25T05:03:21.000Z', message: 'ディスクの読み取りエラー (ata2.00)' });
    // No SYSLOG_IDENTIFIER: the command name is the source.
    expect(parsed[2]?.event).toMatchObject({ source: 'ESMCommonService', id: 0xc0000451, time: '2024-11-25T05:03:22.500Z' });
    expect(parsed[3]?.event).toMatchObject({ source: 'systemd', id: 0x40000000 });
    expect(parsed[4]).toBeUndefined();
  });

  it.each([
    ['not an object', '[1,2]'],
    ['a string', '"MESSAGE"'],
    ['null', 'null'],
    ['cut short', '{"MESSAGE":"x"'],
  ])('%s is not an entry', (_n, line) => {
    expect(parseJournalLine(line)).toBeUndefined();
  });

  it('a field given several times takes the first value; a field too long to show (null) is empty; bad UTF-8 is replaced', () => {
    expect(parseJournalLine('{"SYSLOG_IDENTIFIER":["a","b"],"MESSAGE":null}')?.event).toEqual({ source: 'a', id: 0, message: '' });
    expect(parseJournalLine('{"_COMM":"x","MESSAGE":[104,105,255]}')?.event.message).toBe('hi\uFFFD');
    expect(parseJournalLine('{"MESSAGE":"m","PRIORITY":"9","__REALTIME_TIMESTAMP":"soon"}')?.event).toEqual({ source: 'unknown', id: 0, message: 'm' });
  });
});
