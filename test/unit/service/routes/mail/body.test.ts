import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyFields, bodyText, subjectOf } from '../../../../../service/routes/mail/body.js';
import { type Report } from '../../../../../shared/report/model.js';

const report = (changes: Partial<Report> = {}): Report => ({
  id: '0b6f7a52-1c1e-4c44-9b0e-2f4f3d8f1a77',
  kind: 'failure',
  createdAt: '2025-01-02T03:04:05.000Z',
  machine: { serverName: 'SERVER001', deviceCode: 'N8100-1234', serialNumber: '00000001', userSystemCode: 'ER12345678' },
  event: { source: 'atapi', id: 0xc0040006, time: '2025-01-02T03:04:00.000Z', message: 'disk error' },
  count: 1,
  ...changes,
});

/** What a center's reader does (docs/mail.md): a line starting with one space continues the value before. */
function read(body: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of body.replace(/\r\n$/, '').split('\r\n')) {
    if (line.startsWith(' ')) out[out.length - 1]![1] += `\n${line.slice(1)}`;
    else {
      const i = line.indexOf(': ');
      out.push([line.slice(0, i), line.slice(i + 2)]);
    }
  }
  return out;
}

describe('the Key: value body', () => {
  it("lists a failure report's fields in the documented order, the event id as 0x%08x", () => {
    expect(bodyText(report({ event: { source: 'atapi', id: 0x40006, time: '2025-01-02T03:04:00.000Z', message: 'disk error' } }))).toBe(
      [
        'Event: disk error',
        'Source: atapi',
        'EventID: 0x00040006',
        'TimeStamp: 2025-01-02T03:04:00.000Z',
        'ServerName: SERVER001',
        'DeviceCode: N8100-1234',
        'SerialNumber: 00000001',
        'UserSystemCode: ER12345678',
        'ReportId: 0b6f7a52-1c1e-4c44-9b0e-2f4f3d8f1a77',
        'Count: 1',
        'Kind: failure',
        '',
      ].join('\r\n'),
    );
  });

  it("a test notification without an event: no Event lines, the report's time, Target and a fax result (no ResultMail)", () => {
    const r = report({ kind: 'test', target: 'primary', resultVia: 'fax' });
    delete r.event;
    expect(bodyFields(r).map(([k]) => k)).toEqual([
      'TimeStamp',
      'ServerName',
      'DeviceCode',
      'SerialNumber',
      'UserSystemCode',
      'ReportId',
      'Count',
      'Kind',
      'Target',
      'ResultVia',
    ]);
    expect(Object.fromEntries(bodyFields(r))).toMatchObject({ TimeStamp: '2025-01-02T03:04:05.000Z', Target: 'primary', ResultVia: 'fax' });
  });

  it('the subject names the kind and the server', () => {
    expect(subjectOf(report({ kind: 'activation' }))).toBe('Express Report activation: SERVER001');
  });

  it('property: any message (line breaks, backslashes, Japanese) reads back, CRLF and CR as LF', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', ' ', '\\', ':', 'ディスク', '\r\n', '\n', '\r', '\t', 'C:\\Windows'), { maxLength: 30 }).map((a) => a.join('')),
        (message) => {
          const r = report({ event: { source: 'atapi', id: 1, time: 't', message } });
          const fields = read(bodyText(r));
          expect(fields[0]).toEqual(['Event', message.replace(/\r\n?/g, '\n')]);
          expect(fields.map(([k]) => k)).toEqual(bodyFields(r).map(([k]) => k));
        },
      ),
      { numRuns: 300 },
    );
  });
});
