/** The report frame (service/routes/frame/codec.ts): round trips through any split of the byte stream, and refusals. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc32 } from 'node:zlib';
import { encodeFrame, FrameDecoder, FRAME_LIMITS, openSealedContent, sealedContent, type Frame } from '../../../../../service/routes/frame/codec.js';
import { isCodedError } from '../../../../../shared/node/coded-error.js';

const id = fc.stringMatching(/^[\x21-\x7e]{1,64}$/);
const bytes = (max: number) => fc.uint8Array({ maxLength: max }).map((a) => Buffer.from(a));
const frame: fc.Arbitrary<Frame> = fc.oneof(
  fc.record({ type: fc.constant('report' as const), id, header: bytes(300), payload: bytes(3000) }),
  fc.record({ type: fc.constant('sealed' as const), id, envelope: bytes(2000) }),
  fc.record({ type: fc.constant('ack' as const), id }),
  fc.record({ type: fc.constant('ack' as const), id, answer: fc.string({ maxLength: 200 }) }),
  fc.record({ type: fc.constant('nak' as const), id, reason: fc.string({ maxLength: 200 }), permanent: fc.boolean() }),
  fc.record({ type: fc.constant('probe' as const), id }),
);

/** The stream cut at the given points (sorted, deduplicated, inside the stream). */
function split(stream: Buffer, cuts: number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const c of [...at, stream.length]) {
    pieces.push(stream.subarray(from, c));
    from = c;
  }
  return pieces;
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isCodedError(e)) return e.code;
    throw e;
  }
  throw new Error('expected a coded error');
}

/** Rewrites the trailing CRC so a deliberately changed frame is otherwise valid. */
const resum = (b: Buffer): Buffer => {
  const body = b.subarray(0, b.length - 4);
  const out = Buffer.from(b);
  out.writeUInt32BE(crc32(body), b.length - 4);
  return out;
};

describe('report frame', () => {
  it('decodes what was encoded, whatever pieces the bytes arrive in', () => {
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 40 }), (frames, cuts) => {
        const stream = Buffer.concat(frames.map(encodeFrame));
        const d = new FrameDecoder();
        const got = split(stream, cuts).flatMap((p) => d.push(p));
        expect(got).toEqual(frames);
        expect(d.idle).toBe(true);
      }),
    );
  });

  it('starts with the documented bytes: ERPF, version 1, type, flags, then u32 big-endian lengths and a CRC-32', () => {
    const b = encodeFrame({ type: 'nak', id: 'ab', reason: 'x', permanent: true });
    expect(b.subarray(0, 7)).toEqual(Buffer.from([0x45, 0x52, 0x50, 0x46, 0x01, 0x4e, 0x01]));
    expect(b.subarray(7, 13)).toEqual(Buffer.from([0, 0, 0, 2, 0x61, 0x62]));
    expect(b.subarray(13, 18)).toEqual(Buffer.from([0, 0, 0, 1, 0x78]));
    expect(b.readUInt32BE(18)).toBe(crc32(b.subarray(0, 18)));
    expect(b.length).toBe(22);
  });

  it("a probe is 'P' with one section, the id, and is refused by a reader that waits for ACK or NAK", () => {
    const b = encodeFrame({ type: 'probe', id: 'probe-1' });
    expect(b.subarray(0, 7)).toEqual(Buffer.from([0x45, 0x52, 0x50, 0x46, 0x01, 0x50, 0x00]));
    expect(b.subarray(7, 18)).toEqual(Buffer.concat([Buffer.from([0, 0, 0, 7]), Buffer.from('probe-1')]));
    expect(b.readUInt32BE(18)).toBe(crc32(b.subarray(0, 18)));
    expect(b.length).toBe(22);
    expect(new FrameDecoder({ accept: ['probe', 'report'] }).push(b)).toEqual([{ type: 'probe', id: 'probe-1' }]);
    expect(codeOf(() => new FrameDecoder({ accept: ['ack', 'nak'] }).push(b))).toBe('ER_2253');
    const flagged = Buffer.from(b);
    flagged[6] = 0x01; // the permanent flag belongs to NAK alone
    expect(codeOf(() => new FrameDecoder().push(resum(flagged)))).toBe('ER_2253');
  });

  it('refuses a frame whose CRC does not match (any one byte changed)', () => {
    fc.assert(
      fc.property(frame, fc.nat(), fc.integer({ min: 1, max: 255 }), (f, at, xor) => {
        const b = Buffer.from(encodeFrame(f));
        const i = 7 + (at % (b.length - 7)); // past the prelude, whose damage has its own codes
        b[i] = b[i]! ^ xor;
        // Never a frame: a changed length byte may announce more than the limit, or leave the frame incomplete.
        let decoded: Frame[] = [];
        try {
          decoded = new FrameDecoder().push(b);
        } catch (e) {
          expect(isCodedError(e) && ['ER_2251', 'ER_2252', 'ER_2253'].includes(e.code)).toBe(true);
        }
        expect(decoded).toEqual([]);
      }),
      { numRuns: 200 },
    );
    const b = Buffer.from(encodeFrame({ type: 'ack', id: 'r1' }));
    b[b.length - 1] = b[b.length - 1]! ^ 1;
    expect(codeOf(() => new FrameDecoder().push(b))).toBe('ER_2252');
  });

  it('refuses a length over the limit as soon as the length is in, without waiting for the bytes', () => {
    const head = Buffer.concat([Buffer.from('ERPF'), Buffer.from([1, 0x52, 0]), Buffer.from([0, 0, 0, 2]), Buffer.from('r1')]);
    const over = Buffer.alloc(4);
    over.writeUInt32BE(FRAME_LIMITS.header + 1);
    expect(codeOf(() => new FrameDecoder().push(Buffer.concat([head, over])))).toBe('ER_2251');
    const payload = Buffer.alloc(4);
    payload.writeUInt32BE(11);
    const small = Buffer.concat([head, Buffer.from([0, 0, 0, 0]), payload]);
    expect(codeOf(() => new FrameDecoder({ maxPayload: 10 }).push(small))).toBe('ER_2251');
    expect(codeOf(() => encodeFrame({ type: 'ack', id: 'x'.repeat(65) }))).toBe('ER_2251');
  });

  it('refuses bytes that are not a frame at the first wrong byte, and names them', () => {
    const d = new FrameDecoder();
    try {
      d.push(Buffer.from('\r\nNO'));
      throw new Error('not refused');
    } catch (e) {
      expect(isCodedError(e, 'ER_2250')).toBe(true);
      if (isCodedError(e)) expect(e.problem.message.en).toContain('0d 0a 4e 4f');
    }
    expect(new FrameDecoder().push(Buffer.from('ER'))).toEqual([]);
  });

  it('refuses an unknown version, type or flag', () => {
    const ack = encodeFrame({ type: 'ack', id: 'r1' });
    for (const [at, value] of [
      [4, 2],
      [5, 0x5a],
      [6, 0x01],
    ] as const) {
      const b = Buffer.from(ack);
      b[at] = value;
      expect(
        codeOf(() => new FrameDecoder().push(resum(b))),
        `byte ${at}`,
      ).toBe('ER_2253');
    }
  });

  it("an ACK's answer is a second section under flag 0x02; an ACK without it is the id alone, as before", () => {
    const plain = encodeFrame({ type: 'ack', id: 'ab' });
    expect(plain.subarray(0, 7)).toEqual(Buffer.from([0x45, 0x52, 0x50, 0x46, 0x01, 0x41, 0x00]));
    expect(plain.length).toBe(17);
    expect(new FrameDecoder().push(plain)).toEqual([{ type: 'ack', id: 'ab' }]);
    const b = encodeFrame({ type: 'ack', id: 'ab', answer: 'x' });
    expect(b.subarray(0, 7)).toEqual(Buffer.from([0x45, 0x52, 0x50, 0x46, 0x01, 0x41, 0x02]));
    expect(b.subarray(7, 18)).toEqual(Buffer.from([0, 0, 0, 2, 0x61, 0x62, 0, 0, 0, 1, 0x78]));
    expect(b.readUInt32BE(18)).toBe(crc32(b.subarray(0, 18)));
    expect(new FrameDecoder({ accept: ['ack', 'nak'], maxPayload: 0 }).push(b)).toEqual([{ type: 'ack', id: 'ab', answer: 'x' }]);
    // an empty answer is still an answer (the flag says so), and one over 4 KiB is refused at its length
    expect(new FrameDecoder().push(encodeFrame({ type: 'ack', id: 'ab', answer: '' }))).toEqual([{ type: 'ack', id: 'ab', answer: '' }]);
    expect(codeOf(() => encodeFrame({ type: 'ack', id: 'ab', answer: 'x'.repeat(FRAME_LIMITS.answer + 1) }))).toBe('ER_2251');
    // the answer flag on another type, or the NAK's permanent bit on an ACK, is not a flag this program knows
    const probe = Buffer.from(encodeFrame({ type: 'probe', id: 'ab' }));
    probe[6] = 0x02;
    expect(codeOf(() => new FrameDecoder().push(resum(probe)))).toBe('ER_2253');
  });

  it('hands back what follows a frame', () => {
    const d = new FrameDecoder();
    d.feed(Buffer.concat([encodeFrame({ type: 'ack', id: 'r1' }), Buffer.from('+++')]));
    expect(d.next()).toEqual({ type: 'ack', id: 'r1' });
    expect(d.rest().toString()).toBe('+++');
    expect(d.idle).toBe(true);
  });

  it('sealed content round-trips and refuses trailing or missing bytes', () => {
    fc.assert(
      fc.property(bytes(500), bytes(500), (h, p) => {
        expect(openSealedContent(sealedContent(h, p))).toEqual({ header: h, payload: p });
      }),
    );
    const c = sealedContent(Buffer.from('{}'), Buffer.from('zip'));
    expect(codeOf(() => openSealedContent(Buffer.concat([c, Buffer.from([0])])))).toBe('ER_2253');
    expect(codeOf(() => openSealedContent(c.subarray(0, c.length - 1)))).toBe('ER_2253');
  });
});
