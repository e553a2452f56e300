/** The NAK reason between an agent and a manager (service/routes/frame/nak.ts): coded problems round-trip, anything else is quoted. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeFrame, FrameDecoder, FRAME_LIMITS } from '../../../../../service/routes/frame/codec.js';
import { nakReason, problemOfNak } from '../../../../../service/routes/frame/nak.js';
import { problem } from '../../../../../shared/messages/problem.js';

describe('NAK reason', () => {
  it("round-trips a coded problem through a NAK frame: the manager's code and both messages", () => {
    const p = problem('ER_2253', { reason: 'the header is not JSON' });
    const [f] = new FrameDecoder().push(encodeFrame({ type: 'nak', id: 'r1', reason: nakReason(p), permanent: true }));
    if (f?.type !== 'nak') throw new Error('not a NAK');
    expect(problemOfNak(f.reason, f.permanent)).toEqual({ code: 'ER_2253', severity: 'error', message: p.message });
  });

  it('keeps a long message within the frame limit', () => {
    const p = { ...problem('ER_2253', { reason: 'x' }), message: { ja: 'あ'.repeat(5000), en: 'a'.repeat(9000) } };
    const reason = nakReason(p);
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(FRAME_LIMITS.reason);
    const back = problemOfNak(reason, false);
    expect(back.code).toBe('ER_2253');
    expect(back.message.ja.startsWith('あああ')).toBe(true);
  });

  it('quotes plain text from an older or foreign peer as ER_2307 (permanent) or ER_2308 (retryable)', () => {
    expect(problemOfNak('disk full', false)).toMatchObject({ code: 'ER_2308' });
    expect(problemOfNak('disk full', false).message.en).toContain('disk full');
    expect(problemOfNak('bad header', true)).toMatchObject({ code: 'ER_2307' });
    expect(problemOfNak('', true).message.en).toContain('(no reason given)');
  });

  it('never takes a code this version does not know, and never passes control characters', () => {
    const unknown = problemOfNak(JSON.stringify({ code: 'ER_9999', message: { ja: 'x', en: 'newer reason' } }), true);
    expect(unknown.code).toBe('ER_2307');
    expect(unknown.message.en).toContain('ER_9999 newer reason');
    const esc = problemOfNak(JSON.stringify({ code: 'ER_2253', message: { ja: '\u001b[31m', en: 'a\nb' } }), true);
    expect(esc.message.ja).toBe('\\x1b[31m');
    expect(esc.message.en).toBe('a\\x0ab');
  });

  it('any reason text gives a problem, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), fc.boolean(), (reason, permanent) => {
        const p = problemOfNak(reason, permanent);
        expect(p.code).toMatch(/^ER_\d{4}$/);
        expect(p.message.en.length).toBeGreaterThan(0);
      }),
    );
  });
});
