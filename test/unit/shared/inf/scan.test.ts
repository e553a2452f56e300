/**
 * The hand-written scanners that replaced regular expressions for speed (issue 16) must accept and refuse exactly what
 * the expressions did: /^(SourceName|EventID)(.*)$/i with /^\d\d$/ for the index, and /^0x[0-9a-f]{8}$/i for an ID.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { eventKey } from '../../../../shared/inf/event-keys.js';
import { readEventIds } from '../../../../shared/inf/values.js';

function eventKeyByRegex(key: string): ReturnType<typeof eventKey> {
  const m = /^(SourceName|EventID)(.*)$/i.exec(key);
  if (!m) return undefined;
  const n = m[2] ?? '';
  return { kind: m[1]?.toLowerCase() === 'sourcename' ? 'source' : 'ids', index: /^\d\d$/.test(n) && n !== '00' ? Number(n) : undefined };
}

const keyish = fc.oneof(
  fc
    .tuple(fc.constantFrom('SourceName', 'sourcename', 'SOURCENAME', 'EventID', 'eventid', 'EventId', 'Event', 'ſourceName'), fc.string({ maxLength: 4 }))
    .map(([a, b]) => a + b),
  fc.constantFrom('SourceName01', 'EventID99', 'EventID00', 'EventID1', 'EventID001', 'SourceName1a', 'EventID0\u2028', 'EventID\u20291', 'EventID１２'),
);

describe('eventKey', () => {
  it('reads keys as the regular expression did', () => {
    expect(eventKey('sourceNAME07')).toEqual({ kind: 'source', index: 7 });
    expect(eventKey('EventID00')).toEqual({ kind: 'ids', index: undefined });
    expect(eventKey('EventID\u2028')).toBeUndefined();
    expect(eventKey('ſourceName01')).toBeUndefined();
    fc.assert(
      fc.property(keyish, (k) => {
        expect(eventKey(k)).toEqual(eventKeyByRegex(k));
      }),
    );
  });
});

describe('readEventIds items', () => {
  it('accepts 0x + 8 hex digits in either case, and nothing else', () => {
    const item = fc.oneof(
      fc.stringMatching(/^0[xX][0-9a-fA-F]{8}$/),
      fc.string({ minLength: 8, maxLength: 12 }).map((s) => `0x${s.replace(/,/g, '')}`),
      fc.constantFrom('0x1234567g', '0x１２３４５６７８', '0x123456789', '0y12345678', '00x1234567', '0x-1234567'),
    );
    fc.assert(
      fc.property(item, (it) => {
        const r = readEventIds('EventID01', it);
        const t = it.trim();
        if (/^0x[0-9a-f]{8}$/i.test(t)) expect(r).toEqual({ ok: true, value: [parseInt(t.slice(2), 16)] });
        else if (t !== '*' && !t.startsWith('"')) expect(r.ok).toBe(false);
      }),
    );
  });
});
