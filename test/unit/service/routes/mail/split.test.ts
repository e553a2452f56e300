import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PART_BYTES, pieces, splitMessage } from '../../../../../service/routes/mail/split.js';
import { type Report } from '../../../../../shared/report/model.js';

const report = { id: '0b6f7a52-1c1e-4c44-9b0e-2f4f3d8f1a77' } as Report;
const lines = (n: number, width = 76): Buffer =>
  Buffer.from(Array.from({ length: n }, () => randomBytes((width * 3) / 4).toString('base64')).join('\r\n') + '\r\n');

describe('message/partial splitting', () => {
  it('is 2 MiB a part', () => {
    expect(PART_BYTES).toBe(2 * 1024 * 1024);
  });

  it('property: the pieces join back to the message, each at most the limit and cut after a CRLF', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '=', ' '), maxLength: 100 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 110, max: 3000 }),
        (ls, limit) => {
          const message = Buffer.from(ls.join('\r\n') + '\r\n');
          const ps = pieces(message, limit);
          expect(Buffer.concat(ps).equals(message)).toBe(true);
          for (const p of ps) {
            expect(p.length).toBeLessThanOrEqual(limit);
            expect(p.subarray(-2).toString()).toBe('\r\n');
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a message without a final CRLF gets one (SMTP ends the data with one anyway)', () => {
    expect(Buffer.concat(pieces(Buffer.from('a\r\nb'), 3)).toString()).toBe('a\r\nb\r\n');
  });

  it('a message that fits is sent as it is', () => {
    const m = lines(10);
    expect(splitMessage(report, m, [['From', 'a@b']], 10_000)).toEqual([m]);
  });

  it('a large one: parts with the outer headers, their own Message-ID, X-Report-Part n/N and message/partial', () => {
    const m = Buffer.concat([Buffer.from('Subject: x\r\nMessage-ID: <inner@x>\r\n\r\n'), lines(200)]);
    const parts = splitMessage(
      report,
      m,
      [
        ['From', 'a@b'],
        ['X-Report-Id', report.id],
      ],
      4000,
    );
    const total = parts.length;
    expect(total).toBeGreaterThanOrEqual(Math.ceil(m.length / 4000));
    const bodies = parts.map((p, i) => {
      const cut = p.indexOf('\r\n\r\n');
      const head = p.subarray(0, cut).toString();
      expect(head.split('\r\n')).toEqual([
        'From: a@b',
        `X-Report-Id: ${report.id}`,
        `Message-ID: <${report.id}.${i + 1}of${total}@express-report>`,
        `X-Report-Part: ${i + 1}/${total}`,
        'MIME-Version: 1.0',
        `Content-Type: message/partial; id="${report.id}@express-report"; number=${i + 1}; total=${total}`,
      ]);
      expect(p.length - cut - 4).toBeLessThanOrEqual(4000);
      return p.subarray(cut + 4);
    });
    expect(Buffer.concat(bodies).equals(m)).toBe(true);
  });
});
