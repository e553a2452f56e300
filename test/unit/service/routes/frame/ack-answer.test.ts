/** The ACK's answer section between a manager and an agent (service/routes/frame/ack-answer.ts, service/relay/answer.ts). */
import { describe, expect, it } from 'vitest';
import { answerSection, NO_RESULT_CODE, textOfAnswer } from '../../../../../service/routes/frame/ack-answer.js';
import { encodeFrame, FrameDecoder, FRAME_LIMITS } from '../../../../../service/routes/frame/codec.js';
import { ackFrame, forwardedAnswer } from '../../../../../service/relay/answer.js';

const ID = '8c1f3e2a-1b2c-4d5e-8f90-123456789abc';

describe("the ACK's answer", () => {
  it('says by which route the manager forwarded, and over dial-up that no test result comes', () => {
    const https = forwardedAnswer({ id: ID, kind: 'test' }, 'https', 'https://center/ answered 200');
    expect(https.code).toBe('ER_6700');
    expect(https.message.en).toContain('https://center/ answered 200');
    expect(https.message.en).toContain('The result is sent to the chosen address');
    expect(forwardedAnswer({ id: ID, kind: 'test' }, 'mail', 'sent').code).toBe('ER_6701');
    const dialup = forwardedAnswer({ id: ID, kind: 'test' }, 'dialup', 'ACK');
    expect(dialup.code).toBe(NO_RESULT_CODE);
    expect(dialup.message.ja).toContain('テスト結果は送付されません');
    const activation = forwardedAnswer({ id: ID, kind: 'activation' }, 'dialup', 'ACK');
    expect(activation).toMatchObject({ code: 'ER_6703', message: { ja: expect.stringContaining('ダイヤルアップ') as string } });
  });

  it('travels in the ACK frame and is read back as the same coded words', () => {
    const a = forwardedAnswer({ id: ID, kind: 'test' }, 'dialup', 'ACK');
    const [f] = new FrameDecoder({ accept: ['ack', 'nak'], maxPayload: 0 }).push(ackFrame(ID, a));
    expect(f).toMatchObject({ type: 'ack', id: ID });
    expect(textOfAnswer((f as { answer: string }).answer)).toEqual(a);
    // a stored report's ACK says nothing
    expect(new FrameDecoder().push(ackFrame(ID))).toEqual([{ type: 'ack', id: ID }]);
  });

  it('a long answer is shortened to fit the section', () => {
    const a = forwardedAnswer({ id: ID, kind: 'test' }, 'https', 'あ'.repeat(5000));
    const section = answerSection(a);
    expect(Buffer.byteLength(section)).toBeLessThanOrEqual(FRAME_LIMITS.answer);
    expect(textOfAnswer(section).code).toBe('ER_6700');
    expect(() => encodeFrame({ type: 'ack', id: ID, answer: section })).not.toThrow();
  });

  it('quotes what is not our coded words, safely, under ER_6704 (never as our own message)', () => {
    const plain = textOfAnswer('forwarded\x1b[31m ok');
    expect(plain.code).toBe('ER_6704');
    expect(plain.message.en).toContain('forwarded');
    expect(plain.message.en).not.toContain('\x1b');
    // an unknown code, or a problem code where information belongs, is quoted with its code
    expect(textOfAnswer(JSON.stringify({ code: 'ER_9999', message: { ja: 'x', en: 'y' } })).message.en).toContain('ER_9999 y');
    expect(textOfAnswer(JSON.stringify({ code: 'ER_2307', message: { ja: 'x', en: 'refused' } })).code).toBe('ER_6704');
    expect(textOfAnswer('').message.en).toContain('(empty)');
    expect(textOfAnswer('x'.repeat(4000)).message.en.length).toBeLessThan(1200);
  });
});
