/**
 * The center's answer on the modem line (service/routes/frame/ack-reader.ts answerStep): modem lines (NO CARRIER, RING,
 * noise) and the ACK/NAK frame, read the way SerialLine.until reads them: the step sees all bytes received so far and
 * takes what it used off their front; bytes arrive in random pieces.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { answerStep, type Answer } from '../../../service/routes/frame/ack-reader.js';
import { FrameDecoder, encodeFrame, type Frame } from '../../../service/routes/frame/codec.js';
import { type Problem } from '../../../shared/messages/problem.js';
import { CodedError } from '../../../shared/node/coded-error.js';
import { mutate } from '../corpus.js';
import { check, type FuzzTarget } from '../harness.js';
import { pieces } from './frame.js';

const LINES = ['NO CARRIER', 'RING', 'CONNECT 9600/ARQ', 'ERROR', 'OK', 'NO DIALTONE', 'E', 'ER', 'ERP', 'Error from center', '+++', '~~~'];
const line = fc.tuple(fc.oneof(fc.constantFrom(...LINES), fc.stringMatching(/^[\x20-\x7e]{1,20}$/)), fc.constantFrom('\r\n', '\r', '\n'));
const answer: fc.Arbitrary<Frame> = fc
  .oneof(
    fc.record({ type: fc.constant('ack' as const), id: fc.stringMatching(/^[\x21-\x7e]{1,40}$/) }),
    fc.record({
      type: fc.constant('nak' as const),
      id: fc.stringMatching(/^[\x21-\x7e]{1,40}$/),
      reason: fc.string({ maxLength: 30 }),
      permanent: fc.boolean(),
    }),
  )
  .map((f) => ({ ...f }));

interface AnswerInput {
  lines: string[];
  frame: Frame;
  bytes: Buffer;
  cuts: number[];
  mutated: boolean;
}
const input: fc.Arbitrary<AnswerInput> = fc
  .tuple(
    fc.array(line, { maxLength: 4 }),
    answer,
    fc.array(fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }), { maxLength: 2 }),
    fc.array(fc.nat(), { maxLength: 6 }),
  )
  .map(([ls, frame, ms, cuts]) => {
    const clean = Buffer.concat([Buffer.from(ls.map(([l, eol]) => l + eol).join(''), 'latin1'), encodeFrame(frame)]);
    const bytes = mutate(clean, ms);
    return {
      lines: ls.map(([l]) => l.trim()), // a line of spaces is read as an empty line of the modem's
      frame,
      bytes,
      cuts: cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b),
      mutated: ms.length > 0,
    };
  });

/** SerialLine.until's way with a step, over the pieces; every value the step gives, or its refusal. */
function readAll(bytes: Buffer, cuts: number[]): { values: Answer[]; problem?: Problem } {
  const step = answerStep(new FrameDecoder({ maxPayload: 0, accept: ['ack', 'nak'] }));
  const values: Answer[] = [];
  let received = Buffer.alloc(0);
  for (const p of pieces(bytes, cuts)) {
    received = Buffer.concat([received, p]);
    try {
      for (let found = step(received); found; found = received.length > 0 ? step(received) : undefined) {
        values.push(found.value);
        received = received.subarray(found.used);
      }
    } catch (e) {
      if (!(e instanceof CodedError)) throw e;
      return { values, problem: e.problem };
    }
  }
  return { values };
}

export const modemAnswerTarget: FuzzTarget<AnswerInput> = {
  name: 'modem-answer',
  properties: [
    "whole lines before the frame are read as the modem's (whatever letter they start with), then the ACK/NAK frame, in any pieces",
    'damaged bytes give a coded refusal (ER_2250-ER_2253), never another error',
  ],
  arbitrary: input,
  run(i) {
    const r = readAll(i.bytes, i.cuts);
    if (r.problem) check(['ER_2250', 'ER_2251', 'ER_2252', 'ER_2253'].includes(r.problem.code), `refused with ${r.problem.code}`);
    if (!i.mutated) {
      check(!r.problem, `a clean answer was refused: ${r.problem?.message.en}`);
      const want: Answer[] = [...i.lines.map((l) => ({ modem: l })), { frame: i.frame }];
      check(isDeepStrictEqual(r.values, want), `read ${JSON.stringify(r.values)}, want ${JSON.stringify(want)}`);
    }
    return r.problem ? { refused: [r.problem], offset: i.bytes.length } : { roundTrip: !i.mutated };
  },
};
