/** What comes back after the frame is sent: the center's ACK frame, a modem line, or line noise before the ACK. */
import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameDecoder } from '../../../../../service/routes/frame/codec.js';
import { answerStep } from '../../../../../service/routes/frame/ack-reader.js';

const ID = '8c1f3e2a-1b2c-4d5e-8f90-123456789abc';
const ack = encodeFrame({ type: 'ack', id: ID });

describe('the answer after a frame', () => {
  it('reads the ACK after the tail of CONNECT', () => {
    const r = answerStep(new FrameDecoder({ maxPayload: 0 }))(Buffer.concat([Buffer.from('\r\n'), ack]));
    expect(r?.value).toEqual({ frame: { type: 'ack', id: ID } });
  });

  it('reads a modem line that comes instead (NO CARRIER)', () => {
    const r = answerStep(new FrameDecoder({ maxPayload: 0 }))(Buffer.from('\r\nNO CARRIER\r\n'));
    expect(r?.value).toEqual({ modem: 'NO CARRIER' });
  });

  it('skips line noise before the ACK instead of losing the ACK in it (a lost ACK means a second call)', () => {
    const noisy = Buffer.concat([Buffer.from([0x00, 0xff, 0x7e]), ack]);
    const r = answerStep(new FrameDecoder({ maxPayload: 0 }))(noisy);
    expect(r?.value).toEqual({ frame: { type: 'ack', id: ID } });
    expect(r?.used).toBe(noisy.length);
  });

  it('noise, then the ACK arriving in pieces', () => {
    const step = answerStep(new FrameDecoder({ maxPayload: 0 }));
    const all = Buffer.concat([Buffer.from([0x13, 0x11]), ack]);
    expect(step(all.subarray(0, 5))).toBeUndefined();
    expect(step(all)?.value).toEqual({ frame: { type: 'ack', id: ID } });
  });

  it('a reader waiting for ACK/NAK refuses any other frame at its first bytes (it never buffers a report sent back)', () => {
    const report = encodeFrame({ type: 'report', id: ID, header: Buffer.from('{}'), payload: Buffer.alloc(0) });
    const step = answerStep(new FrameDecoder({ maxPayload: 0, accept: ['ack', 'nak'] }));
    expect(() => step(report.subarray(0, 8))).toThrow(/a report frame where only ack or nak may come/);
  });
});
